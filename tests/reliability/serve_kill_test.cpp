// Crash safety of the service (issue 8 item 2): `sijill serve` killed with SIGKILL at random
// moments while a client posts follow-ups, then started again on the same repository, round
// after round. Afterwards git fsck is clean, every follow-up answered 201 is in the record and
// in git history exactly once, no record on disk is half-written, and each restarted server's
// index has caught up with HEAD before it answers /healthz.
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "reliability/fault_cli.h"
#include "sijill/model/record_yaml.h"
#include "sijill/service/users.h"
#include "support/live_server.h"
#include "support/run_cli.h"
#include "support/test_repo.h"

namespace sijill::testing {

namespace {

std::string RecordPath(const std::string& id) {
  return "recommendations/a-res-64-293/" + id.substr(id.find('.') + 1) + ".yaml";
}

// Starts the server and waits for /healthz; its pid. Fails the test if it dies first.
int StartServer(const std::string& root, uint16_t port) {
  int pid = StartSijill(
      {"--repo", root, "serve", "--port", std::to_string(port), "--access-log", "none"});
  for (int attempt = 0; attempt < 1200; ++attempt) {
    int status = 0;
    BOOST_TEST_REQUIRE(waitpid(pid, &status, WNOHANG) != pid, "sijill serve died at start-up");
    try {
      if (Http(port, "GET", "/healthz", "", {}, 10).status == 200) return pid;
    } catch (const std::exception&) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  BOOST_FAIL("sijill serve did not answer /healthz");
  return -1;
}

nlohmann::json Json(const std::vector<std::string>& args) {
  CliResult result = RunSijill(args);
  BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
  return nlohmann::json::parse(result.out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reliability)
BOOST_AUTO_TEST_SUITE(kill)

BOOST_AUTO_TEST_CASE(ServiceKilledDuringWritesLosesNoAcknowledgedUpdate) {
  TestRepo repo = SeedRepo();
  service::UserStore users = service::UserStore::Load(repo.root() + "/.sijill/users.yaml");
  users.Add("amina", service::Role::kSecretariat, "secretariat-pass", "amina@example.org", 1000);
  const std::string token = users.AddToken("amina");
  users.Save();
  const int rounds = std::max(5, KillRounds(200) / 10);
  std::mt19937 random(20261203);
  std::uniform_int_distribution<int> delay_ms(0, 1500);
  std::mutex mutex;
  std::map<std::string, std::vector<std::string>> acknowledged;  // id → notes answered 201
  std::atomic<int> unexpected{0};
  int writes = 0;
  for (int round = 0; round < rounds; ++round) {
    uint16_t port = FreePort();
    int pid = StartServer(repo.root(), port);
    // The index of a server started after a kill has caught up before it answers.
    nlohmann::json health = nlohmann::json::parse(Http(port, "GET", "/healthz").body);
    BOOST_TEST(health["index"] == health["commit"], "round " << round << ": " << health.dump());
    std::atomic<bool> stop{false};
    std::atomic<int> sent{0};
    std::thread writer([&, round] {
      for (int n = 0; !stop; ++n) {
        std::string id = kSeedIds[n % 3];
        std::string note = "serve round " + std::to_string(round) + " write " + std::to_string(n);
        try {
          std::string etag = Http(port, "GET", "/api/recommendations/" + id, "", {}, 10)
                                 .Header("ETag");
          nlohmann::json body = {{"status", n % 2 ? "in-progress" : "ongoing"}, {"note", note}};
          HttpResult result =
              Http(port, "POST", "/api/recommendations/" + id + "/followup", body.dump(),
                   {{"Authorization", "Bearer " + token}, {"If-Match", etag}}, 10);
          ++sent;
          if (result.status == 201) {
            std::lock_guard lock(mutex);
            acknowledged[id].push_back(note);
          } else if (result.status != 412) {
            ++unexpected;
          }
        } catch (const std::exception&) {
          return;  // the server is gone
        }
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    ::kill(pid, SIGKILL);  // not the suite `kill`
    waitpid(pid, nullptr, 0);
    stop = true;
    writer.join();
    writes += sent;
    // Nothing half-written is visible: every record in the working tree parses.
    for (const char* id : kSeedIds) {
      model::ParsedRecord parsed = model::ParseRecord(RecordPath(id), repo.Read(RecordPath(id)));
      BOOST_TEST_REQUIRE(!HasErrors(parsed.problems), "round " << round << ": " << id);
    }
  }
  size_t total = 0;
  for (const auto& [id, notes] : acknowledged) total += notes.size();
  BOOST_TEST_MESSAGE(rounds << " servers killed during " << writes << " answered writes, "
                            << total << " acknowledged");
  BOOST_TEST(unexpected.load() == 0);
  BOOST_TEST(total > 0u);
  repo.Git("fsck --strict --no-progress");  // throws when git fsck fails
  for (const char* id : kSeedIds) {
    // The next writer repairs whatever a killed one left behind.
    CliResult last = RunSijill({"--repo", repo.root(), "status", id, "implemented", "--note",
                                "last", "--author", "Kill <k@example.org>"});
    BOOST_TEST_REQUIRE(last.exit_code == 0, last.err);
    nlohmann::json record = Json({"--repo", repo.root(), "show", id, "--json"});
    std::multiset<std::string> in_record;
    for (const auto& entry : record["followup"]) in_record.insert(entry.value("note", ""));
    nlohmann::json history = Json({"--repo", repo.root(), "history", id, "--json"});
    std::multiset<std::string> in_history;
    for (const auto& change : history["history"])
      if (change["followup"].is_object()) in_history.insert(change["followup"].value("note", ""));
    for (const std::string& note : acknowledged[id]) {
      BOOST_TEST(in_record.count(note) == 1u, id << ": acknowledged '" << note << "' in record");
      BOOST_TEST(in_history.count(note) == 1u, id << ": acknowledged '" << note << "' in history");
    }
    BOOST_TEST(in_record.size() == in_history.size(), id << ": one commit per follow-up entry");
  }
  BOOST_TEST(repo.Git("status --porcelain") == "");
  repo.Git("fsck --strict --no-progress");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
