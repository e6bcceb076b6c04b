// `sijill extract` end to end on a tiny repository (issue #3 item 3): one commit, idempotent,
// a corrected text updates `text:` (and the addressees and modality read from it) and keeps
// status and follow-up.
#include <boost/test/unit_test.hpp>

#include "support/run_cli.h"
#include "support/test_repo.h"

namespace sijill::testing {

namespace {

const char* const kReport = R"(-- corpus/ctoc-cop-wg.4-2013-5.md --
---
symbol: "CTOC/COP/WG.4/2013/5"
title: "تقرير"
type: "report"
body: "الفريق العامل المعني بالاتجار بالأشخاص"
date: "2013-11-08"
language: "ar"
---
# ثانياً - التوصيات

4. اعتمد الفريق العامل التوصيات الواردة أدناه.

## ألف - توصيات عامة

5. يجب على الدول الأطراف أن تقرّ بدور المجتمع المدني.

6. ينبغي للمكتب أن يواصل عمله.
)";

CliResult Extract(const TestRepo& repo, const std::string& extra = "") {
  std::vector<std::string> args = {"--repo", repo.root(), "extract", "--author",
                                   "Extract Test <t@example.org>"};
  if (!extra.empty()) args.push_back(extra);
  return RunSijill(args);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(extract_cli)

BOOST_AUTO_TEST_CASE(ExtractCommitsAllRecordsInOneCommit) {
  TestRepo repo = TestRepo::FromText(kReport);
  CliResult result = Extract(repo, "--json");
  BOOST_TEST(result.exit_code == 0, result.err);
  BOOST_TEST(result.out.find("\"created\": 2") != std::string::npos, result.out);
  BOOST_TEST(repo.Git("rev-list --count HEAD") == "2\n");
  BOOST_TEST(repo.Git("show --name-only --format= HEAD") ==
             "recommendations/ctoc-cop-wg.4-2013-5/p5.yaml\n"
             "recommendations/ctoc-cop-wg.4-2013-5/p6.yaml\n");
  BOOST_TEST(repo.Git("log -1 --format=%an HEAD") == "Extract Test\n");
}

BOOST_AUTO_TEST_CASE(SecondRunHasNothingToDo) {
  TestRepo repo = TestRepo::FromText(kReport);
  BOOST_TEST(Extract(repo).exit_code == 0);
  CliResult again = Extract(repo);
  BOOST_TEST(again.exit_code == 0);
  BOOST_TEST(again.out == "nothing to do: 2 records up to date\n");
  BOOST_TEST(repo.Git("rev-list --count HEAD") == "2\n");
}

BOOST_AUTO_TEST_CASE(CorrectedTextUpdatesOnlyTheTextAndKeepsFollowUp) {
  TestRepo repo = TestRepo::FromText(kReport);
  BOOST_TEST(Extract(repo).exit_code == 0);
  std::string path = "recommendations/ctoc-cop-wg.4-2013-5/p6.yaml";
  std::string record = repo.Read(path);
  size_t status = record.find("status: open\nfollowup: []\n");
  BOOST_REQUIRE(status != std::string::npos);
  record.replace(status, std::string("status: open\nfollowup: []\n").size(),
                 "status: in-progress\nfollowup:\n  - date: 2026-11-23\n    status: in-progress\n"
                 "    note: started\n    by: A <a@example.org>\n");
  repo.Commit("-- " + path + " --\n" + record, "status");
  std::string report = repo.Read("corpus/ctoc-cop-wg.4-2013-5.md");
  report.replace(report.find("أن يواصل عمله"), std::string("أن يواصل عمله").size(),
                 "أن يواصل عمله بشأن المفاهيم");
  repo.Commit("-- corpus/ctoc-cop-wg.4-2013-5.md --\n" + report, "fix text");
  CliResult result = Extract(repo, "--json");
  BOOST_TEST(result.out.find("\"updated\": 1") != std::string::npos, result.out);
  BOOST_TEST(result.out.find("\"unchanged\": 1") != std::string::npos, result.out);
  std::string updated = repo.Read(path);
  BOOST_TEST(updated.find("ينبغي للمكتب أن يواصل عمله بشأن المفاهيم") != std::string::npos);
  BOOST_TEST(updated.find("status: in-progress") != std::string::npos);
  BOOST_TEST(updated.find("note: started") != std::string::npos);
  BOOST_TEST(repo.Git("show --name-only --format= HEAD") == path + "\n");
}

// A hand fix (docs/import.md) that changes who is addressed: the record follows the text, keeps
// its id and file, and no record is added.
BOOST_AUTO_TEST_CASE(HandFixedParagraphUpdatesAddresseesWithoutNewRecords) {
  TestRepo repo = TestRepo::FromText(kReport);
  BOOST_TEST(Extract(repo).exit_code == 0);
  std::string path = "recommendations/ctoc-cop-wg.4-2013-5/p6.yaml";
  BOOST_TEST(repo.Read(path).find("addressees: [unodc]\n") != std::string::npos);
  std::string report = repo.Read("corpus/ctoc-cop-wg.4-2013-5.md");
  report.replace(report.find("ينبغي للمكتب أن يواصل عمله."),
                 std::string("ينبغي للمكتب أن يواصل عمله.").size(),
                 "ينبغي للدول الأطراف أن تواصل عملها.");
  repo.Commit("-- corpus/ctoc-cop-wg.4-2013-5.md --\n" + report, "corpus: hand fix of p6");
  CliResult result = Extract(repo, "--json");
  BOOST_TEST(result.out.find("\"updated\": 1") != std::string::npos, result.out);
  BOOST_TEST(result.out.find("\"created\": 0") != std::string::npos, result.out);
  std::string updated = repo.Read(path);
  BOOST_TEST(updated.find("addressees: [states-parties]\n") != std::string::npos, updated);
  BOOST_TEST(updated.find("modality: should\n") != std::string::npos, updated);
  BOOST_TEST(updated.find("id: ctoc-cop-wg.4-2013-5.p6\n") != std::string::npos, updated);
  BOOST_TEST(repo.Git("ls-files recommendations") ==
             "recommendations/ctoc-cop-wg.4-2013-5/p5.yaml\n" + path + "\n");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
