// `sijill status` killed with SIGKILL at random moments (issue 2 item 4: "A crash at any moment
// (kill -9) leaves a repository that git fsck accepts and that holds either the whole change or
// none of it").
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <random>

#include "support/run_cli.h"
#include "support/test_repo.h"

namespace sijill::testing {

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(crash)

BOOST_AUTO_TEST_CASE(WriterKilledAtAnyMomentLeavesWholeCommitsOnly) {
  TestRepo repo = TestRepo::FromText(R"(-- recommendations/a-res-64-293/p5.yaml --
id: a-res-64-293.p5
source:
  symbol: A/RES/64/293
  paragraph: "5"
text: |
  تطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ منظومة الأمم المتحدة لخطة العمل العالمية.
language: ar
addressees:
  - secretary-general
modality: requested
status: open
followup: []
)");
  const std::string id = "a-res-64-293.p5";
  std::mt19937 random(20261123);
  std::uniform_int_distribution<int> delay_us(0, 25000);
  int killed = 0;
  for (int round = 0; round < 40; ++round) {
    int pid = StartSijill({"--repo", repo.root(), "status", id, "ongoing", "--note",
                           "round " + std::to_string(round), "--author", "Kill <k@example.org>",
                           "--date", "2021-05-01"});
    usleep(delay_us(random));
    killed += kill(pid, SIGKILL) == 0;
    int status = 0;
    waitpid(pid, &status, 0);
  }
  BOOST_TEST_MESSAGE("killed " << killed << " writers");
  repo.Git("fsck --strict --no-progress");
  // The next writer repairs whatever a killed one left in the working tree.
  CliResult after = RunSijill({"--repo", repo.root(), "status", id, "implemented", "--author",
                               "Last <l@example.org>", "--date", "2021-06-01"});
  BOOST_TEST_REQUIRE(after.exit_code == 0, after.err);
  BOOST_TEST(repo.Git("status --porcelain") == "");
  // Every follow-up entry in the file came with exactly one commit, and no entry is half-written.
  nlohmann::json record =
      nlohmann::json::parse(RunSijill({"--repo", repo.root(), "show", id, "--json"}).out);
  nlohmann::json history =
      nlohmann::json::parse(RunSijill({"--repo", repo.root(), "history", id, "--json"}).out);
  size_t followup_commits = std::count_if(history["history"].begin(), history["history"].end(),
                                          [](const auto& c) { return c["change"] == "follow-up"; });
  BOOST_TEST(record["followup"].size() == followup_commits);
  BOOST_TEST(record["status"] == "implemented");
  for (const auto& entry : record["followup"]) BOOST_TEST(entry["by"].get<std::string>() != "");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
