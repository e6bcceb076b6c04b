// End-to-end tests of `sijill show/status/history` driving the real binary (issue 2 items 3, 5, 6).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support/run_cli.h"
#include "support/test_repo.h"

namespace sijill::testing {

namespace {

// A record as the extract command writes it, plus a hand-written comment and an unknown key that
// every update must keep.
const char* kRepo = R"(-- sijill.yaml --
title: test
-- recommendations/ctoc-cop-wg.4-2013-5/p22.yaml --
# checked by hand against the English original
id: ctoc-cop-wg.4-2013-5.p22
source:
  symbol: CTOC/COP/WG.4/2013/5
  paragraph: "22"
  section: جيم - كيفية خفض الطلب
text: |
  ينبغي للدول الأطراف أن تنظِّم وكالات التوظيف وأن تحظر تقاضي رسوم التوظيف من العمال.
language: ar
adopted: 2013-11-08
addressees:
  - states-parties
modality: should
topics:
  - demand
reviewer_note: keep this key
status: open
followup: []
-- recommendations/ctoc-cop-wg.4-2013-5/p5.yaml --
id: ctoc-cop-wg.4-2013-5.p5
source:
  symbol: CTOC/COP/WG.4/2013/5
  paragraph: "5"
text: |
  يجب على الدول الأطراف أن تعترف بالمجتمع المدني شريكاً في منع الاتجار بالأشخاص.
language: ar
adopted: 2013-11-08
addressees:
  - states-parties
modality: must
topics:
  - general
status: open
followup: []
)";

const char* kP22 = "ctoc-cop-wg.4-2013-5.p22";
const char* kAuthor = "Amina Haddad <amina@example.org>";

CliResult Run(const TestRepo& repo, std::vector<std::string> args) {
  args.insert(args.begin(), {"--repo", repo.root()});
  return RunSijill(args);
}

int CountLines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(records)

BOOST_AUTO_TEST_CASE(StatusAppendsOneEntryAndMakesExactlyOneCommit) {
  TestRepo repo = TestRepo::FromText(kRepo);
  CliResult result = Run(repo, {"status", kP22, "in-progress", "--note", "ورقة المكتب عن الرسوم",
                                "--evidence", "CTOC/COP/2018/2#p20", "--author", kAuthor,
                                "--date", "2018-07-23"});
  BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
  BOOST_TEST(CountLines(repo.Git("log --format=%H")) == 2);
  BOOST_TEST(repo.Git("log -1 --format=%an%n%ae") == "Amina Haddad\namina@example.org\n");
  // Only the status line changes and the entry is appended: one line removed in all.
  std::string diff = repo.Git("diff -U0 HEAD~1 HEAD");
  BOOST_TEST(diff.find("\n-status: open\n-followup: []\n+status: in-progress\n+followup:\n") !=
                 std::string::npos,
             diff);
  std::string numstat = repo.Git("diff --numstat HEAD~1 HEAD");
  BOOST_TEST(numstat.find("\t2\trecommendations/ctoc-cop-wg.4-2013-5/p22.yaml") !=
                 std::string::npos,
             numstat);  // the status line and "followup: []"
  BOOST_TEST(CountLines(numstat) == 1);
  std::string file = repo.Read("recommendations/ctoc-cop-wg.4-2013-5/p22.yaml");
  BOOST_TEST(file.rfind("# checked by hand", 0) == 0u);
  BOOST_TEST(file.find("reviewer_note: keep this key") != std::string::npos);
  BOOST_TEST(repo.Git("status --porcelain") == "");

  nlohmann::json shown = nlohmann::json::parse(Run(repo, {"show", kP22, "--json"}).out);
  BOOST_TEST(shown["status"] == "in-progress");
  BOOST_TEST_REQUIRE(shown["followup"].size() == 1u);
  BOOST_TEST(shown["followup"][0]["by"] == kAuthor);
  BOOST_TEST(shown["followup"][0]["date"] == "2018-07-23");
  BOOST_TEST(shown["followup"][0]["evidence"][0]["symbol"] == "CTOC/COP/2018/2");
  BOOST_TEST(shown["followup"][0]["evidence"][0]["paragraph"] == "20");
}

BOOST_AUTO_TEST_CASE(ShowJsonHasEveryRecordKey) {
  TestRepo repo = TestRepo::FromText(kRepo);
  CliResult result = Run(repo, {"show", kP22, "--json"});
  BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
  nlohmann::json record = nlohmann::json::parse(result.out);
  for (const char* key : {"id", "source", "text", "addressees", "modality", "topics", "status",
                          "followup", "etag"})
    BOOST_TEST(record.contains(key), key);
  BOOST_TEST(record["source"]["paragraph"] == "22");
  BOOST_TEST(result.err == "");
}

BOOST_AUTO_TEST_CASE(UnknownIdIsAnErrorNamingTheId) {
  TestRepo repo = TestRepo::FromText(kRepo);
  CliResult result = Run(repo, {"show", "ctoc-cop-wg.4-2013-5.p99"});
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.err.find("unknown record id 'ctoc-cop-wg.4-2013-5.p99'") != std::string::npos,
             result.err);
  result = Run(repo, {"status", "ctoc-cop-wg.4-2013-5.p99", "closed", "--author", kAuthor});
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(CountLines(repo.Git("log --format=%H")) == 1);
}

BOOST_AUTO_TEST_CASE(IdsThatReachOutsideTheRepositoryAreRefused) {
  TestRepo repo = TestRepo::FromText(kRepo);
  for (const char* id : {"../../etc/passwd", "ctoc-cop-wg.4-2013-5/../../x.p1", "/etc/passwd",
                         "ctoc-cop-wg.4-2013-5.p22/../p5", ".git.p1", ""}) {
    CliResult result = Run(repo, {"status", id, "closed", "--author", kAuthor});
    BOOST_TEST(result.exit_code == 1, id);
    BOOST_TEST(result.err.find("invalid record id") != std::string::npos, result.err);
  }
  BOOST_TEST(CountLines(repo.Git("log --format=%H")) == 1);
}

BOOST_AUTO_TEST_CASE(UnknownStatusIsRefusedAndNothingIsWritten) {
  TestRepo repo = TestRepo::FromText(kRepo);
  CliResult result = Run(repo, {"status", kP22, "opne", "--author", kAuthor});
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.err.find("unknown status 'opne'") != std::string::npos, result.err);
  BOOST_TEST(result.err.find("in-progress") != std::string::npos);
  BOOST_TEST(CountLines(repo.Git("log --format=%H")) == 1);
}

BOOST_AUTO_TEST_CASE(StatusesComeFromTheCommittedSettings) {
  TestRepo repo = TestRepo::FromText(kRepo);
  // The first update keeps the statuses in .git/sijill-statuses; the new settings must win.
  BOOST_TEST(Run(repo, {"status", kP22, "in-progress", "--author", kAuthor}).exit_code == 0);
  BOOST_TEST(repo.Read(".git/sijill-statuses").find("\nin-progress\n") != std::string::npos);
  repo.Commit("-- sijill.yaml --\ntitle: test\nstatuses: [open, done]\n");
  CliResult refused = Run(repo, {"status", kP22, "in-progress", "--author", kAuthor});
  BOOST_TEST(refused.exit_code == 1);
  BOOST_TEST(refused.err.find("(allowed: open, done)") != std::string::npos, refused.err);
  CliResult accepted = Run(repo, {"status", kP22, "done", "--author", kAuthor});
  BOOST_TEST(accepted.exit_code == 0, accepted.err);
  // A damaged cache is read from sijill.yaml again.
  repo.Write(".git/sijill-statuses", "sijill-statuses 1 garbage\nin-progress\n");
  refused = Run(repo, {"status", kP22, "in-progress", "--author", kAuthor});
  BOOST_TEST(refused.err.find("(allowed: open, done)") != std::string::npos, refused.err);
}

BOOST_AUTO_TEST_CASE(InitWritesSettingsThatCheckAccepts) {
  TestRepo holder;
  std::string dir = holder.root() + "/new";
  CliResult result = RunSijill({"init", dir, "--author", kAuthor});
  BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
  CliResult check = RunSijill({"--repo", dir, "check"});
  BOOST_TEST(check.exit_code == 0, check.out + check.err);
  BOOST_TEST(RunSijill({"init", dir}).exit_code == 1);  // not empty any more
}

BOOST_AUTO_TEST_CASE(UncommittedHandEditIsNotOverwritten) {
  TestRepo repo = TestRepo::FromText(kRepo);
  const std::string path = "recommendations/ctoc-cop-wg.4-2013-5/p22.yaml";
  std::string edited = repo.Read(path) + "# a note not yet committed\n";
  repo.Write(path, edited);
  CliResult result = Run(repo, {"status", kP22, "closed", "--author", kAuthor});
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.err.find(path) != std::string::npos, result.err);
  BOOST_TEST(repo.Read(path) == edited);
  BOOST_TEST(CountLines(repo.Git("log --format=%H")) == 1);
}

BOOST_AUTO_TEST_CASE(BadUsageExitsTwo) {
  TestRepo repo = TestRepo::FromText(kRepo);
  BOOST_TEST(Run(repo, {"status", kP22}).exit_code == 2);
  BOOST_TEST(Run(repo, {"status", kP22, "closed", "--evidence", "nonsense"}).exit_code == 2);
  BOOST_TEST(Run(repo, {"status", kP22, "closed", "--author", "no-mail"}).exit_code == 2);
  BOOST_TEST(Run(repo, {"frobnicate"}).exit_code == 2);
  BOOST_TEST(Run(repo, {"show", kP22, "--bogus"}).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(EveryCommandHasHelp) {
  CliResult overview = RunSijill({"--help"});
  BOOST_TEST(overview.exit_code == 0);
  for (const char* command : {"init", "show", "status", "history", "summary"}) {
    BOOST_TEST(overview.out.find(std::string("  ") + command) != std::string::npos, command);
    CliResult help = RunSijill({command, "--help"});
    BOOST_TEST(help.exit_code == 0, command);
    BOOST_TEST(help.out.find(std::string("usage: sijill ") + command) == 0u, help.out);
  }
}

BOOST_AUTO_TEST_CASE(WithoutAuthorOrGitIdentityStatusAsksWhoIsWriting) {
  TestRepo repo = TestRepo::FromText(kRepo);
  CliOptions isolated{.env = {{"HOME", repo.root()},
                              {"XDG_CONFIG_HOME", repo.root()},
                              {"GIT_CONFIG_NOSYSTEM", "1"},
                              {"GIT_CONFIG_GLOBAL", "/dev/null"}}};
  CliResult result = RunSijill({"--repo", repo.root(), "status", kP22, "closed"}, isolated);
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err.find("--author") != std::string::npos, result.err);
  BOOST_TEST(CountLines(repo.Git("log --format=%H")) == 1);
}

BOOST_AUTO_TEST_CASE(MalformedRecordIsReportedWithItsLine) {
  TestRepo repo = TestRepo::FromText(kRepo);
  repo.Commit("-- recommendations/ctoc-cop-wg.4-2013-5/p5.yaml --\nid: x\nstatus: [open\n");
  CliResult result = Run(repo, {"status", "ctoc-cop-wg.4-2013-5.p5", "closed", "--author", kAuthor});
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.err.find("recommendations/ctoc-cop-wg.4-2013-5/p5.yaml:") != std::string::npos,
             result.err);
  BOOST_TEST(CountLines(repo.Git("log --format=%H")) == 2);
}

BOOST_AUTO_TEST_CASE(HistoryListsEveryChangeNewestFirstWithItsAuthor) {
  TestRepo repo = TestRepo::FromText(kRepo);
  BOOST_TEST_REQUIRE(Run(repo, {"status", kP22, "in-progress", "--author", kAuthor, "--date",
                                "2018-01-10", "--note", "first"})
                         .exit_code == 0);
  BOOST_TEST_REQUIRE(Run(repo, {"status", kP22, "implemented", "--author",
                                "Omar <omar@example.org>", "--date", "2019-02-01"})
                         .exit_code == 0);
  CliResult result = Run(repo, {"history", kP22, "--json"});
  BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
  nlohmann::json history = nlohmann::json::parse(result.out)["history"];
  BOOST_TEST_REQUIRE(history.size() == 3u);
  BOOST_TEST(history[0]["author"] == "Omar");
  BOOST_TEST(history[0]["status_before"] == "in-progress");
  BOOST_TEST(history[0]["status_after"] == "implemented");
  BOOST_TEST(history[1]["change"] == "follow-up");
  BOOST_TEST(history[1]["followup"]["note"] == "first");
  BOOST_TEST(history[2]["change"] == "created");
  // The other record's history is untouched by these updates.
  nlohmann::json other =
      nlohmann::json::parse(Run(repo, {"history", "ctoc-cop-wg.4-2013-5.p5", "--json"}).out);
  BOOST_TEST(other["history"].size() == 1u);
  // --at shows the record as it stood before the second update.
  nlohmann::json before =
      nlohmann::json::parse(Run(repo, {"show", kP22, "--json", "--at", "HEAD~1"}).out);
  BOOST_TEST(before["status"] == "in-progress");
}

BOOST_AUTO_TEST_CASE(FollowUpDatedBeforeTheLastOneIsRefused) {
  TestRepo repo = TestRepo::FromText(kRepo);
  BOOST_TEST_REQUIRE(
      Run(repo, {"status", kP22, "in-progress", "--author", kAuthor, "--date", "2019-01-10"})
          .exit_code == 0);
  CliResult result =
      Run(repo, {"status", kP22, "closed", "--author", kAuthor, "--date", "2018-01-10"});
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.err.find("before the last follow-up") != std::string::npos, result.err);
  BOOST_TEST(Run(repo, {"status", kP22, "closed", "--author", kAuthor, "--date", "2019-02-30"})
                 .exit_code == 1);
}

// Three writers at once, two on the same record: every update lands exactly once (issue 2 item 6).
BOOST_AUTO_TEST_CASE(ConcurrentWritersLoseNoUpdate) {
  TestRepo repo = TestRepo::FromText(kRepo);
  constexpr int kRounds = 15;
  std::vector<int> pids;
  for (const char* id : {kP22, kP22, "ctoc-cop-wg.4-2013-5.p5"}) {
    int pid = fork();
    if (pid == 0) {
      int failures = 0;
      for (int i = 0; i < kRounds; ++i)
        failures += Run(repo, {"status", id, i % 2 ? "in-progress" : "ongoing", "--author",
                               kAuthor, "--date", "2020-01-01"})
                        .exit_code != 0;
      _exit(failures);
    }
    pids.push_back(pid);
  }
  for (int pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0);
  }
  nlohmann::json p22 = nlohmann::json::parse(Run(repo, {"show", kP22, "--json"}).out);
  nlohmann::json p5 =
      nlohmann::json::parse(Run(repo, {"show", "ctoc-cop-wg.4-2013-5.p5", "--json"}).out);
  BOOST_TEST(p22["followup"].size() == 2u * kRounds);
  BOOST_TEST(p5["followup"].size() == 1u * kRounds);
  BOOST_TEST(CountLines(repo.Git("log --format=%H")) == 1 + 3 * kRounds);
  BOOST_TEST(repo.Git("status --porcelain") == "");
  repo.Git("fsck --strict --no-progress");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
