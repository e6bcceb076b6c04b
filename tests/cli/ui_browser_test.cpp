// The web UI in a real browser (issue 6 item 6): `sijill serve` on a copy of the sample
// repository, driven by Debian's headless Chromium over the DevTools protocol
// (tests/browser/ui_walk.py): search in Arabic, open a recommendation, log in as a secretariat
// user made with `sijill user add`, record follow-up, see it in the history; the dashboard's
// downloads; an ICAT member previews and publishes a brief. Any console error
// fails the test. Screenshots are kept in <build>/artifacts/ui/: look at them — the pages must
// read right to left. Skipped, with a message, when chromium is not installed.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "support/run_cli.h"

namespace sijill::testing {

namespace fs = std::filesystem;

namespace {

std::string Chromium() {
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (fs::exists(path)) return path;
  return "";
}

uint16_t FreePort() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  uint16_t port = socket.address().port();
  socket.close();
  return port;
}

bool Healthy(uint16_t port) {
  try {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(5, 0));
    Poco::Net::HTTPRequest request("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    session.receiveResponse(response);
    return response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK;
  } catch (const Poco::Exception&) {
    return false;
  }
}

// Runs a shell command; returns its exit code and everything it printed.
std::pair<int, std::string> Run(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return {-1, "popen failed"};
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

// A temporary directory, removed with everything in it.
struct TempDir {
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "sijill-ui-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  std::string path;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(ui_browser)

BOOST_AUTO_TEST_CASE(SecretariatRecordsFollowUpInHeadlessChromium) {
  std::string chromium = Chromium();
  if (chromium.empty()) {
    BOOST_TEST_MESSAGE("chromium is not installed (tools/setup installs it): skipped");
    return;
  }
  TempDir dir;
  std::string repo = dir.path + "/sample";
  CliResult init = RunSijill({"init", repo, "--sample"});
  BOOST_REQUIRE_MESSAGE(init.exit_code == 0, init.err);
  const std::string password = "browser-test-password";
  CliResult user = RunSijill({"--repo", repo, "user", "add", "amina", "--role", "secretariat"},
                             {.input = password + "\n"});
  BOOST_REQUIRE_MESSAGE(user.exit_code == 0, user.err);
  CliResult icat = RunSijill({"--repo", repo, "user", "add", "omar", "--role", "icat"},
                             {.input = password + "\n"});
  BOOST_REQUIRE_MESSAGE(icat.exit_code == 0, icat.err);

  uint16_t port = FreePort();
  int pid = StartSijill({"--repo", repo, "serve", "--port", std::to_string(port)});
  bool ready = false;
  for (int attempt = 0; attempt < 1200 && !ready; ++attempt) {
    if (waitpid(pid, nullptr, WNOHANG) == pid) break;  // died during start-up
    ready = Healthy(port);
    if (!ready) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (!ready) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    BOOST_FAIL("sijill serve did not answer /healthz");
  }

  fs::path shots = fs::path(SIJILL_BINARY).parent_path() / "artifacts" / "ui";
  fs::create_directories(shots);
  for (const auto& old : fs::directory_iterator(shots)) fs::remove(old.path());
  std::string script = std::string(SIJILL_SOURCE_DIR) + "/tests/browser/ui_walk.py";
  auto [status, output] =
      Run("timeout 300 python3 '" + script + "' --base http://127.0.0.1:" + std::to_string(port) +
          " --chromium '" + chromium + "' --out '" + shots.string() +
          "' --user amina --password '" + password + "' --icat-user omar --icat-password '" +
          password + "'");
  BOOST_TEST_MESSAGE(output);

  kill(pid, SIGTERM);
  int server_status = 0;
  waitpid(pid, &server_status, 0);
  BOOST_TEST(status == 0, "the browser walk failed:\n" << output);
  for (const char* name : {"search.png", "recommendation.png", "login.png", "followup.png", "stale.png",
                           "dashboard.png", "recommendation-en.png", "brief-editor.png",
                           "brief.png"}) {
    bool drawn = fs::exists(shots / name) && fs::file_size(shots / name) > 10000u;
    BOOST_TEST(drawn, name << ": missing or empty screenshot");
  }
  // The follow-up and the brief are one commit each, authored by the user who logged in.
  auto [git_status, log] = Run("git -C '" + repo + "' log -2 --format=%an:%s");
  BOOST_TEST(log.rfind("omar:brief: add browser-brief\namina:", 0) == 0u, log);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
