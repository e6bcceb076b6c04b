// Fuzz target: HTTP request handling (issue 8 item 1) — App::Handle, i.e. language choice, form
// decoding, authentication (tokens, session cookies, CSRF), the router and every handler, on a
// small repository with users (tests/unit/service/api_fixture.h), without sockets.
//
// Input: a request as text —
//   METHOD TARGET
//   name: value          (headers, one a line, until an empty line)
//
//   body
// where $READER, $SECRETARIAT, $ICAT and $ADMIN stand for those users' bearer tokens,
// $SESSION and $CSRF for a logged-in secretariat session and its CSRF token, and $ETAG and
// $BRIEF_ETAG for the current ETags of record p1 and brief `consent`, so that mutations reach
// the write paths instead of stopping at 401/428.
//
// Invariants beyond "no crash": never a 500 (a handler threw something it should have mapped);
// a known status and reason phrase; /api answers and every JSON body parse as JSON; the
// security headers are on every answer; no header carries a line break (response splitting);
// a commit happens only on a 200/201 answer to a POST or PUT carrying a writer's credentials
// (token, or session cookie with its CSRF token) — never for a reader, never for a GET.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_check.h"
#include "sijill/service/router.h"
#include "sijill/service/server.h"
#include "unit/service/api_fixture.h"

namespace {

using namespace sijill;
using service::testing::ApiFixture;

struct World {
  ApiFixture fixture;
  std::string session, csrf;
};

World& TheWorld() {
  static std::unique_ptr<World> world;
  if (!world) {
    world = std::make_unique<World>();
    service::Request login;
    login.method = "POST";
    login.path = "/login";
    login.headers["content-type"] = "application/x-www-form-urlencoded";
    login.body = "name=amina&password=secretariat-pass&next=/";
    login.client = "10.0.0.1";  // not the fuzzer's client: its failures must not lock this out
    service::Response answer = world->fixture.app().Handle(login);
    std::string cookie = answer.Header("Set-Cookie");
    size_t eq = cookie.find('='), semi = cookie.find(';');
    fuzz::Check(answer.status == 303 && eq != std::string::npos, "setup: login failed", cookie);
    world->session = cookie.substr(eq + 1, semi - eq - 1);
    service::Request who;
    who.method = "GET";
    who.path = "/api/session";
    who.headers["cookie"] = "sijill_session=" + world->session;
    world->csrf = nlohmann::json::parse(world->fixture.app().Handle(who).body)["csrf"];
  }
  return *world;
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

std::string Lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

bool HasLineBreak(const std::string& text) {
  return text.find('\r') != std::string::npos || text.find('\n') != std::string::npos;
}

bool Contains(const std::string& text, const std::string& part) {
  return !part.empty() && text.find(part) != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  World& world = TheWorld();
  ApiFixture& api = world.fixture;
  std::string text(fuzz::AsText(data, size));
  // ETags without their quotes: a seed writes `"$ETAG"` or `$ETAG`, as clients do.
  auto unquoted = [](std::string etag) {
    return etag.size() >= 2 ? etag.substr(1, etag.size() - 2) : etag;
  };
  std::string etag = unquoted(
      api.Get(std::string("/api/recommendations/") + service::testing::kP1).Header("ETag"));
  std::string brief_etag = unquoted(api.Get("/api/briefs/consent", api.icat_token).Header("ETag"));
  const std::pair<const char*, std::string> placeholders[] = {
      {"$READER", api.reader_token},   {"$SECRETARIAT", api.secretariat_token},
      {"$ICAT", api.icat_token},       {"$ADMIN", api.admin_token},
      {"$SESSION", world.session},     {"$CSRF", world.csrf},
      {"$BRIEF_ETAG", brief_etag},     {"$ETAG", etag}};
  for (const auto& [name, value] : placeholders) ReplaceAll(text, name, value);

  service::Request request;
  size_t line_end = text.find('\n');
  std::string first = text.substr(0, line_end);
  size_t space = first.find(' ');
  request.method = first.substr(0, space);
  std::string target = space == std::string::npos ? "/" : first.substr(space + 1);
  size_t question = target.find('?');
  request.path = service::PercentDecode(target.substr(0, question), false);
  if (question != std::string::npos)
    request.query = service::ParseUrlEncoded(target.substr(question + 1));
  size_t at = line_end == std::string::npos ? text.size() : line_end + 1;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    at = end + 1;
    if (line.empty()) break;
    size_t colon = line.find(':');
    std::string name = Lower(line.substr(0, colon));
    std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    auto [it, inserted] = request.headers.emplace(name, value);
    if (!inserted && name == "cookie") it->second += "; " + value;
  }
  if (at < text.size()) request.body = text.substr(at);
  request.client = "127.0.0.1";

  // Who could write: a writer's token, or the writer's session with its CSRF token.
  std::string credentials = request.Header("authorization") + " " + request.Header("cookie");
  bool writer = Contains(credentials, api.secretariat_token) ||
                Contains(credentials, api.icat_token) || Contains(credentials, api.admin_token) ||
                (Contains(credentials, world.session) &&
                 (Contains(request.body, world.csrf) ||
                  Contains(request.Header("x-csrf-token"), world.csrf)));
  std::string dump = request.method + " " + target + "\n" + request.body.substr(0, 400);
  std::string head = api.app().service().repository().Head();

  service::Response response = api.app().Handle(request);
  // SIJILL_FUZZ_TRACE=1: one line per input, to see which seeds reach which answers.
  static const bool trace = std::getenv("SIJILL_FUZZ_TRACE") != nullptr;
  if (trace) std::fprintf(stderr, "%d %s %s\n", response.status, request.method.c_str(), target.c_str());

  fuzz::Check(response.status != 500, "500 internal error", dump);
  fuzz::Check(std::string(service::ReasonPhrase(response.status)) != "Unknown",
              "a status without a reason phrase", std::to_string(response.status) + "\n" + dump);
  fuzz::Check(response.Header("X-Content-Type-Options") == "nosniff" &&
                  !response.Header("Content-Security-Policy").empty(),
              "security headers missing", dump);
  for (const auto& [name, value] : response.headers)
    fuzz::Check(!HasLineBreak(name) && !HasLineBreak(value), "line break in a response header",
                name + ": " + value + "\n" + dump);
  fuzz::Check(!HasLineBreak(response.content_type), "line break in Content-Type", dump);
  bool json = response.content_type.rfind("application/json", 0) == 0;
  if (service::IsApiPath(request.path) && response.status != 303)
    fuzz::Check(json, "an /api answer that is not JSON", response.content_type + "\n" + dump);
  if (json)
    fuzz::Check(nlohmann::json::accept(response.body), "a JSON answer that does not parse",
                response.body.substr(0, 400) + "\n" + dump);

  std::string after = api.app().service().repository().Head();
  if (after != head) {
    fuzz::Check(response.status == 200 || response.status == 201,
                "a commit behind a refusal", std::to_string(response.status) + "\n" + dump);
    fuzz::Check(request.method == "POST" || request.method == "PUT", "a commit on a read", dump);
    fuzz::Check(writer, "a commit without a writer's credentials", dump);
  }
  return 0;
}
