// The .docx record as the secretariat opens it (issue 5 item 1): LibreOffice (Debian's
// libreoffice-writer-nogui, installed by tools/setup) converts the golden sample's record to PDF,
// and pdftotext reads it back. What must survive Word-processor round trip: the Arabic text as
// adopted, its word order, and the order of the meetings (by date).
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "sijill/record/formats.h"
#include "support/golden.h"
#include "unit/record/sample_repo.h"

namespace sijill::testing {

namespace {

namespace fs = std::filesystem;

std::string Which(const std::string& program) {
  for (const char* dir : {"/usr/bin/", "/usr/local/bin/"})
    if (fs::exists(std::string(dir) + program)) return dir + program;
  return "";
}

struct ScratchDir {
  fs::path path;
  ScratchDir() {
    char pattern[] = "/tmp/sijill-docx-lo-XXXXXX";
    path = mkdtemp(pattern);
  }
  ~ScratchDir() {
    std::error_code ignored;
    // SIJILL_KEEP_SCRATCH=1 keeps the .docx, the PDF and its text for a person to look at.
    if (!std::getenv("SIJILL_KEEP_SCRATCH")) fs::remove_all(path, ignored);
  }
};

// A bidi control (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), as UTF-8.
bool IsBidiControl(const std::string& text, size_t at) {
  if (at + 2 >= text.size() || text[at] != '\xE2') return false;
  unsigned char second = static_cast<unsigned char>(text[at + 1]);
  unsigned char third = static_cast<unsigned char>(text[at + 2]);
  return (second == 0x80 && (third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE))) ||
         (second == 0x81 && third >= 0xA6 && third <= 0xA9);
}

// pdftotext's rendering of a string: it writes a line break where a PDF line ends and wraps
// each line in bidi embeddings (the reading order is already logical), so a phrase is searched
// for with the controls dropped, spaces and line breaks treated alike, and no space around a
// hyphen (the bidi embedding of "أولا - منع" loses one of them).
std::string Words(const std::string& text) {
  std::string out;
  for (size_t at = 0; at < text.size(); ++at) {
    if (IsBidiControl(text, at)) {
      at += 2;
      continue;
    }
    char c = text[at];
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\f' || c == '\t';
    if (space && (out.empty() || out.back() == ' ' || out.back() == '-')) continue;
    if (c == '-' && !out.empty() && out.back() == ' ') out.pop_back();
    out += space ? ' ' : c;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(record)
BOOST_AUTO_TEST_SUITE(docx_libreoffice)

BOOST_AUTO_TEST_CASE(LibreOfficeOpensTheRecordAndKeepsTheArabicTextInOrder) {
  std::string soffice = Which("soffice"), pdftotext = Which("pdftotext");
  if (soffice.empty() || pdftotext.empty()) {
    BOOST_TEST_MESSAGE("LibreOffice or poppler-utils is not installed (tools/setup installs them): "
                       "skipped");
    return;
  }
  SampleRepo sample;
  ScratchDir dir;
  fs::path docx = dir.path / "record.docx";
  {
    std::ofstream out(docx, std::ios::binary);
    sijill::record::FindFormat("docx")->write(sample.Build(), out);
  }
  // A profile of its own: a second LibreOffice (a person's, another test's) would otherwise
  // lock the shared one and make the conversion a silent no-op.
  std::string command = "cd '" + dir.path.string() + "' && timeout 300 '" + soffice +
                        "' -env:UserInstallation=file://" + dir.path.string() +
                        "/profile --headless --norestore --convert-to pdf record.docx" +
                        " > convert.log 2>&1 && '" + pdftotext +
                        "' -enc UTF-8 record.pdf record.txt 2>> convert.log";
  int status = std::system(command.c_str());
  BOOST_TEST_REQUIRE(status == 0, "conversion failed: " << ReadText(dir.path / "convert.log"));
  std::string text = Words(ReadText(dir.path / "record.txt"));
  BOOST_TEST_REQUIRE(!text.empty());

  // The record's title and a recommendation as adopted, word for word in reading order.
  BOOST_TEST(text.find(Words("سجل توصيات مكافحة الاتجار بالأشخاص")) != std::string::npos,
             text.substr(0, 600));
  const std::string kAdopted =  // CTOC/COP/WG.4/2013/5 ¶22, as the sample corpus has it
      "ينبغي للدول الأطراف أن تنظر في اتخاذ تدابير لفرض ضوابط تنظيمية على وترخيصها";
  BOOST_TEST(text.find(Words(kAdopted)) != std::string::npos);
  // Meetings in date order (the Global Plan of 2010 before the Working Group of 2013), and the
  // Plan's sections in their order.
  size_t plan = text.find(Words("خطة عمل الأمم المتحدة العالمية لمكافحة الاتجار بالأشخاص"));
  size_t group = text.find(Words("تقرير عن اجتماع الفريق العامل المعني بالاتجار بالأشخاص"));
  size_t prevention = text.find(Words("أولا - منع الاتجار بالأشخاص"));
  size_t protection = text.find(Words("ثانيا - حماية ضحايا الاتجار بالأشخاص ومساعدتهم"));
  BOOST_TEST_REQUIRE(plan != std::string::npos);
  BOOST_TEST_REQUIRE(group != std::string::npos);
  BOOST_TEST_REQUIRE(prevention != std::string::npos);
  BOOST_TEST_REQUIRE(protection != std::string::npos);
  BOOST_TEST(plan < prevention);
  BOOST_TEST(prevention < protection);
  BOOST_TEST(protection < group);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
