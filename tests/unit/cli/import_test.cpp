// `sijill import` end to end, in process (issue #3): files written only when every input is
// good; quiet stderr when it is not a terminal.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <sstream>

#include "cli/command.h"
#include "support/golden.h"

namespace sijill::cli {

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(import)

namespace fs = std::filesystem;

namespace {

struct Run {
  int exit = 0;
  std::string out, err;
};

Run Import(std::vector<std::string> argv, bool terminal = false) {
  std::ostringstream out, err;
  std::istringstream in;
  Context context(out, err, in);
  context.err_is_terminal = terminal;
  argv.insert(argv.begin(), "import");
  int exit = RunMain(argv, context);
  return {exit, out.str(), err.str()};
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("sijill-import-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

const fs::path kGolden = fs::path(SIJILL_SOURCE_DIR) / "tests/golden/import";

}  // namespace

BOOST_AUTO_TEST_CASE(WritesSlugNamedReportWithMeta) {
  TempDir dir;
  Run run = Import({(kGolden / "a-res-64-293/input.txt").string(), "--meta",
                    (fs::path(SIJILL_SOURCE_DIR) / "tools/import-meta/a-res-64-293.yaml").string(),
                    "--out", (dir.path / "corpus").string()});
  BOOST_TEST(run.exit == 0);
  BOOST_TEST(run.err == "");  // not a terminal: no progress
  BOOST_TEST(fs::exists(dir.path / "corpus/a-res-64-293.md"));
  BOOST_TEST(testing::ReadText(dir.path / "corpus/a-res-64-293.md") ==
             testing::ReadText(kGolden / "a-res-64-293/expected.md"));
}

BOOST_AUTO_TEST_CASE(OneBadFileMeansNothingIsWritten) {
  TempDir dir;
  testing::WriteText(dir.path / "bad.txt", "أولاً - مقدمة\n\xFF\n");
  Run run = Import({(kGolden / "ctoc-cop-2012-provisional/input.txt").string(),
                    (dir.path / "bad.txt").string(), "--out", (dir.path / "corpus").string()});
  BOOST_TEST(run.exit == 1);
  BOOST_TEST(run.err == "sijill: " + (dir.path / "bad.txt").string() + ":2:1: invalid UTF-8\n");
  BOOST_TEST(!fs::exists(dir.path / "corpus"));
}

BOOST_AUTO_TEST_CASE(ProgressOnlyOnATerminal) {
  TempDir dir;
  Run run = Import(
      {(kGolden / "ctoc-cop-2012-provisional/input.txt").string(), "--meta",
       (fs::path(SIJILL_SOURCE_DIR) / "tools/import-meta/ctoc-cop-2012-provisional.yaml").string(),
       "--out", dir.path.string()},
      true);
  BOOST_TEST(run.exit == 0);
  BOOST_TEST(run.err.find("importing 1/1: ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(JsonReportsTheQualityFigures) {
  TempDir dir;
  Run run = Import({(kGolden / "ctoc-cop-wg.4-2013-5/input.txt").string(), "--json", "--out",
                    dir.path.string()});
  BOOST_TEST(run.exit == 0);
  BOOST_TEST(run.out.find("\"order\": \"visual\"") != std::string::npos);
  BOOST_TEST(run.out.find("\"paragraphs\": 71") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::cli
