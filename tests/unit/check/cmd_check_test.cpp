// `sijill check` end to end: a repository built from one string of files, run in-process.
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>

#include "cli/command.h"
#include "support/test_repo.h"

namespace sijill::cli {

BOOST_AUTO_TEST_SUITE(check)
BOOST_AUTO_TEST_SUITE(cmd_check)

struct Run {
  int exit_code;
  std::string out;
  std::string err;
};

Run Check(const testing::TestRepo& repo, std::vector<std::string> extra = {}) {
  std::ostringstream out, err;
  std::istringstream in;
  Context context(out, err, in);
  std::vector<std::string> argv = {"--repo", repo.root(), "check"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  int code = RunMain(argv, context);
  return {code, out.str(), err.str()};
}

// corpus/a-res-64-293.md cut down to one annex paragraph (seed 004).
const char kFiles[] = R"(
-- corpus/a-res-64-293.md --
---
symbol: "A/RES/64/293"
title: "خطة عمل الأمم المتحدة العالمية لمكافحة الاتجار بالأشخاص"
type: "resolution"
body: "الجمعية العامة"
date: "2010-07-30"
language: "ar"
---
# المرفق

1. إدانة الاتجار بالأشخاص إدانة ثابتة وقوية
-- recommendations/a-res-64-293/annex.p1.yaml --
id: a-res-64-293.annex.p1
source:
  symbol: A/RES/64/293
  paragraph: annex.1
text: إدانة الاتجار بالأشخاص إدانة ثابتة وقوية
language: ar
status: open
followup: []
)";

BOOST_AUTO_TEST_CASE(ACleanRepositoryExitsZero) {
  testing::TestRepo repo = testing::TestRepo::FromText(kFiles);
  Run run = Check(repo);
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.out == "");
  BOOST_TEST(run.err == "sijill check: 2 files, 0 errors, 0 warnings\n");
}

BOOST_AUTO_TEST_CASE(ProblemsArePrintedOnePerLineAndExitOne) {
  testing::TestRepo repo = testing::TestRepo::FromText(kFiles);
  repo.Commit(
      "-- recommendations/a-res-64-293/annex.p2.yaml --\nid: a-res-64-293.annex.p2\n"
      "source: {symbol: A/RES/64/293, paragraph: annex.2}\ntext: x\nlanguage: ar\n"
      "status: opne\n");
  Run run = Check(repo);
  BOOST_TEST(run.exit_code == 1);
  BOOST_TEST(run.out ==
             "recommendations/a-res-64-293/annex.p2.yaml:1:5: error: paragraph annex.p2 not found "
             "in corpus/a-res-64-293.md\n"
             "recommendations/a-res-64-293/annex.p2.yaml:5:9: error: unknown status 'opne' (not "
             "in sijill.yaml statuses)\n");
  BOOST_TEST(run.err == "sijill check: 3 files, 2 errors, 0 warnings\n");
}

BOOST_AUTO_TEST_CASE(OnlyWhatIsCommittedIsChecked) {
  testing::TestRepo repo = testing::TestRepo::FromText(kFiles);
  repo.Write("recommendations/a-res-64-293/annex.p1.yaml", "id: [\n");
  BOOST_TEST(Check(repo).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(JsonIsOneDocumentOnStdout) {
  testing::TestRepo repo = testing::TestRepo::FromText(kFiles);
  repo.Commit("-- sijill.yaml --\nstatuses: [open]\ncolour: red\n");
  Run run = Check(repo, {"--json"});
  BOOST_TEST(run.exit_code == 1);
  BOOST_TEST(run.out ==
             "{\"files\": 3, \"errors\": 1, \"warnings\": 0, \"problems\": [{\"file\": "
             "\"sijill.yaml\", \"line\": 2, \"column\": 1, \"field\": \"colour\", \"severity\": "
             "\"error\", \"message\": \"unknown key 'colour'\"}]}\n");
}

BOOST_AUTO_TEST_CASE(ArgumentsAreAUsageError) {
  testing::TestRepo repo = testing::TestRepo::FromText(kFiles);
  BOOST_TEST(Check(repo, {"extra"}).exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::cli
