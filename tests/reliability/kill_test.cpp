// Crash safety (issue 8 item 2): `sijill status` and `sijill index` killed with SIGKILL at random
// moments, hundreds of times (SIJILL_RELIABILITY_KILLS raises the count). Afterwards git fsck is
// clean, every acknowledged update (exit 0 seen) is present, every record on disk parses, and
// the next search catches the index up or rebuilds it by itself.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "reliability/fault_cli.h"
#include "sijill/model/record_yaml.h"
#include "support/run_cli.h"
#include "support/test_repo.h"

namespace sijill::testing {

namespace {

const char* const kStatuses[] = {"in-progress", "implemented", "ongoing", "open"};

std::string RecordPath(const std::string& id) {
  std::string rest = id.substr(id.find('.') + 1);
  return "recommendations/a-res-64-293/" + rest + ".yaml";
}

// How long one uncontended run takes, so that kills land anywhere in it (the figure places the
// kills; nothing is asserted about time).
long MicrosecondsOf(const std::vector<std::string>& args) {
  auto start = std::chrono::steady_clock::now();
  CliResult result = RunSijill(args);
  BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
  auto elapsed = std::chrono::steady_clock::now() - start;
  return std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
}

// Starts sijill and kills it after `delay_us`; its exit code, 128 + 9 when the kill came first.
int KillAfter(const std::vector<std::string>& args, long delay_us) {
  int pid = StartSijill(args);
  usleep(static_cast<useconds_t>(delay_us));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

nlohmann::json Json(const std::vector<std::string>& args) {
  CliResult result = RunSijill(args);
  BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
  return nlohmann::json::parse(result.out);
}

std::vector<std::string> StatusArgs(const TestRepo& repo, const std::string& id,
                                    const std::string& status, const std::string& note) {
  return {"--repo", repo.root(), "status",
          id,       status,      "--note",
          note,     "--author",  "Kill <k@example.org>",
          "--date", "2021-05-01"};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reliability)
BOOST_AUTO_TEST_SUITE(kill)

BOOST_AUTO_TEST_CASE(StatusKilledAtRandomMomentsLosesNoAcknowledgedUpdate) {
  TestRepo repo = SeedRepo();
  const int rounds = KillRounds(200);
  long window = MicrosecondsOf(StatusArgs(repo, kSeedIds[0], "open", "warm-up")) * 2;
  std::mt19937 random(20261123);
  std::uniform_int_distribution<long> delay(0, window);
  std::map<std::string, std::vector<std::string>> acknowledged;  // id → notes
  int killed = 0, failed = 0;
  for (int round = 0; round < rounds; ++round) {
    std::string id = kSeedIds[round % 3];
    std::string note = "round " + std::to_string(round);
    int code = KillAfter(StatusArgs(repo, id, kStatuses[round % 4], note), delay(random));
    if (code == 0) acknowledged[id].push_back(note);
    killed += code == 128 + SIGKILL;
    failed += code != 0 && code != 128 + SIGKILL;
    // Nothing half-written is visible: the record in the working tree always parses.
    model::ParsedRecord parsed = model::ParseRecord(RecordPath(id), repo.Read(RecordPath(id)));
    BOOST_TEST_REQUIRE(!HasErrors(parsed.problems),
                       "round " << round << ": " << repo.Read(RecordPath(id)));
  }
  BOOST_TEST_MESSAGE(rounds << " writers started: " << killed << " killed, " << failed
                            << " refused (exit 1), " << rounds - killed - failed
                            << " acknowledged");
  BOOST_TEST(killed > 0);
  BOOST_TEST(failed == 0, "a killed writer made " << failed << " later writers fail");
  repo.Git("fsck --strict --no-progress");  // throws when git fsck fails
  for (const char* id : kSeedIds) {
    // The next writer repairs whatever a killed one left behind.
    CliResult last = RunSijill(StatusArgs(repo, id, "implemented", "last"));
    BOOST_TEST_REQUIRE(last.exit_code == 0, last.err);
    nlohmann::json record = Json({"--repo", repo.root(), "show", id, "--json"});
    std::multiset<std::string> notes;
    for (const auto& entry : record["followup"]) notes.insert(entry.value("note", ""));
    for (const std::string& note : acknowledged[id])
      BOOST_TEST(notes.count(note) == 1u, id << ": acknowledged '" << note << "' present once");
    nlohmann::json history = Json({"--repo", repo.root(), "history", id, "--json"});
    size_t commits = 0;
    for (const auto& change : history["history"]) commits += change["change"] == "follow-up";
    BOOST_TEST(record["followup"].size() == commits, id << ": one commit per follow-up entry");
  }
  BOOST_TEST(repo.Git("status --porcelain") == "");
  repo.Git("fsck --strict --no-progress");
}

BOOST_AUTO_TEST_CASE(IndexKilledMidWriteIsCaughtUpByTheNextSearch) {
  TestRepo repo = SeedRepo();
  const int rounds = std::max(10, KillRounds(200) / 10);
  long window = MicrosecondsOf({"--repo", repo.root(), "index", "--rebuild"}) * 5 / 4;
  std::mt19937 random(8);
  std::uniform_int_distribution<long> delay(0, window);
  int killed = 0;
  for (int round = 0; round < rounds; ++round) {
    // An acknowledged change the index has not seen, then a killed indexer (every other one
    // rebuilding from scratch), then a search that must see the change.
    const std::string id = kSeedIds[round % 3];
    const std::string status = kStatuses[round % 4];
    CliResult update =
        RunSijill(StatusArgs(repo, id, status, "index round " + std::to_string(round)));
    BOOST_TEST_REQUIRE(update.exit_code == 0, update.err);
    std::vector<std::string> index = {"--repo", repo.root(), "index"};
    if (round % 2) index.push_back("--rebuild");
    killed += KillAfter(index, delay(random)) == 128 + SIGKILL;
    CliResult search =
        RunSijill({"--repo", repo.root(), "search", "الأمين العام", "--json", "--limit", "50",
                   "--filter", "status=" + status, "--filter", "kind=recommendation"});
    BOOST_TEST_REQUIRE(search.exit_code == 0, "round " << round << ": " << search.err);
    nlohmann::json found = nlohmann::json::parse(search.out);
    bool has_id = false;
    for (const auto& hit : found["results"]) has_id |= hit["id"] == id;
    BOOST_TEST(has_id, "round " << round << ": " << id << " with status " << status);
  }
  BOOST_TEST_MESSAGE(rounds << " indexers started, " << killed << " killed");
  BOOST_TEST(killed > 0);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
