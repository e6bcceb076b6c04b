#include "support/live_server.h"

#include <signal.h>
#include <sys/wait.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <strings.h>
#include <thread>

#include "sijill/service/users.h"
#include "support/run_cli.h"

namespace sijill::testing {

std::string HttpResult::Header(const std::string& name) const {
  for (const auto& [key, value] : headers)
    if (strcasecmp(key.c_str(), name.c_str()) == 0) return value;
  return "";
}

HttpResult Http(uint16_t port, const std::string& method, const std::string& target,
                const std::string& body, const Headers& headers, int timeout_s) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(timeout_s, 0));
  Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (method == "POST" || method == "PUT") {
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    if (!request.has("Content-Type")) request.setContentType("application/json");
  }
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpResult result;
  result.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(in, result.body);
  for (const auto& [name, value] : response) result.headers[name] = value;
  return result;
}

RawAnswer RawHttp(uint16_t port, const std::string& bytes, int timeout_s) {
  Poco::Net::StreamSocket socket;
  socket.connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(timeout_s, 0));
  socket.setReceiveTimeout(Poco::Timespan(timeout_s, 0));
  socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
  RawAnswer answer;
  char buffer[4096];
  try {
    for (;;) {
      int got = socket.receiveBytes(buffer, sizeof buffer);
      if (got <= 0) {
        answer.closed = true;
        break;
      }
      answer.bytes.append(buffer, static_cast<size_t>(got));
    }
  } catch (const Poco::TimeoutException&) {
  } catch (const Poco::Net::NetException&) {  // reset by the server after (or instead of) an answer
    answer.closed = true;
  }
  return answer;
}

uint16_t FreePort() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  uint16_t port = socket.address().port();
  socket.close();
  return port;
}

LiveServer::LiveServer(const std::string& files, std::map<std::string, std::string> env)
    : repo_(TestRepo::FromText(files)), port_(FreePort()) {
  service::UserStore users = service::UserStore::Load(repo_.root() + "/.sijill/users.yaml");
  users.Add("rana", service::Role::kReader, kReaderPassword, "", 1000);
  users.Add("amina", service::Role::kSecretariat, kSecretariatPassword, "amina@example.org", 1000);
  users.Add("omar", service::Role::kIcat, kIcatPassword, "omar@example.org", 1000);
  reader_token = users.AddToken("rana");
  secretariat_token = users.AddToken("amina");
  icat_token = users.AddToken("omar");
  users.Save();
  access_log_ = repo_.root() + "/.sijill/access.log";
  pid_ = StartSijill({"--repo", repo_.root(), "serve", "--port", std::to_string(port_),
                      "--access-log", access_log_},
                     {.env = std::move(env)});
  WaitUntilReady();
}

LiveServer::~LiveServer() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

int LiveServer::Stop() {
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string LiveServer::AccessLog() const {
  std::ifstream in(access_log_);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

HttpResult LiveServer::Get(const std::string& target, const std::string& token) {
  Headers headers;
  if (!token.empty()) headers["Authorization"] = "Bearer " + token;
  return Http(port_, "GET", target, "", headers);
}

// The server builds its index first; polling /healthz is the readiness probe a deployment
// would use too. Fails at once if the process died.
void LiveServer::WaitUntilReady() {
  for (int attempt = 0; attempt < 1200; ++attempt) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      BOOST_FAIL("sijill serve exited during start-up");
    }
    try {
      if (Http(port_, "GET", "/healthz").status == 200) return;
    } catch (const Poco::Exception&) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  BOOST_FAIL("sijill serve did not answer /healthz");
}

}  // namespace sijill::testing
