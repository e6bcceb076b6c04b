// Router and http.h without sockets (issue 6 items 1, 3, 5).
#include "sijill/service/router.h"

#include <boost/test/unit_test.hpp>

#include "sijill/error.h"

namespace sijill::service {

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(router)

namespace {

Request Make(std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  return request;
}

User Someone(Role role) { return User{"amina", "amina@example.org", role}; }

Router Sample() {
  Router router;
  router.Add("GET", "/api/things/{id}",
             [](Request& request) { return Response::Json("\"" + request.params.at("id") + "\""); });
  router.Add("GET", "/api/things/{id}/history", [](Request&) { return Response::Json("[]"); });
  router.Add("POST", "/api/things/{id}", [](Request&) { return Response::Json("{}", 201); },
             {.role = Role::kSecretariat, .csrf = true});
  router.Add("GET", "/boom", [](Request&) -> Response {
    throw Error(Error::Kind::kNotFound, "no such <thing>");
  });
  router.Add("GET", "/crash", [](Request&) -> Response { throw std::runtime_error("secret"); });
  router.Add("GET", "/healthz", [](Request&) { return Response::Json("{}"); }, {.open = true});
  return router;
}

}  // namespace

BOOST_AUTO_TEST_CASE(ParamsMatchOneSegment) {
  Router router = Sample();
  Request request = Make("GET", "/api/things/a.p1");
  Response response = router.Route(request);
  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.body == "\"a.p1\"");
  Request nested = Make("GET", "/api/things/a/b");
  BOOST_TEST(router.Route(nested).status == 404);
  Request history = Make("GET", "/api/things/x/history");
  BOOST_TEST(router.Route(history).body == "[]");
}

BOOST_AUTO_TEST_CASE(UnknownApiRouteIsJson404AndPagesAreHtml) {
  Router router = Sample();
  Request api = Make("GET", "/api/nothing");
  Response response = router.Route(api);
  BOOST_TEST(response.status == 404);
  BOOST_TEST(response.content_type.rfind("application/json", 0) == 0);
  BOOST_TEST(response.body.find("\"status\":404") != std::string::npos);
  Request page = Make("GET", "/nothing/<script>");
  Response html = router.Route(page);
  BOOST_TEST(html.status == 404);
  BOOST_TEST(html.content_type.rfind("text/html", 0) == 0);
  BOOST_TEST(html.body.find("<script>") == std::string::npos);
  BOOST_TEST(html.body.find("&lt;script&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(WrongMethodIs405) {
  Router router = Sample();
  Request request = Make("DELETE", "/api/things/x");
  BOOST_TEST(router.Route(request).status == 405);
}

BOOST_AUTO_TEST_CASE(WriteNeedsLoginThenRoleThenCsrf) {
  Router router = Sample();
  Request anonymous = Make("POST", "/api/things/x");
  BOOST_TEST(router.Route(anonymous).status == 401);

  Request reader = Make("POST", "/api/things/x");
  reader.user = Someone(Role::kReader);
  BOOST_TEST(router.Route(reader).status == 403);

  Request icat = Make("POST", "/api/things/x");
  icat.user = Someone(Role::kIcat);
  BOOST_TEST(router.Route(icat).status == 403);

  Request no_csrf = Make("POST", "/api/things/x");
  no_csrf.user = Someone(Role::kSecretariat);
  no_csrf.csrf_token = "t0ken";
  Response refused = router.Route(no_csrf);
  BOOST_TEST(refused.status == 403);
  BOOST_TEST(refused.body.find("CSRF") != std::string::npos);

  Request wrong_csrf = no_csrf;
  wrong_csrf.form.emplace("csrf", "t0keN");
  BOOST_TEST(router.Route(wrong_csrf).status == 403);

  Request form = no_csrf;
  form.form.emplace("csrf", "t0ken");
  BOOST_TEST(router.Route(form).status == 201);

  Request header = no_csrf;
  header.headers["x-csrf-token"] = "t0ken";
  BOOST_TEST(router.Route(header).status == 201);

  Request admin = Make("POST", "/api/things/x");
  admin.user = Someone(Role::kAdmin);
  admin.bearer = true;  // a token carries no ambient credential: no CSRF needed
  BOOST_TEST(router.Route(admin).status == 201);
}

BOOST_AUTO_TEST_CASE(EmptySessionTokenNeverMatches) {
  Router router = Sample();
  Request request = Make("POST", "/api/things/x");
  request.user = Someone(Role::kSecretariat);
  request.form.emplace("csrf", "");
  BOOST_TEST(router.Route(request).status == 403);
}

BOOST_AUTO_TEST_CASE(ErrorsMapToStatusesWithoutLeakingInternals) {
  Router router = Sample();
  Request boom = Make("GET", "/boom");
  BOOST_TEST(router.Route(boom).status == 404);
  Request crash = Make("GET", "/crash");
  Response response = router.Route(crash);
  BOOST_TEST(response.status == 500);
  BOOST_TEST(response.body.find("secret") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(AnonymousReadCanBeTurnedOff) {
  Router router = Sample();
  router.set_anonymous_read(false);
  Request anonymous = Make("GET", "/api/things/x");
  BOOST_TEST(router.Route(anonymous).status == 401);
  Request health = Make("GET", "/healthz");
  BOOST_TEST(router.Route(health).status == 200);
  Request reader = Make("GET", "/api/things/x");
  reader.user = Someone(Role::kReader);
  BOOST_TEST(router.Route(reader).status == 200);
}

BOOST_AUTO_TEST_CASE(RolesAreNotALadderBelowAdmin) {
  BOOST_TEST(RoleAllows(Role::kAdmin, Role::kSecretariat));
  BOOST_TEST(RoleAllows(Role::kAdmin, Role::kIcat));
  BOOST_TEST(!RoleAllows(Role::kIcat, Role::kSecretariat));
  BOOST_TEST(!RoleAllows(Role::kSecretariat, Role::kIcat));
  BOOST_TEST(RoleAllows(Role::kReader, Role::kReader));
  BOOST_TEST(!RoleAllows(Role::kAnonymous, Role::kReader));
  BOOST_TEST(!RoleAllows(Role::kSecretariat, Role::kAdmin));
}

BOOST_AUTO_TEST_CASE(QueryStringsAndCookiesAreDecoded) {
  auto pairs = ParseUrlEncoded("q=%D8%A7%D9%84+x&topic=a&topic=b&bad=%zz&empty");
  BOOST_TEST(pairs.find("q")->second == "\xD8\xA7\xD9\x84 x");
  BOOST_TEST(pairs.count("topic") == 2u);
  BOOST_TEST(pairs.find("bad")->second == "%zz");
  BOOST_TEST(pairs.find("empty")->second == "");
  BOOST_TEST(PercentDecode("a%2Fb+c", false) == "a/b+c");

  Request request;
  request.headers["cookie"] = "lang=en; sijill_session=abc; other=1";
  BOOST_TEST(request.Cookie("sijill_session") == "abc");
  BOOST_TEST(request.Cookie("missing") == "");
}

BOOST_AUTO_TEST_CASE(ConstantTimeEqualsComparesWholeStrings) {
  BOOST_TEST(ConstantTimeEquals("abc", "abc"));
  BOOST_TEST(!ConstantTimeEquals("abc", "abd"));
  BOOST_TEST(!ConstantTimeEquals("abc", "abcd"));
  BOOST_TEST(!ConstantTimeEquals("", "a"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service
