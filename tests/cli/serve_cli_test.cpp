// `sijill serve` as a real process on a free loopback port, spoken to over HTTP with Poco's
// client (issue 6 items 1, 4, 5, 8), and `sijill user` / `sijill token`.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "sijill/records/record_store.h"
#include "sijill/service/users.h"
#include "support/live_server.h"
#include "support/run_cli.h"
#include "support/test_repo.h"

namespace sijill::testing {

namespace {

// A report with `count` numbered paragraphs and one record for each.
std::string Files(int count) {
  std::string corpus = R"(-- sijill.yaml --
title: test
-- corpus/ctoc-cop-wg.4-2013-5.md --
---
symbol: CTOC/COP/WG.4/2013/5
title: Report of the working group
type: report
body: Working Group on Trafficking in Persons
date: 2013-11-08
language: en
---
)";
  std::string records;
  for (int n = 1; n <= count; ++n) {
    std::string text = "States parties should act on recruitment matter " + std::to_string(n) + ".";
    corpus += "\n" + std::to_string(n) + ". " + text + "\n";
    records += "-- recommendations/ctoc-cop-wg.4-2013-5/p" + std::to_string(n) + ".yaml --\n" +
               "id: ctoc-cop-wg.4-2013-5.p" + std::to_string(n) +
               "\nsource:\n  symbol: CTOC/COP/WG.4/2013/5\n  paragraph: \"" + std::to_string(n) +
               "\"\ntext: |\n  " + text +
               "\nlanguage: en\nadopted: 2013-11-08\naddressees:\n  - states-parties\n"
               "modality: should\ntopics:\n  - demand\nstatus: open\nfollowup: []\n";
  }
  return corpus + records;
}

std::string Id(int n) { return "ctoc-cop-wg.4-2013-5.p" + std::to_string(n); }

HttpResult PostFollowUp(uint16_t port, const std::string& id, const std::string& etag,
                        const std::string& note, const std::string& token,
                        const std::string& status = "in-progress") {
  nlohmann::json body = {{"status", status}, {"note", note}};
  return Http(port, "POST", "/api/recommendations/" + id + "/followup", body.dump(),
              {{"Authorization", "Bearer " + token}, {"If-Match", etag}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(serve)

BOOST_AUTO_TEST_CASE(ServesTheApiOverHttpAndLogsEachRequest) {
  LiveServer server(Files(2));
  HttpResult health = server.Get("/healthz");
  BOOST_TEST(health.status == 200);
  HttpResult search = server.Get("/api/search?q=recruitment");
  BOOST_TEST(search.status == 200);
  BOOST_TEST(nlohmann::json::parse(search.body)["total"].get<int>() >= 2);
  HttpResult record = server.Get("/api/recommendations/" + Id(1));
  BOOST_TEST(record.status == 200);
  BOOST_TEST(record.headers["ETag"].size() == 42u);
  HttpResult missing = server.Get("/api/nothing/here");
  BOOST_TEST(missing.status == 404);
  BOOST_TEST(missing.headers["Content-Type"].rfind("application/json", 0) == 0);
  BOOST_TEST(nlohmann::json::parse(missing.body)["status"] == 404);
  HttpResult traversal = server.Get("/api/recommendations/..%2F..%2Fsijill.yaml");
  BOOST_TEST((traversal.status == 400 || traversal.status == 404));
  BOOST_TEST(traversal.body.find("title: test") == std::string::npos);

  server.Get("/api/reports", server.reader_token);
  BOOST_TEST(server.Stop() == 0);
  std::istringstream log(server.AccessLog());
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(log, line);) lines.push_back(nlohmann::json::parse(line));
  BOOST_REQUIRE(!lines.empty());
  const nlohmann::json& last = lines.back();
  for (const char* key : {"time", "method", "path", "status", "bytes", "ms", "user"})
    BOOST_TEST(last.contains(key), key);
  BOOST_TEST(last["path"] == "/api/reports");
  BOOST_TEST(last["user"] == "rana");
  BOOST_TEST(last["status"] == 200);
}

BOOST_AUTO_TEST_CASE(BodiesAndHeadersAreBounded) {
  LiveServer server(Files(2));
  // Refused from Content-Length alone: nothing of the body is sent.
  Poco::Net::HTTPClientSession session("127.0.0.1", server.port());
  Poco::Net::HTTPRequest request("POST", "/api/recommendations/" + Id(1) + "/followup",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentLength(2 * 1024 * 1024);
  request.set("Authorization", "Bearer " + server.secretariat_token);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  session.receiveResponse(response);
  BOOST_TEST(static_cast<int>(response.getStatus()) == 413);

  // A chunked body has no length up front: it is read up to the limit, then refused.
  Poco::Net::HTTPClientSession chunked_session("127.0.0.1", server.port());
  Poco::Net::HTTPRequest chunked("POST", "/api/recommendations/" + Id(1) + "/followup",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  chunked.setChunkedTransferEncoding(true);
  // The server answers 413 and closes while the client is still sending; the client's kernel
  // may then see a reset before it reads the answer (no lingering close). Either way the body
  // was refused, which the unchanged record below shows.
  std::string before = server.Get("/api/recommendations/" + Id(1)).headers["ETag"];
  try {
    std::ostream& out = chunked_session.sendRequest(chunked);
    std::string block(64 * 1024, 'x');
    for (int i = 0; i < 20; ++i) out << block;
    Poco::Net::HTTPResponse chunked_response;
    chunked_session.receiveResponse(chunked_response);
    BOOST_TEST(static_cast<int>(chunked_response.getStatus()) == 413);
  } catch (const Poco::IOException& reset) {
    BOOST_TEST_MESSAGE("chunked body refused by a reset before the 413 was read: "
                       << reset.displayText());
  }
  BOOST_TEST(server.Get("/api/recommendations/" + Id(1)).headers["ETag"] == before);

  Headers many;
  for (int i = 0; i < 200; ++i) many["X-Filler-" + std::to_string(i)] = "x";
  BOOST_TEST(Http(server.port(), "GET", "/healthz", "", many).status == 400);
  BOOST_TEST(Http(server.port(), "GET", "/healthz", "", {{"X-Long", std::string(20000, 'x')}})
                 .status == 400);
  BOOST_TEST(server.Get("/healthz").status == 200);  // still serving
}

BOOST_AUTO_TEST_CASE(FollowUpOverHttpNeedsRoleAndIfMatch) {
  LiveServer server(Files(2));
  std::string etag = server.Get("/api/recommendations/" + Id(1)).headers["ETag"];
  BOOST_TEST(PostFollowUp(server.port(), Id(1), etag, "x", server.reader_token).status == 403);
  BOOST_TEST(Http(server.port(), "POST", "/api/recommendations/" + Id(1) + "/followup",
                  R"({"status": "closed"})", {{"If-Match", etag}})
                 .status == 401);
  BOOST_TEST(Http(server.port(), "POST", "/api/recommendations/" + Id(1) + "/followup",
                  R"({"status": "closed"})",
                  {{"Authorization", "Bearer " + server.secretariat_token}})
                 .status == 428);
  HttpResult created = PostFollowUp(server.port(), Id(1), etag, "done", server.secretariat_token);
  BOOST_TEST(created.status == 201);
  BOOST_TEST(PostFollowUp(server.port(), Id(1), etag, "again", server.secretariat_token).status ==
             412);
  BOOST_TEST(server.repo().Git("log -1 --format=%an") == "amina\n");
  HttpResult found = server.Get("/api/search?status=in-progress");
  BOOST_TEST(nlohmann::json::parse(found.body)["total"] == 1);
}

// Issue 6 item 4: "8 clients updating the same and different records in a loop; every accepted
// update is in git history exactly once".
BOOST_AUTO_TEST_CASE(EightClientsNeverLoseAnAcceptedUpdate) {
  constexpr int kClients = 8, kUpdatesEach = 6;
  LiveServer server(Files(5));
  std::mutex mutex;
  std::map<std::string, std::vector<std::string>> accepted;  // id → notes answered 201
  std::atomic<int> refused{0}, failures{0};
  std::vector<std::thread> clients;
  for (int client = 0; client < kClients; ++client) {
    clients.emplace_back([&, client] {
      try {
        for (int update = 0; update < kUpdatesEach; ++update) {
          // Even clients share record 1; odd ones alternate between records 2-5.
          std::string id = client % 2 == 0 ? Id(1) : Id(2 + (client / 2 + update) % 4);
          std::string note = "client " + std::to_string(client) + " update " + std::to_string(update);
          for (int attempt = 0; attempt < 200; ++attempt) {
            std::string etag = server.Get("/api/recommendations/" + id).headers["ETag"];
            HttpResult result = PostFollowUp(server.port(), id, etag, note, server.secretariat_token,
                                             update % 2 ? "in-progress" : "ongoing");
            if (result.status == 201) {
              std::lock_guard lock(mutex);
              accepted[id].push_back(note);
              break;
            }
            if (result.status != 412) {
              ++failures;
              break;
            }
            ++refused;
          }
        }
      } catch (const std::exception&) {
        ++failures;
      }
    });
  }
  for (std::thread& thread : clients) thread.join();
  BOOST_TEST(failures.load() == 0);
  size_t total = 0;
  store::Repository repository = store::Repository::Open(server.repo().root());
  records::RecordStore store(repository);
  for (const auto& [id, notes] : accepted) {
    total += notes.size();
    std::multiset<std::string> in_history;
    for (const records::HistoryEntry& entry : store.History(id))
      if (entry.followup) in_history.insert(entry.followup->note);
    std::multiset<std::string> in_record;
    for (const model::FollowUp& entry : store.Load(id).record.followup) in_record.insert(entry.note);
    for (const std::string& note : notes) {
      BOOST_TEST(in_history.count(note) == 1u, id << ": " << note);
      BOOST_TEST(in_record.count(note) == 1u, id << ": " << note);
    }
    BOOST_TEST(in_record.size() == notes.size(), id);
  }
  BOOST_TEST(total == static_cast<size_t>(kClients * kUpdatesEach));
  BOOST_TEST_MESSAGE("412 answers retried: " << refused.load());
  // One commit per accepted update, on top of the initial one.
  BOOST_TEST(server.repo().Git("rev-list --count HEAD") == std::to_string(total + 1) + "\n");
  std::string fsck = server.repo().Git("fsck --strict 2>&1");
  BOOST_TEST(fsck.find("error") == std::string::npos, fsck);
  BOOST_TEST(fsck.find("missing") == std::string::npos, fsck);
  BOOST_TEST(server.repo().Git("status --porcelain") == "");
  BOOST_TEST(server.Stop() == 0);
}

// Issue 6 item 8: "graceful shutdown on SIGTERM (in-flight writes complete)".
BOOST_AUTO_TEST_CASE(SigtermLetsAWriteInProgressFinish) {
  char dir_template[] = "/tmp/sijill-pause-XXXXXX";
  std::string pause = std::string(mkdtemp(dir_template)) + "/pause";
  LiveServer server(Files(2), {{"SIJILL_TEST_PAUSE_WRITES", pause}});
  std::string etag = server.Get("/api/recommendations/" + Id(1)).headers["ETag"];
  HttpResult result;
  std::thread writer([&] {
    try {
      result = PostFollowUp(server.port(), Id(1), etag, "finished during shutdown",
                            server.secretariat_token);
    } catch (const std::exception& error) {
      result.body = error.what();
    }
  });
  while (!std::filesystem::exists(pause)) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // The write is now inside the server, paused before its commit.
  int exit_code = -1;
  std::thread stopper([&] { exit_code = server.Stop(); });
  // New connections are refused once the signal is handled; the paused write goes on.
  bool refused = false;
  for (int attempt = 0; attempt < 600 && !refused; ++attempt) {
    try {
      server.Get("/healthz");
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    } catch (const Poco::Exception&) {
      refused = true;
    }
  }
  BOOST_TEST(refused);
  std::filesystem::remove(pause);
  writer.join();
  stopper.join();
  BOOST_TEST(exit_code == 0);
  BOOST_TEST(result.status == 201, result.body);
  BOOST_TEST(server.repo().Git("log -1 --format=%an") == "amina\n");
  std::filesystem::remove_all(std::filesystem::path(pause).parent_path());
}

BOOST_AUTO_TEST_CASE(UserAndTokenCommandsKeepTheFileOutOfGit) {
  TestRepo repo = TestRepo::FromText(Files(1));
  CliResult added = RunSijill({"--repo", repo.root(), "user", "add", "amina", "--role",
                               "secretariat", "--email", "amina@example.org"},
                              {.input = "a long password\n"});
  BOOST_TEST(added.exit_code == 0, added.err);
  CliResult bad_role = RunSijill({"--repo", repo.root(), "user", "add", "omar", "--role", "boss"},
                                 {.input = "a long password\n"});
  BOOST_TEST(bad_role.exit_code == 2);
  CliResult no_password =
      RunSijill({"--repo", repo.root(), "user", "add", "omar", "--role", "icat"});
  BOOST_TEST(no_password.exit_code == 2);
  CliResult token = RunSijill({"--repo", repo.root(), "token", "amina"});
  BOOST_TEST(token.exit_code == 0);
  BOOST_TEST(token.out.rfind("sjl_", 0) == 0u);
  BOOST_TEST(RunSijill({"--repo", repo.root(), "token", "nobody"}).exit_code == 1);

  std::string users = repo.root() + "/.sijill/users.yaml";
  service::UserStore store = service::UserStore::Load(users);
  BOOST_TEST(store.CheckPassword("amina", "a long password").has_value());
  BOOST_TEST(store.CheckToken(token.out.substr(0, token.out.size() - 1))->name == "amina");
  BOOST_TEST(repo.Git("status --porcelain --ignored=no") == "");
  CliResult listed = RunSijill({"--repo", repo.root(), "user", "list"});
  BOOST_TEST(listed.out == "amina  secretariat  amina@example.org\n");
  BOOST_TEST(RunSijill({"--repo", repo.root(), "user", "remove", "amina"}).exit_code == 0);
  BOOST_TEST(RunSijill({"--repo", repo.root(), "user", "list"}).out == "");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
