// Login, session cookies, CSRF and the login limiter through App::Handle (issue 6 item 3).
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "api_fixture.h"

namespace sijill::service::testing {

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(session)

namespace {

Call Login(const std::string& name, const std::string& password, const std::string& cookie = "",
           const std::string& client = "127.0.0.1") {
  Call call{.method = "POST",
            .target = "/login",
            .body = "name=" + name + "&password=" + password + "&next=%2Fsearch%3Fq%3Dx",
            .client = client};
  call.headers["content-type"] = "application/x-www-form-urlencoded";
  if (!cookie.empty()) call.headers["cookie"] = cookie;
  return call;
}

// "sijill_session=<id>" from a Set-Cookie value.
std::string SessionPair(const Response& response) {
  std::string cookie = response.Header("Set-Cookie");
  return cookie.substr(0, cookie.find(';'));
}

}  // namespace

BOOST_AUTO_TEST_CASE(LoginSetsAFreshHttpOnlySessionCookie) {
  ApiFixture fixture;
  const std::string planted = "sijill_session=attacker-chosen";
  Response response = fixture.Send(Login("amina", "secretariat-pass", planted));
  BOOST_TEST(response.status == 303);
  BOOST_TEST(response.Header("Location") == "/search?q=x");
  std::string cookie = response.Header("Set-Cookie");
  BOOST_TEST(cookie.find("HttpOnly") != std::string::npos);
  BOOST_TEST(cookie.find("SameSite=Lax") != std::string::npos);
  BOOST_TEST(cookie.find("Secure") == std::string::npos);
  BOOST_TEST(SessionPair(response) != planted);
  BOOST_TEST(SessionPair(response).size() > 40u);

  nlohmann::json session =
      nlohmann::json::parse(fixture.Send({.target = "/api/session",
                                          .headers = {{"cookie", SessionPair(response)}}})
                                .body);
  BOOST_TEST(session["user"] == "amina");
  BOOST_TEST(session["role"] == "secretariat");
  BOOST_TEST(session["csrf"].get<std::string>().size() > 40u);
  // The planted id is not a session.
  nlohmann::json anonymous = nlohmann::json::parse(
      fixture.Send({.target = "/api/session", .headers = {{"cookie", planted}}}).body);
  BOOST_TEST(anonymous["user"].is_null());
}

BOOST_AUTO_TEST_CASE(CookieIsSecureBehindTls) {
  ApiFixture fixture;
  Call call = Login("amina", "secretariat-pass");
  call.headers["x-forwarded-proto"] = "https";
  BOOST_TEST(fixture.Send(call).Header("Set-Cookie").find("; Secure") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(WrongPasswordRedirectsBackWithoutACookie) {
  ApiFixture fixture;
  Response response = fixture.Send(Login("amina", "wrong-pass"));
  BOOST_TEST(response.status == 303);
  BOOST_TEST(response.Header("Location").rfind("/login?error=1", 0) == 0);
  BOOST_TEST(response.Header("Set-Cookie").empty());
}

BOOST_AUTO_TEST_CASE(OpenRedirectsAreRefused) {
  ApiFixture fixture;
  Call call = Login("amina", "secretariat-pass");
  call.body = "name=amina&password=secretariat-pass&next=%2F%2Fevil.example%2F";
  BOOST_TEST(fixture.Send(call).Header("Location") == "/");
}

BOOST_AUTO_TEST_CASE(SessionWritesNeedTheCsrfToken) {
  ApiFixture fixture;
  std::string cookie = SessionPair(fixture.Send(Login("amina", "secretariat-pass")));
  std::string csrf = nlohmann::json::parse(
      fixture.Send({.target = "/api/session", .headers = {{"cookie", cookie}}}).body)["csrf"];
  std::string etag =
      fixture.Get(std::string("/api/recommendations/") + kP1).Header("ETag");
  Call post{.method = "POST",
            .target = std::string("/api/recommendations/") + kP1 + "/followup",
            .body = R"({"status": "implemented"})",
            .headers = {{"cookie", cookie}, {"if-match", etag}}};
  Response refused = fixture.Send(post);
  BOOST_TEST(refused.status == 403);
  BOOST_TEST(refused.body.find("CSRF") != std::string::npos);
  post.headers["x-csrf-token"] = csrf;
  BOOST_TEST(fixture.Send(post).status == 201);
  BOOST_TEST(fixture.Git("log -1 --format=%an") == "amina\n");
}

BOOST_AUTO_TEST_CASE(LogoutEndsTheSession) {
  ApiFixture fixture;
  std::string cookie = SessionPair(fixture.Send(Login("amina", "secretariat-pass")));
  std::string csrf = nlohmann::json::parse(
      fixture.Send({.target = "/api/session", .headers = {{"cookie", cookie}}}).body)["csrf"];
  // Not by a link, nor by a post without the token: another site could end the session.
  BOOST_TEST(fixture.Send({.target = "/logout", .headers = {{"cookie", cookie}}}).status == 405);
  BOOST_TEST(fixture.Send({.method = "POST", .target = "/logout", .headers = {{"cookie", cookie}}})
                 .status == 403);
  BOOST_TEST(!nlohmann::json::parse(
                  fixture.Send({.target = "/api/session", .headers = {{"cookie", cookie}}}).body)
                  ["user"].is_null());
  Response out = fixture.Send({.method = "POST",
                               .target = "/logout",
                               .headers = {{"cookie", cookie}, {"x-csrf-token", csrf}}});
  BOOST_TEST(out.status == 303);
  BOOST_TEST(out.Header("Set-Cookie").find("Max-Age=0") != std::string::npos);
  nlohmann::json session = nlohmann::json::parse(
      fixture.Send({.target = "/api/session", .headers = {{"cookie", cookie}}}).body);
  BOOST_TEST(session["user"].is_null());
}

BOOST_AUTO_TEST_CASE(RepeatedFailuresLockTheNameEvenForTheRightPassword) {
  ApiFixture fixture;
  for (int i = 0; i < 5; ++i)
    BOOST_TEST(fixture.Send(Login("amina", "wrong-pass", "", "10.0.0." + std::to_string(i))).status ==
               303);
  Response locked = fixture.Send(Login("amina", "secretariat-pass", "", "10.0.0.9"));
  BOOST_TEST(locked.status == 429);
  BOOST_TEST(!locked.Header("Retry-After").empty());
  BOOST_TEST(locked.Header("Set-Cookie").empty());
  // Another user is not locked out by amina's attacker.
  BOOST_TEST(fixture.Send(Login("omar", "icat-pass", "", "10.0.0.10")).Header("Set-Cookie").size() >
             0u);
}

BOOST_AUTO_TEST_CASE(OneClientGuessingManyNamesIsLimited) {
  ApiFixture fixture;
  for (int i = 0; i < 5; ++i)
    fixture.Send(Login("guess" + std::to_string(i), "wrong-pass", "", "10.0.0.66"));
  BOOST_TEST(fixture.Send(Login("omar", "icat-pass", "", "10.0.0.66")).status == 429);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service::testing
