// `sijill serve` as a real process on a free loopback port, and a small HTTP client for it
// (tests/cli/serve_cli_test.cpp, tests/reliability/attack_test.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "support/test_repo.h"

namespace sijill::testing {

struct HttpResult {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // as the server spelled them
  std::string Header(const std::string& name) const;  // "" when absent
};

using Headers = std::map<std::string, std::string>;

// One request on a new connection (Poco's client). POST and PUT send Content-Length and, unless
// given, Content-Type: application/json.
HttpResult Http(uint16_t port, const std::string& method, const std::string& target,
                const std::string& body = "", const Headers& headers = {}, int timeout_s = 120);

// What RawHttp got: the bytes, and whether the server closed the connection (false: the wait
// ran out first).
struct RawAnswer {
  std::string bytes;
  bool closed = false;
};

// Sends `bytes` as they are on a new connection and returns what the server answered before it
// closed the connection or `timeout_s` passed. For requests Poco's client will not write: a
// Content-Length past 2^63, a body that never comes, dots in the path.
RawAnswer RawHttp(uint16_t port, const std::string& bytes, int timeout_s = 20);

uint16_t FreePort();

// The users every LiveServer has (PBKDF2 with few rounds, so logins are fast).
inline constexpr const char* kReaderPassword = "reader-pass";
inline constexpr const char* kSecretariatPassword = "secretariat-pass";
inline constexpr const char* kIcatPassword = "icat-pass";

// `sijill serve` on a repository made from `files` (TestRepo::FromText), with the users rana
// (reader), amina (secretariat) and omar (icat) and a token for each. Killed when destroyed.
class LiveServer {
 public:
  explicit LiveServer(const std::string& files, std::map<std::string, std::string> env = {});
  ~LiveServer();
  LiveServer(const LiveServer&) = delete;
  LiveServer& operator=(const LiveServer&) = delete;

  // SIGTERM, then the exit code.
  int Stop();

  uint16_t port() const { return port_; }
  TestRepo& repo() { return repo_; }
  std::string AccessLog() const;

  HttpResult Get(const std::string& target, const std::string& token = "");

  std::string reader_token, secretariat_token, icat_token;

 private:
  void WaitUntilReady();

  TestRepo repo_;
  uint16_t port_;
  std::string access_log_;
  int pid_ = -1;
};

}  // namespace sijill::testing
