// End-to-end tests of `sijill record` driving the real binary (issue 5 items 1 and 4).
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "support/golden.h"
#include "support/run_cli.h"
#include "support/test_repo.h"

namespace sijill::testing {

namespace {

namespace fs = std::filesystem;

const char* kRepo = R"(-- corpus/ctoc-cop-wg.4-2013-5.md --
---
symbol: "CTOC/COP/WG.4/2013/5"
title: "تقرير عن اجتماع الفريق العامل المعني بالاتجار بالأشخاص"
type: "report"
body: "الفريق العامل المعني بالاتجار بالأشخاص"
date: "2013-11-08"
language: "ar"
---

## جيم - كيفية خفض الطلب

5. يجب على الدول الأطراف أن تعترف بالمجتمع المدني شريكاً في منع الاتجار بالأشخاص.

22. ينبغي للدول الأطراف أن تنظِّم وكالات التوظيف وأن تحظر تقاضي رسوم التوظيف من العمال.
-- recommendations/ctoc-cop-wg.4-2013-5/p22.yaml --
id: ctoc-cop-wg.4-2013-5.p22
source:
  symbol: CTOC/COP/WG.4/2013/5
  paragraph: "22"
  section: جيم - كيفية خفض الطلب
text: |
  ينبغي للدول الأطراف أن تنظِّم وكالات التوظيف وأن تحظر تقاضي رسوم التوظيف من العمال.
language: ar
adopted: 2013-11-08
addressees: [states-parties]
modality: should
topics: [demand]
status: open
followup: []
-- recommendations/ctoc-cop-wg.4-2013-5/p5.yaml --
id: ctoc-cop-wg.4-2013-5.p5
source:
  symbol: CTOC/COP/WG.4/2013/5
  paragraph: "5"
  section: جيم - كيفية خفض الطلب
text: |
  يجب على الدول الأطراف أن تعترف بالمجتمع المدني شريكاً في منع الاتجار بالأشخاص.
language: ar
adopted: 2013-11-08
addressees: [states-parties]
modality: must
topics: [general]
status: open
followup: []
)";

const char* kP22 = "ctoc-cop-wg.4-2013-5.p22";

CliResult Run(const TestRepo& repo, std::vector<std::string> args) {
  args.insert(args.begin(), {"--repo", repo.root()});
  return RunSijill(args);
}

// The CSV line of one record.
std::string CsvLine(const std::string& csv, const std::string& id) {
  size_t at = csv.find("\r\n" + id + ",");
  if (at == std::string::npos) return "";
  at += 2;
  return csv.substr(at, csv.find("\r\n", at) - at);
}

TestRepo WithStatusChange(std::string& before) {
  TestRepo repo = TestRepo::FromText(kRepo);
  before = repo.Git("rev-parse HEAD").substr(0, 40);
  CliResult status = Run(repo, {"status", kP22, "in-progress", "--note", "ورقة المكتب",
                                "--evidence", "CTOC/COP/WG.4/2013/5#p5", "--author",
                                "Amina Haddad <amina@example.org>", "--date", "2018-07-23"});
  BOOST_REQUIRE_MESSAGE(status.exit_code == 0, status.err);
  return repo;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(record_cli)

BOOST_AUTO_TEST_CASE(AsOfBeforeAndAfterAStatusChangeGivesTheOldAndTheNewStatus) {
  std::string before;
  TestRepo repo = WithStatusChange(before);
  CliResult old_record = Run(repo, {"record", "--format", "csv", "--as-of", before});
  CliResult new_record = Run(repo, {"record", "--format", "csv"});
  BOOST_TEST_REQUIRE(old_record.exit_code == 0, old_record.err);
  BOOST_TEST_REQUIRE(new_record.exit_code == 0, new_record.err);
  std::string old_line = CsvLine(old_record.out, kP22), new_line = CsvLine(new_record.out, kP22);
  BOOST_TEST(old_line.find(",open,,,,,,") != std::string::npos, old_line);
  BOOST_TEST(new_line.find(",in-progress,2018-07-23,in-progress,ورقة المكتب,") != std::string::npos,
             new_line);
  // Markdown shows the as-of commit, not the time of the build.
  CliResult md = Run(repo, {"record", "--as-of", before});
  BOOST_TEST(md.out.find("`" + before + "`") != std::string::npos);
  BOOST_TEST(md.out.find("قيد التنفيذ | ") != std::string::npos);  // the column is always there
  BOOST_TEST(md.out.find("- **الحالة:** قيد التنفيذ") == std::string::npos);
  BOOST_TEST(Run(repo, {"record"}).out.find("- **الحالة:** قيد التنفيذ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(SinceListsTheRecordsWhoseStatusChanged) {
  std::string before;
  TestRepo repo = WithStatusChange(before);
  CliResult result = Run(repo, {"record", "--since", before});
  BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
  std::string row = "| `" + std::string(kP22) + "` |";
  size_t at = result.out.find(row);
  BOOST_TEST_REQUIRE(at != std::string::npos, result.out);
  std::string line = result.out.substr(at, result.out.find('\n', at) - at);
  BOOST_TEST(line.find("تغيّرت الحالة | مفتوحة | قيد التنفيذ | 2018-07-23") != std::string::npos,
             line);
  BOOST_TEST(result.out.find("| `ctoc-cop-wg.4-2013-5.p5` |") == std::string::npos);
  // Since HEAD itself: nothing changed.
  CliResult none = Run(repo, {"record", "--since", "HEAD"});
  BOOST_TEST(none.out.find("لم تتغير حالة أي توصية") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(OutWritesTheSameBytesAsStdoutAndLeavesNoTemporaryFile) {
  TestRepo repo = TestRepo::FromText(kRepo);
  fs::path dir = fs::path(repo.root()) / "out";
  fs::create_directories(dir);
  for (const char* format : {"md", "html", "csv"}) {
    fs::path file = dir / (std::string("record.") + format);
    CliResult written = Run(repo, {"record", "--format", format, "--out", file.string()});
    BOOST_TEST_REQUIRE(written.exit_code == 0, written.err);
    BOOST_TEST(written.out == "");
    BOOST_TEST(ReadText(file) == Run(repo, {"record", "--format", format}).out, format);
  }
  CliResult docx = Run(repo, {"record", "--format", "docx", "--out", (dir / "r.docx").string()});
  BOOST_TEST_REQUIRE(docx.exit_code == 0, docx.err);
  BOOST_TEST(ReadText(dir / "r.docx").rfind("PK\x03\x04", 0) == 0u);
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
  BOOST_TEST(files == 4u);
}

BOOST_AUTO_TEST_CASE(BadFormatIsAUsageErrorAndWritesNothing) {
  TestRepo repo = TestRepo::FromText(kRepo);
  fs::path file = fs::path(repo.root()) / "record.pdf";
  CliResult result = Run(repo, {"record", "--format", "pdf", "--out", file.string()});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out == "");
  BOOST_TEST(result.err.find("unknown format 'pdf' (one of md, html, csv, docx)") !=
                 std::string::npos,
             result.err);
  BOOST_TEST(!fs::exists(file));
}

BOOST_AUTO_TEST_CASE(UnknownRefIsAnErrorAndWritesNothing) {
  TestRepo repo = TestRepo::FromText(kRepo);
  fs::path file = fs::path(repo.root()) / "record.md";
  for (const char* option : {"--as-of", "--since"}) {
    CliResult result = Run(repo, {"record", option, "no-such-tag", "--out", file.string()});
    BOOST_TEST(result.exit_code == 1, option);
    BOOST_TEST(result.out == "");
    BOOST_TEST(result.err.find("unknown revision 'no-such-tag'") != std::string::npos, result.err);
    BOOST_TEST(!fs::exists(file));
  }
  CliResult early = Run(repo, {"record", "--as-of", "1999-01-01"});
  BOOST_TEST(early.exit_code == 1);
  BOOST_TEST(early.err.find("no commit at or before 1999-01-01") != std::string::npos, early.err);
  BOOST_TEST(fs::is_empty(fs::path(repo.root()) / "corpus") == false);
}

// The seeds' real repeat (tests/unit/index/lineage_test.cpp): the 2013 Working Group's ¶25
// continues ¶52 of the Global Plan of Action's annex.
BOOST_AUTO_TEST_CASE(RecordOfHeadMarksRepeatedRecommendationsFromTheIndex) {
  char pattern[] = "/tmp/sijill-record-lineage-XXXXXX";
  fs::path dir = mkdtemp(pattern);
  std::string repo = (dir / "repo").string();
  BOOST_REQUIRE_EQUAL(RunSijill({"init", repo, "--sample", "--author", "T <t@sijill.invalid>"})
                          .exit_code,
                      0);
  const std::string kRepeat = "ctoc-cop-wg.4-2013-5.p25";
  CliResult head = RunSijill({"--repo", repo, "record", "--format", "csv"});
  BOOST_TEST_REQUIRE(head.exit_code == 0, head.err);
  std::string line = CsvLine(head.out, kRepeat);
  BOOST_TEST(line.find("a-res-64-293.annex.p52") != std::string::npos, line);

  CliResult without = RunSijill({"--repo", repo, "record", "--format", "csv", "--no-lineage"});
  BOOST_TEST_REQUIRE(without.exit_code == 0, without.err);
  BOOST_TEST(CsvLine(without.out, kRepeat).find("a-res-64-293") == std::string::npos);

  // An older commit: no lineage (the index mirrors HEAD), so its record stays reproducible.
  CliResult status = RunSijill({"--repo", repo, "status", kRepeat, "in-progress", "--author",
                                "T <t@sijill.invalid>", "--date", "2019-01-01"});
  BOOST_TEST_REQUIRE(status.exit_code == 0, status.err);
  CliResult old = RunSijill({"--repo", repo, "record", "--format", "csv", "--as-of", "HEAD~1"});
  BOOST_TEST_REQUIRE(old.exit_code == 0, old.err);
  BOOST_TEST(old.out == without.out);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(RecordHasHelp) {
  CliResult overview = RunSijill({"--help"});
  BOOST_TEST(overview.out.find("  record") != std::string::npos);
  CliResult help = RunSijill({"record", "--help"});
  BOOST_TEST(help.exit_code == 0);
  BOOST_TEST(help.out.find("usage: sijill record [--format md|html|docx|csv]") == 0u, help.out);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
