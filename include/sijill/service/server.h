// `sijill serve`: App behind Poco::Net::HTTPServer with a thread pool (issue 6 item 1).
//
// Poco's TCPServer gives each connection a pool thread for as long as it is kept alive, so the
// pool is sized for many concurrent clients (default 128) and idle keep-alive connections are
// closed after 5 s. Limits (issue 6 item 5, "request bodies and headers are bounded"):
// bodies over max_body bytes get 413 — at once from Content-Length, before reading; headers are
// bounded by Poco (100 fields, names 256 and values 8,192 bytes: 400 beyond that); a client
// that stalls for 15 s is dropped.
// Every request writes one access-log line of JSON:
//   {"time","method","path","status","bytes","ms","user","client"}
// Stop() stops accepting connections and waits until requests in progress (writes included)
// have finished — graceful shutdown on SIGTERM/SIGINT.
// Thread-safety: Start and Stop from one thread; requests are served concurrently.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

#include "sijill/service/app.h"

namespace sijill::service {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  uint16_t port = 8080;  // 0 = any free port (see Server::port)
  int threads = 128;
  int max_queued = 512;             // connections waiting for a thread
  size_t max_body = 1024 * 1024;    // bytes
  std::ostream* access_log = nullptr;  // nullptr = no access log
};

class Server {
 public:
  Server(App& app, ServerOptions options);
  ~Server();

  void Start();  // throws Error kIo when the address cannot be bound
  uint16_t port() const;
  // Stops accepting, waits up to `grace` for requests in progress, then closes idle
  // connections. Returns false when requests were still running after `grace`.
  bool Stop(std::chrono::milliseconds grace = std::chrono::seconds(60));

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The reason phrase for a status ("Precondition Required" for 428).
const char* ReasonPhrase(int status);

}  // namespace sijill::service
