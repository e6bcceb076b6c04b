#include "unit/record/sample_repo.h"

#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <filesystem>
#include <sstream>

#include "support/golden.h"

namespace sijill::testing {

namespace {

namespace fs = std::filesystem;

store::Signature At(long long when) { return {"sijill tests", "tests@sijill.invalid", when, 0}; }

const char* kP22 = "recommendations/ctoc-cop-wg.4-2013-5/p22.yaml";
const char* kP11 = "recommendations/ctoc-cop-wg.4-2013-5/p11.yaml";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("sample record changed: " + from);
  return text.replace(at, from.size(), to);
}

}  // namespace

SampleRepo::SampleRepo() {
  fs::path input = fs::path(SIJILL_SOURCE_DIR) / "tests/golden/record/input";
  store::ChangeSet changes;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(input)) {
    if (!entry.is_regular_file()) continue;
    std::string path = fs::relative(entry.path(), input).generic_string();
    if (path.starts_with("recommendations/")) ++record_count;
    changes.files.push_back({path, ReadText(entry.path())});
  }
  first = repo.repo().Commit(changes, At(1700000000), "sample\n");

  std::string p22 = Replace(*repo.repo().ReadFile(kP22), "status: open\nfollowup: []\n",
                            "status: in-progress\n"
                            "followup:\n"
                            "  - date: 2018-07-23\n"
                            "    status: in-progress\n"
                            "    note: ورقة المكتب عن رسوم التوظيف\n"
                            "    evidence:\n"
                            "      - symbol: CTOC/COP/2018/2\n"
                            "        paragraph: 22\n"
                            "      - url: https://undocs.org/CTOC/COP/2018/2\n"
                            "    by: Amina Haddad <amina@example.org>\n");
  std::string p11 = Replace(*repo.repo().ReadFile(kP11), "status: open\n", "status: ongoing\n");
  second = repo.repo().Commit({.base = first, .files = {{kP22, p22}, {kP11, p11}}},
                              At(1700086400), "follow-up\n");
}

record::Consolidated SampleRepo::Build() {
  record::BuildOptions options;
  options.since = first;
  // An example lineage entry, as the suggest layer will compute them: the 2013 call to work
  // with civil society continues the 2010 Global Plan's.
  options.lineage["ctoc-cop-wg.4-2013-5.p5"] = {"a-res-64-293.annex.p53"};
  return record::BuildRecord(repo.repo(), options);
}

std::string ZipEntry(const std::string& zip, const std::string& name) {
  std::istringstream in(zip);
  Poco::Zip::ZipArchive archive(in);
  auto header = archive.findHeader(name);
  if (header == archive.headerEnd()) return "";
  std::istringstream again(zip);
  Poco::Zip::ZipInputStream member(again, header->second);
  std::string out;
  Poco::StreamCopier::copyToString(member, out);
  return out;
}

}  // namespace sijill::testing
