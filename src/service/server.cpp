// The Poco adapter: HTTPServerRequest → Request, App::Handle, Response → HTTPServerResponse.
#include "sijill/service/server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/ThreadPool.h>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <ctime>
#include <istream>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "sijill/error.h"

namespace sijill::service {

namespace {

using Clock = std::chrono::steady_clock;

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 422: return "Unprocessable Content";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Unknown";
  }
}

struct Server::Impl {
  App& app;
  ServerOptions options;
  Poco::ThreadPool pool;
  std::unique_ptr<Poco::Net::TCPServer> server;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers;  // a Factory; it also closes connections
  Poco::Net::ServerSocket socket;  // shares the listening descriptor with the server
  uint16_t port = 0;

  std::mutex mutex;  // guards the access log, and Stop()'s wait for in_flight to reach 0
  std::condition_variable idle;
  std::atomic<int> in_flight{0};  // atomic: each request would otherwise lock `mutex` twice

  Impl(App& a, ServerOptions o)
      : app(a), options(std::move(o)), pool(2, std::max(2, options.threads)) {}

  void Serve(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out);
  bool ReadBody(Poco::Net::HTTPServerRequest& in, std::string& body) const;
  void Log(const Request& request, const Response& response, Clock::time_point start);
};

namespace {

// Counts a request as in flight for the whole of its handling, so Stop() waits for it.
class InFlight {
 public:
  explicit InFlight(Server::Impl& impl) : impl_(impl) { ++impl_.in_flight; }
  ~InFlight() {
    if (--impl_.in_flight != 0) return;
    // Taking the lock orders this notify after a waiter's check of the count: Stop() either
    // saw 0 or is already waiting when it comes.
    std::lock_guard lock(impl_.mutex);
    impl_.idle.notify_all();
  }

 private:
  Server::Impl& impl_;
};

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(Server::Impl& impl) : impl_(impl) {}
  void handleRequest(Poco::Net::HTTPServerRequest& in,
                     Poco::Net::HTTPServerResponse& out) override {
    impl_.Serve(in, out);
  }

 private:
  Server::Impl& impl_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(Server::Impl& impl) : impl_(impl) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Handler(impl_);
  }
  // What HTTPServer::stopAll does: each connection closes after its current request, or at once.
  void CloseConnections(bool abort_current) { serverStopped(this, abort_current); }

 private:
  Server::Impl& impl_;
};

// Poco parses the request head before any handler runs, and a Content-Length that is no
// number (or none an Int64 holds) throws a SyntaxException there that HTTPServerConnection
// does not answer: the client saw its connection closed with no status at all. This answers
// it with a 400 before closing. Nothing of the request has been handled and no response byte
// sent, so the answer cannot interleave with another. Poco's session has closed the socket by
// the time the exception arrives here, so the answer goes through a duplicate descriptor.
class AnsweringConnection : public Poco::Net::HTTPServerConnection {
 public:
  using HTTPServerConnection::HTTPServerConnection;
  void run() override {
    int answer_fd = ::dup(socket().impl()->sockfd());
    try {
      HTTPServerConnection::run();
    } catch (const Poco::SyntaxException& error) {
      if (answer_fd >= 0) AnswerBadRequest(answer_fd, error.displayText());
    } catch (...) {
      if (answer_fd >= 0) ::close(answer_fd);
      throw;
    }
    if (answer_fd >= 0) ::close(answer_fd);
  }

 private:
  static void AnswerBadRequest(int fd, const std::string& why) {
    std::string body = nlohmann::json{{"error", "malformed request head: " + why}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string answer =
        "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\n"
        "Connection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    // Best effort: the client may be gone. MSG_NOSIGNAL: never SIGPIPE the server.
    (void)::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
    ::shutdown(fd, SHUT_WR);
  }
};

class ConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
 public:
  ConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
      : params_(std::move(params)), handlers_(std::move(handlers)) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new AnsweringConnection(socket, params_, handlers_);
  }

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
};

Request ToRequest(Poco::Net::HTTPServerRequest& in) {
  Request request;
  request.method = in.getMethod();
  const std::string& uri = in.getURI();
  size_t question = uri.find('?');
  request.path = PercentDecode(uri.substr(0, question), false);
  if (question != std::string::npos) request.query = ParseUrlEncoded(uri.substr(question + 1));
  for (const auto& [name, value] : in) {
    std::string key = Lower(name);
    auto [it, inserted] = request.headers.emplace(key, value);
    if (!inserted && key == "cookie") it->second += "; " + value;
  }
  request.client = in.clientAddress().host().toString();
  return request;
}

// A Content-Length that is not one plain number is refused before anything is read: Poco would
// throw on "12abc" or a number past 2^63 (the connection then closed without an answer) and read
// "-1" as no body, and two lengths, or a length beside chunked encoding, are how requests are
// smuggled past a proxy that reads the other one. 0 = fine; else the status (400, or 413 for a
// number too long to hold) and `why`.
int BodyLengthProblem(const Poco::Net::HTTPServerRequest& in, std::string& why) {
  int lengths = 0;
  std::string length;
  for (const auto& [name, value] : in) {
    if (Lower(name) != "content-length") continue;
    ++lengths;
    length = value;
  }
  if (lengths == 0) return 0;
  if (lengths > 1) {
    why = "send one Content-Length, not " + std::to_string(lengths);
    return 400;
  }
  if (in.getChunkedTransferEncoding()) {
    why = "send Content-Length or chunked Transfer-Encoding, not both";
    return 400;
  }
  if (length.empty() || length.find_first_not_of("0123456789") != std::string::npos) {
    why = "Content-Length must be a number of bytes";
    return 400;
  }
  if (length.size() > 18) {  // past any Int64, far past max_body
    why = "the request body is too large";
    return 413;
  }
  return 0;
}

}  // namespace

// Issue 6 item 5: "request bodies and headers are bounded". false = too large.
bool Server::Impl::ReadBody(Poco::Net::HTTPServerRequest& in, std::string& body) const {
  if (in.hasContentLength() && in.getContentLength64() > static_cast<Poco::Int64>(options.max_body))
    return false;
  std::istream& stream = in.stream();
  char buffer[16384];
  while (stream) {
    stream.read(buffer, sizeof buffer);
    body.append(buffer, static_cast<size_t>(stream.gcount()));
    if (body.size() > options.max_body) return false;
  }
  return true;
}

void Server::Impl::Serve(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) {
  InFlight counted(*this);
  Clock::time_point start = Clock::now();
  Request request = ToRequest(in);
  Response response;
  bool has_body = in.hasContentLength() || in.getChunkedTransferEncoding();
  std::string length_problem;
  if (int status = BodyLengthProblem(in, length_problem)) {
    response = app.router().Error(request, status, length_problem);
    out.setKeepAlive(false);  // where this request's body ends is unknown
  } else if (!has_body && request.method != "GET" && request.method != "HEAD" &&
      request.method != "DELETE") {
    // Poco would read such a body up to the end of the connection.
    response = app.router().Error(request, 411, "send Content-Length with the body");
    out.setKeepAlive(false);
  } else if (!ReadBody(in, request.body)) {
    response = app.router().Error(request, 413, "the request body is larger than " +
                                                    std::to_string(options.max_body) + " bytes");
    out.setKeepAlive(false);  // the unread body would be taken for the next request
  } else {
    response = app.Handle(request);
  }
  out.setStatus(std::to_string(response.status));
  out.setReason(ReasonPhrase(response.status));
  if (response.status != 303 || !response.body.empty()) out.setContentType(response.content_type);
  for (const auto& [name, value] : response.headers) out.add(name, value);
  out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
  std::ostream& body = out.send();
  if (request.method != "HEAD") body.write(response.body.data(), response.body.size());
  Log(request, response, start);
}

void Server::Impl::Log(const Request& request, const Response& response,
                       Clock::time_point start) {
  if (!options.access_log) return;
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  nlohmann::ordered_json line = {
      {"time", UtcNow()},
      {"method", request.method},
      {"path", request.path},
      {"status", response.status},
      {"bytes", response.body.size()},
      {"ms", static_cast<double>(static_cast<long long>(ms * 1000)) / 1000},
      {"user", request.user ? nlohmann::ordered_json(request.user->name) : nullptr},
      {"client", request.client}};
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard lock(mutex);
  options.access_log->write(text.data(), static_cast<std::streamsize>(text.size()));
  options.access_log->flush();
}

Server::Server(App& app, ServerOptions options)
    : impl_(std::make_unique<Impl>(app, std::move(options))) {}

Server::~Server() {
  if (impl_->server) Stop(std::chrono::seconds(5));
}

void Server::Start() {
  Poco::Net::ServerSocket& socket = impl_->socket;
  try {
    socket.bind(Poco::Net::SocketAddress(impl_->options.bind, impl_->options.port), true);
    socket.listen(256);
  } catch (const Poco::Exception& error) {
    throw Error(Error::Kind::kIo, impl_->options.bind + ":" +
                                      std::to_string(impl_->options.port) + ": " +
                                      error.displayText());
  }
  impl_->port = socket.address().port();
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(std::max(2, impl_->options.threads));
  params->setMaxQueued(impl_->options.max_queued);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(5, 0));
  params->setMaxKeepAliveRequests(10000);
  params->setTimeout(Poco::Timespan(15, 0));
  params->setServerName("sijill");
  params->setSoftwareVersion(std::string("sijill/") + SIJILL_VERSION);
  impl_->handlers = new Factory(*impl_);
  impl_->server = std::make_unique<Poco::Net::TCPServer>(
      new ConnectionFactory(params, impl_->handlers), impl_->pool, socket, params);
  impl_->server->start();
}

uint16_t Server::port() const { return impl_->port; }

bool Server::Stop(std::chrono::milliseconds grace) {
  if (!impl_->server) return true;
  // Stop accepting and close the listening socket, so new clients are refused at once instead
  // of waiting in the backlog; requests in progress (a commit, say) run to their end.
  impl_->server->stop();
  impl_->socket.close();
  bool drained;
  {
    std::unique_lock lock(impl_->mutex);
    drained = impl_->idle.wait_for(lock, grace, [&] { return impl_->in_flight == 0; });
  }
  // Closes idle keep-alive connections (each after its current request, if any); aborts what
  // still runs only when the grace period is over.
  static_cast<Factory&>(*impl_->handlers).CloseConnections(!drained);
  impl_->pool.joinAll();
  impl_->server.reset();
  return drained;
}

}  // namespace sijill::service
