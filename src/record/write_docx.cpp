// The record as a .docx package (what a UN secretariat edits), zipped with Poco::Zip.
// The body (word/document.xml) is streamed into a temporary file first and zipped from there,
// so a record of any size is never held in memory whole. Every member carries the same fixed
// time (1980-01-01, the zip epoch): the same record gives the same bytes. The output stream
// need not be seekable (an HTTP response): sizes go in data descriptors.
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "record/docx_internal.h"
#include "sijill/error.h"
#include "sijill/record/formats.h"

namespace sijill::record {

namespace {

// A temporary file removed when it goes out of scope.
class TempFile {
 public:
  TempFile() {
    path_ = (std::filesystem::temp_directory_path() / "sijill-docx-XXXXXX").string();
    int fd = mkstemp(path_.data());
    if (fd < 0) throw Error(Error::Kind::kIo, "cannot create a temporary file in " + path_);
    close(fd);
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void Add(Poco::Zip::Compress& zip, std::istream& in, const std::string& name) {
  static const Poco::DateTime kEpoch(1980, 1, 1);
  zip.addFile(in, kEpoch, Poco::Path(name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
              Poco::Zip::ZipCommon::CL_NORMAL);
}

void AddText(Poco::Zip::Compress& zip, const std::string& text, const std::string& name) {
  std::istringstream in(text);
  Add(zip, in, name);
}

}  // namespace

void WriteDocx(const Consolidated& record, std::ostream& out) {
  TempFile body;
  {
    std::ofstream file(body.path(), std::ios::binary | std::ios::trunc);
    docx::WriteDocument(record, file);
    file.flush();
    if (!file) throw Error(Error::Kind::kIo, "cannot write " + body.path());
  }
  Poco::Zip::Compress zip(out, false);
  // [Content_Types].xml first, as Word writes it (some readers look for it there).
  AddText(zip, docx::ContentTypes(), "[Content_Types].xml");
  AddText(zip, docx::PackageRels(), "_rels/.rels");
  AddText(zip, docx::DocumentRels(), "word/_rels/document.xml.rels");
  AddText(zip, docx::Styles(), "word/styles.xml");
  AddText(zip, docx::Settings(), "word/settings.xml");
  std::ifstream document(body.path(), std::ios::binary);
  Add(zip, document, "word/document.xml");
  zip.close();
  if (!out) throw Error(Error::Kind::kIo, "cannot write the .docx");
}

}  // namespace sijill::record
