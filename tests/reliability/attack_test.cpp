// Issue 8 item 4, against the running service (`sijill serve` on a temporary repository, over
// HTTP, support/live_server.h): CSRF, a reader's token, session fixation, password guessing,
// path traversal, oversized bodies and malformed JSON. After every refused write the
// repository must be exactly as before: same HEAD, clean working tree.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "support/live_server.h"
#include "unit/service/api_fixture.h"

namespace sijill::testing {

namespace {

using service::testing::kApiFiles;
using service::testing::kP1;

std::string FollowUpPath(const std::string& id) {
  return "/api/recommendations/" + id + "/followup";
}

// The value of `sijill_session` in a Set-Cookie header, "" when there is none.
std::string SessionId(const HttpResult& result) {
  std::string cookie = result.Header("Set-Cookie");
  const std::string kName = "sijill_session=";
  if (cookie.rfind(kName, 0) != 0) return "";
  return cookie.substr(kName.size(), cookie.find(';') - kName.size());
}

HttpResult Login(LiveServer& server, const std::string& name, const std::string& password,
                 const std::string& session = "") {
  Headers headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  if (!session.empty()) headers["Cookie"] = "sijill_session=" + session;
  return Http(server.port(), "POST", "/login", "name=" + name + "&password=" + password + "&next=/",
              headers);
}

// {"user", "role", "csrf"} as the service sees the session.
nlohmann::json SessionOf(LiveServer& server, const std::string& session) {
  HttpResult result = Http(server.port(), "GET", "/api/session", "",
                           {{"Cookie", "sijill_session=" + session}});
  return nlohmann::json::parse(result.body);
}

std::string Etag(LiveServer& server, const std::string& id = kP1) {
  return server.Get("/api/recommendations/" + id).Header("ETag");
}

std::string FollowUpBody(const std::string& note) {
  return nlohmann::json({{"status", "in-progress"}, {"note", note}}).dump();
}

// HEAD and the working tree, to compare before and after refused writes.
struct RepoState {
  std::string head, status;
  explicit RepoState(LiveServer& server)
      : head(server.repo().Git("rev-parse HEAD")),
        status(server.repo().Git("status --porcelain")) {}
  bool operator==(const RepoState&) const = default;
};

void ExpectUnchanged(LiveServer& server, const RepoState& before, const std::string& what) {
  RepoState after(server);
  BOOST_TEST(after.head == before.head, what << ": a commit was made");
  BOOST_TEST(after.status == "", what << ": the working tree changed: " << after.status);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reliability)
BOOST_AUTO_TEST_SUITE(attacks)

// A browser's session cookie goes with any request a hostile page makes; only the CSRF token,
// which that page cannot read, tells a real form from a forged one.
BOOST_AUTO_TEST_CASE(CookieWritesWithoutTheSessionsCsrfTokenAreRefused) {
  LiveServer server(kApiFiles);
  std::string amina = SessionId(Login(server, "amina", kSecretariatPassword));
  std::string rana = SessionId(Login(server, "rana", kReaderPassword));
  BOOST_TEST_REQUIRE(!amina.empty());
  BOOST_TEST_REQUIRE(!rana.empty());
  std::string csrf = SessionOf(server, amina)["csrf"];
  std::string other_csrf = SessionOf(server, rana)["csrf"];
  BOOST_TEST_REQUIRE(csrf.size() >= 32u);
  BOOST_TEST(csrf != other_csrf);
  RepoState before(server);
  const std::vector<std::pair<std::string, Headers>> forged = {
      {"no token", {}},
      {"empty token", {{"X-CSRF-Token", ""}}},
      {"wrong token", {{"X-CSRF-Token", std::string(csrf.size(), 'a')}}},
      {"token of another session", {{"X-CSRF-Token", other_csrf}}},
      {"token one character short", {{"X-CSRF-Token", csrf.substr(0, csrf.size() - 1)}}},
  };
  for (auto [what, headers] : forged) {
    headers["Cookie"] = "sijill_session=" + amina;
    headers["If-Match"] = Etag(server);
    HttpResult result =
        Http(server.port(), "POST", FollowUpPath(kP1), FollowUpBody("forged"), headers);
    BOOST_TEST(result.status == 403, what << ": " << result.status << " " << result.body);
    BOOST_TEST(result.body.find("CSRF") != std::string::npos, what << ": " << result.body);
  }
  // A form post (what a hostile page can send cross-site without preflight) with a wrong field.
  HttpResult form = Http(server.port(), "POST", FollowUpPath(kP1),
                         "status=closed&note=forged&csrf=" + other_csrf,
                         {{"Content-Type", "application/x-www-form-urlencoded"},
                          {"Cookie", "sijill_session=" + amina},
                          {"If-Match", Etag(server)}});
  BOOST_TEST(form.status == 403, form.body);
  // The brief editor's PUT, by an icat session without the token.
  std::string omar = SessionId(Login(server, "omar", kIcatPassword));
  HttpResult brief = Http(server.port(), "PUT", "/api/briefs/forged",
                          R"({"title": "forged", "date": "2026-01-01"})",
                          {{"Cookie", "sijill_session=" + omar}});
  BOOST_TEST(brief.status == 403, brief.body);
  ExpectUnchanged(server, before, "forged writes");

  // The same write with the session's own token is accepted: the refusals above were CSRF.
  HttpResult real = Http(server.port(), "POST", FollowUpPath(kP1), FollowUpBody("real"),
                         {{"Cookie", "sijill_session=" + amina},
                          {"X-CSRF-Token", csrf},
                          {"If-Match", Etag(server)}});
  BOOST_TEST(real.status == 201, real.body);
  BOOST_TEST(server.repo().Git("log -1 --format=%an") == "amina\n");
}

BOOST_AUTO_TEST_CASE(AReadersTokenOrSessionCannotWrite) {
  LiveServer server(kApiFiles);
  RepoState before(server);
  HttpResult followup =
      Http(server.port(), "POST", FollowUpPath(kP1), FollowUpBody("by a reader"),
           {{"Authorization", "Bearer " + server.reader_token}, {"If-Match", Etag(server)}});
  BOOST_TEST(followup.status == 403, followup.body);
  BOOST_TEST(nlohmann::json::parse(followup.body)["error"].get<std::string>().find("secretariat") !=
             std::string::npos);
  HttpResult brief = Http(server.port(), "PUT", "/api/briefs/by-a-reader",
                          R"({"title": "x", "date": "2026-01-01", "status": "published"})",
                          {{"Authorization", "Bearer " + server.reader_token}});
  BOOST_TEST(brief.status == 403, brief.body);
  HttpResult update = Http(server.port(), "PUT", "/api/briefs/consent",
                           R"({"title": "x", "date": "2026-01-01"})",
                           {{"Authorization", "Bearer " + server.reader_token},
                            {"If-Match", server.Get("/api/briefs/consent").Header("ETag")}});
  BOOST_TEST(update.status == 403, update.body);
  // Logged in through the form, with the session's real CSRF token: still a reader.
  std::string rana = SessionId(Login(server, "rana", kReaderPassword));
  std::string csrf = SessionOf(server, rana)["csrf"];
  HttpResult session_write = Http(server.port(), "POST", FollowUpPath(kP1),
                                  FollowUpBody("by a reader's session"),
                                  {{"Cookie", "sijill_session=" + rana},
                                   {"X-CSRF-Token", csrf},
                                   {"If-Match", Etag(server)}});
  BOOST_TEST(session_write.status == 403, session_write.body);
  // Each writing role only has its own write.
  HttpResult icat_followup =
      Http(server.port(), "POST", FollowUpPath(kP1), FollowUpBody("by icat"),
           {{"Authorization", "Bearer " + server.icat_token}, {"If-Match", Etag(server)}});
  BOOST_TEST(icat_followup.status == 403);
  HttpResult secretariat_brief = Http(server.port(), "PUT", "/api/briefs/by-secretariat",
                                      R"({"title": "x", "date": "2026-01-01"})",
                                      {{"Authorization", "Bearer " + server.secretariat_token}});
  BOOST_TEST(secretariat_brief.status == 403);
  // A made-up or truncated token is no one at all.
  HttpResult forged = Http(server.port(), "POST", FollowUpPath(kP1), FollowUpBody("forged"),
                           {{"Authorization", "Bearer " + server.secretariat_token.substr(0, 20)},
                            {"If-Match", Etag(server)}});
  BOOST_TEST(forged.status == 401);
  ExpectUnchanged(server, before, "a reader's writes");
  // Drafts stay hidden from readers.
  BOOST_TEST(server.Get("/api/briefs/draft-note", server.reader_token).status == 404);
  BOOST_TEST(server.Get("/api/briefs/draft-note", server.icat_token).status == 200);
}

// A session id the attacker planted in the victim's browser before login must not become the
// victim's session; nor may a session the attacker holds survive the victim logging in on it.
BOOST_AUTO_TEST_CASE(LoggingInNeverKeepsASessionIdTheClientHad) {
  LiveServer server(kApiFiles);
  const std::string planted = "attacker-chosen-session-id-0123456789abcdef";
  HttpResult login = Login(server, "amina", kSecretariatPassword, planted);
  BOOST_TEST(login.status == 303);
  std::string issued = SessionId(login);
  BOOST_TEST_REQUIRE(!issued.empty());
  BOOST_TEST(issued != planted);
  BOOST_TEST(issued.size() >= 32u);
  BOOST_TEST(login.Header("Set-Cookie").find("HttpOnly") != std::string::npos);
  BOOST_TEST(login.Header("Set-Cookie").find("SameSite=Lax") != std::string::npos);
  BOOST_TEST(SessionOf(server, planted)["user"].is_null());
  BOOST_TEST(SessionOf(server, issued)["user"] == "amina");

  // The attacker logs in as rana and plants that live session; the victim logs in over it.
  std::string attackers = SessionId(Login(server, "rana", kReaderPassword));
  BOOST_TEST(SessionOf(server, attackers)["user"] == "rana");
  std::string victims = SessionId(Login(server, "amina", kSecretariatPassword, attackers));
  BOOST_TEST(victims != attackers);
  BOOST_TEST(SessionOf(server, attackers)["user"].is_null());
  BOOST_TEST(SessionOf(server, victims)["user"] == "amina");

  // Logging out ends the session on the server, not only in the browser.
  HttpResult forged = Http(server.port(), "POST", "/logout", "",
                           {{"Cookie", "sijill_session=" + victims},
                            {"Content-Type", "application/x-www-form-urlencoded"}});
  BOOST_TEST(forged.status == 403);  // a cross-site post cannot end the session
  BOOST_TEST(SessionOf(server, victims)["user"] == "amina");
  std::string csrf = SessionOf(server, victims)["csrf"];
  HttpResult logout = Http(server.port(), "POST", "/logout", "csrf=" + csrf,
                           {{"Cookie", "sijill_session=" + victims},
                            {"Content-Type", "application/x-www-form-urlencoded"}});
  BOOST_TEST(logout.status == 303);
  BOOST_TEST(SessionOf(server, victims)["user"].is_null());
}

BOOST_AUTO_TEST_CASE(GuessingPasswordsLocksTheNameAndTheClient) {
  LiveServer server(kApiFiles);
  for (int guess = 0; guess < 5; ++guess) {
    HttpResult wrong = Login(server, "amina", "guess-" + std::to_string(guess));
    BOOST_TEST(wrong.status == 303);
    BOOST_TEST(wrong.Header("Location").rfind("/login?error=", 0) == 0u, wrong.Header("Location"));
    BOOST_TEST(SessionId(wrong) == "");
  }
  // Locked: even the right password is not checked, and no session is issued.
  HttpResult locked = Login(server, "amina", kSecretariatPassword);
  BOOST_TEST(locked.status == 429);
  BOOST_TEST(std::stoi(locked.Header("Retry-After")) >= 1);
  BOOST_TEST(std::stoi(locked.Header("Retry-After")) <= 30);
  BOOST_TEST(SessionId(locked) == "");
  // Moving on to another name from the same client does not help.
  HttpResult other = Login(server, "omar", kIcatPassword);
  BOOST_TEST(other.status == 429);
  BOOST_TEST(SessionId(other) == "");
  // Each further failure doubles the wait: one more wrong guess after the lock is refused too,
  // so a guesser never gets more than five answers per lock period.
  int answered = 0;
  for (int guess = 0; guess < 20; ++guess)
    if (Login(server, "amina", "more-" + std::to_string(guess)).status != 429) ++answered;
  BOOST_TEST(answered == 0);
  // Bearer tokens are unaffected: scripts keep working while a guesser is locked out.
  BOOST_TEST(server.Get("/api/session", server.secretariat_token).status == 200);
}

// Guesses sent all at once must not slip past the limiter while the first ones are still
// being checked.
BOOST_AUTO_TEST_CASE(ConcurrentGuessesAreLimitedToo) {
  LiveServer server(kApiFiles);
  constexpr int kGuessers = 24;
  std::vector<int> statuses(kGuessers, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < kGuessers; ++i)
    threads.emplace_back([&, i] {
      try {
        statuses[i] = Login(server, "amina", "parallel-" + std::to_string(i)).status;
      } catch (const std::exception&) {
        statuses[i] = -1;
      }
    });
  for (std::thread& thread : threads) thread.join();
  int checked = 0;
  for (int status : statuses) {
    BOOST_TEST((status == 303 || status == 429), status);
    if (status == 303) ++checked;
  }
  BOOST_TEST(checked <= 5, checked << " of " << kGuessers << " parallel guesses were checked");
}

BOOST_AUTO_TEST_CASE(TraversalInIdsSlugsAndStaticPathsIsRefused) {
  LiveServer server(kApiFiles);
  RepoState before(server);
  // Whatever is refused, nothing of these files may come back.
  auto leaks = [](const std::string& body) {
    return body.find("title: test") != std::string::npos ||        // sijill.yaml
           body.find("pbkdf2") != std::string::npos ||             // .sijill/users.yaml
           body.find("root:x:") != std::string::npos ||            // /etc/passwd
           body.find("[core]") != std::string::npos;               // .git/config
  };
  const std::vector<std::string> reads = {
      "/api/recommendations/..%2F..%2Fsijill.yaml",
      "/api/recommendations/..%2F..%2F.sijill%2Fusers.yaml",
      "/api/recommendations/%2e%2e%2f%2e%2e%2f.git%2fconfig",
      "/api/recommendations/..%5C..%5Csijill.yaml",
      "/api/recommendations/%2Fetc%2Fpasswd",
      "/api/recommendations/ctoc-cop-wg.4-2013-5.p1%00.yaml",
      "/api/recommendations/..%2F..%2Fsijill.yaml/history",
      "/api/reports/..%2Fsijill",
      "/api/reports/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
      "/api/reports/%2e%2e",
      "/api/briefs/..%2Fsijill",
      "/api/briefs/..%2F.sijill%2Fusers",
      "/api/briefs/%2e%2e%2f%2e%2e%2f.git%2fconfig",
      "/static/..%2F..%2Fsijill.yaml",
      "/static/../../../etc/passwd",
      "/static/%2e%2e/%2e%2e/.sijill/users.yaml",
      "/static/..%2F.git%2Fconfig",
  };
  for (const std::string& target : reads) {
    HttpResult result = Http(server.port(), "GET", target, "",
                             {{"Authorization", "Bearer " + server.icat_token}});
    BOOST_TEST((result.status == 400 || result.status == 404), target << ": " << result.status);
    BOOST_TEST(!leaks(result.body), target << " leaked: " << result.body.substr(0, 200));
  }
  // The request line as written, without a client normalising the dots away.
  for (std::string target :
       {"/../../../../etc/passwd", "/static/../../sijill.yaml", "/api/../sijill.yaml",
        "/api/briefs/../../.sijill/users.yaml"}) {
    std::string answer = RawHttp(server.port(), "GET " + target +
                                                     " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                             .bytes;
    BOOST_TEST((answer.rfind("HTTP/1.1 400", 0) == 0 || answer.rfind("HTTP/1.1 404", 0) == 0),
               target << ": " << answer.substr(0, 40));
    BOOST_TEST(!leaks(answer), target << " leaked");
  }
  // Writes that name a path instead of an id or slug.
  std::string etag = Etag(server);
  for (std::string id : {"..%2F..%2Fsijill.yaml", "..%2Fctoc-cop-wg.4-2013-5%2Fp1",
                                "%2e%2e%2f%2e%2e%2fevil"}) {
    HttpResult result = Http(server.port(), "POST", FollowUpPath(id), FollowUpBody("traversal"),
                             {{"Authorization", "Bearer " + server.secretariat_token},
                              {"If-Match", etag}});
    BOOST_TEST((result.status == 400 || result.status == 404), id << ": " << result.status);
  }
  for (std::string slug : {"..%2F..%2Fevil", "..%2Fsijill", "%2e%2e%2fcorpus%2fx",
                                  "a%2F..%2F..%2Fevil", "..", "UPPER", "x%00y"}) {
    HttpResult result = Http(server.port(), "PUT", "/api/briefs/" + slug,
                             R"({"title": "traversal", "date": "2026-01-01"})",
                             {{"Authorization", "Bearer " + server.icat_token}});
    BOOST_TEST((result.status == 400 || result.status == 404), slug << ": " << result.status);
  }
  ExpectUnchanged(server, before, "traversal");
  BOOST_TEST(!std::filesystem::exists(std::filesystem::path(server.repo().root()).parent_path() /
                                      "evil.md"));
  BOOST_TEST(server.Get("/healthz").status == 200);
}

// The body is refused from its announced length alone: the requests below never send their
// body, and the client waits 10 s — less than the server's 15 s read timeout — so an answer
// at all shows the server did not wait to read it.
BOOST_AUTO_TEST_CASE(OversizedBodiesAreRefusedBeforeTheyAreRead) {
  LiveServer server(kApiFiles);
  RepoState before(server);
  for (std::string length : {"3000000", "1000000000000", "9223372036854775807"}) {
    std::string answer = RawHttp(
        server.port(), "POST " + FollowUpPath(kP1) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           server.secretariat_token + "\r\nContent-Type: application/json\r\n" +
                           "Content-Length: " + length + "\r\n\r\n",
        /*timeout_s=*/10).bytes;
    BOOST_TEST(answer.rfind("HTTP/1.1 413", 0) == 0u, length << ": " << answer.substr(0, 60));
  }
  // A negative length, two lengths, a length beside chunked encoding: bad requests, answered.
  // (No body bytes are sent: unread bytes would make the server's close a reset that can
  // discard its answer before the client reads it.)
  for (std::string length : {"-1", "5\r\nContent-Length: 6", "2\r\nTransfer-Encoding: chunked"}) {
    RawAnswer answer = RawHttp(
        server.port(), "POST " + FollowUpPath(kP1) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           server.secretariat_token + "\r\nContent-Type: application/json\r\n" +
                           "Content-Length: " + length + "\r\n\r\n", 10);
    BOOST_TEST(answer.bytes.rfind("HTTP/1.1 400", 0) == 0u,
               "Content-Length: " << length << ": " << answer.bytes.substr(0, 60));
  }
  // A length that is no number, or none a 64-bit integer holds: Poco's request parser throws
  // before any handler runs; the server still answers 400, naming the problem, and goes on.
  for (std::string length : {"99999999999999999999999", "12abc"}) {
    RawAnswer answer = RawHttp(
        server.port(), "POST " + FollowUpPath(kP1) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           server.secretariat_token + "\r\nContent-Type: application/json\r\n" +
                           "Content-Length: " + length + "\r\n\r\n", 10);
    BOOST_TEST(answer.bytes.rfind("HTTP/1.1 400", 0) == 0u,
               "Content-Length: " << length << ": " << answer.bytes.substr(0, 60));
    BOOST_TEST(answer.bytes.find("Not a valid integer") != std::string::npos, answer.bytes);
  }
  ExpectUnchanged(server, before, "oversized bodies");
  BOOST_TEST(server.Get("/healthz").status == 200);
}

BOOST_AUTO_TEST_CASE(MalformedJsonIsA400ThatNamesTheProblem) {
  LiveServer server(kApiFiles);
  RepoState before(server);
  // body → words the error must contain
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {R"({"status": "closed",)", {"malformed JSON", "line 1, column"}},
      {R"({"status": "closed" "note": "x"})", {"malformed JSON", "line 1, column"}},
      {"", {"malformed JSON"}},
      {"\xff\xfe{}", {"malformed JSON"}},
      {R"(["status", "closed"])", {"JSON object"}},
      {R"({"status": 5})", {"'status'", "string"}},
      {R"({"note": "no status"})", {"'status'", "required"}},
      {R"({"status": "closed", "evidence": "A/1#p1"})", {"'evidence'", "list"}},
      {R"x({"status": "closed", "evidence": ["javascript:alert(1)"]})x", {"evidence"}},
      {R"({"status": "no-such-status"})", {"no-such-status"}},
      {R"({"status": "closed", "date": "yesterday"})", {"yesterday"}},
  };
  for (const auto& [body, words] : cases) {
    HttpResult result = Http(server.port(), "POST", FollowUpPath(kP1), body,
                             {{"Authorization", "Bearer " + server.secretariat_token},
                              {"If-Match", Etag(server)}});
    BOOST_TEST(result.status == 400, body << ": " << result.status << " " << result.body);
    BOOST_TEST(result.Header("Content-Type").rfind("application/json", 0) == 0u);
    std::string error;
    try {
      error = nlohmann::json::parse(result.body).at("error").get<std::string>();
    } catch (const std::exception&) {
      BOOST_ERROR(body << ": the error is not JSON: " << result.body);
    }
    for (const std::string& word : words)
      BOOST_TEST(error.find(word) != std::string::npos, body << ": '" << error << "' lacks " << word);
  }
  HttpResult brief = Http(server.port(), "PUT", "/api/briefs/new-brief", R"({"title": )",
                          {{"Authorization", "Bearer " + server.icat_token}});
  BOOST_TEST(brief.status == 400);
  BOOST_TEST(brief.body.find("malformed JSON") != std::string::npos, brief.body);
  ExpectUnchanged(server, before, "malformed JSON");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
