// Issue 8 item 4, cross-site scripting in the web UI (src/service/ui): the hostile repository
// (reliability/hostile.h) through every page — search (the query echoed in its box), the
// dashboard, report, recommendation and brief pages, the brief editor and its preview, login
// and error pages that echo the URL — anonymous and logged in, in Arabic and English; then
// hostile values typed into the follow-up and brief forms. Each answer is parsed
// (support/html_scan.h): nothing in it may run script; plain-text fields must still be shown.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reliability/hostile.h"
#include "support/html_scan.h"

namespace sijill::testing {

namespace {

using service::testing::ApiFixture;

std::string Encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// A browser's session: the cookie from POST /login and the CSRF token its forms carry.
struct Browser {
  std::string cookie, csrf;
};

Browser LogIn(ApiFixture& api, const std::string& name, const std::string& password) {
  service::Response login =
      api.Send({.method = "POST",
                .target = "/login",
                .body = "name=" + name + "&password=" + password + "&next=/",
                .headers = {{"content-type", "application/x-www-form-urlencoded"}}});
  BOOST_TEST_REQUIRE(login.status == 303);
  std::string set = login.Header("Set-Cookie");
  Browser browser{set.substr(0, set.find(';')), ""};
  service::Response session =
      api.Send({.target = "/api/session", .headers = {{"cookie", browser.cookie}}});
  browser.csrf = nlohmann::json::parse(session.body)["csrf"];
  return browser;
}

service::Response Page(ApiFixture& api, const std::string& target, const Browser* browser) {
  service::testing::Call call{.target = target};
  if (browser) call.headers["cookie"] = browser->cookie;
  return api.Send(call);
}

service::Response PostForm(ApiFixture& api, const std::string& target, const Browser& browser,
                           const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body = "csrf=" + Encode(browser.csrf);
  for (const auto& [name, value] : fields) body += "&" + name + "=" + Encode(value);
  return api.Send({.method = "POST",
                   .target = target,
                   .body = body,
                   .headers = {{"content-type", "application/x-www-form-urlencoded"},
                               {"cookie", browser.cookie}}});
}

// The ETag the page's form carries, as the browser would send it back.
std::string RecordEtag(ApiFixture& api, const std::string& id) {
  std::string etag = api.Get("/api/recommendations/" + id).Header("ETag");
  return etag.size() >= 2 ? etag.substr(1, etag.size() - 2) : etag;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reliability)
BOOST_AUTO_TEST_SUITE(xss)

BOOST_AUTO_TEST_CASE(TheWebUiShowsHostileFieldsAsText) {
  HostileRepository repository;
  ApiFixture& api = repository.fixture();
  Browser amina = LogIn(api, "amina", "secretariat-pass");
  Browser omar = LogIn(api, "omar", "icat-pass");
  struct Visit {
    std::string target;
    const Browser* as;
    bool shows_plain;  // the page shows a plain-text hostile field, so the payload must be there
  };
  std::string hostile = Encode(kPlain);
  const std::vector<Visit> visits = {
      {"/", nullptr, false},
      {"/?lang=en", nullptr, false},
      {"/search?q=" + hostile, nullptr, true},
      {"/search?q=" + hostile + "&lang=en&status=" + hostile + "&topic=" + hostile, nullptr, true},
      {"/search?q=alert", nullptr, false},
      {"/search?q=alert&lang=en", &amina, false},
      {"/record", nullptr, false},
      {"/record?lang=en", &omar, false},
      {"/reports/hostile-report", nullptr, true},
      {"/reports/hostile-report?lang=en", &amina, true},
      {std::string("/recommendations/") + kHostileId, nullptr, true},
      {std::string("/recommendations/") + kHostileId + "?lang=en", &amina, true},
      {std::string("/recommendations/") + kHostileStatusId, &amina, true},
      {"/recommendations/a-res-64-293.p5", &amina, false},
      {"/recommendations/a-res-64-293.p6", nullptr, false},
      {"/briefs", nullptr, true},
      {"/briefs", &omar, true},
      {"/briefs/hostile-brief", nullptr, true},
      {"/briefs/hostile-brief?lang=en", &omar, true},
      {"/briefs/hostile-brief/edit", &omar, true},
      {"/briefs/new", &omar, false},
      {"/login?next=" + hostile, nullptr, false},
      {"/login?next=" + Encode("javascript:alert('xss-next')"), nullptr, false},
      {"/login?error=1&lang=en&next=/" + hostile, nullptr, false},
      {"/nothing/" + hostile, nullptr, false},
      {"/recommendations/" + hostile, &amina, false},
      {"/reports/" + hostile, nullptr, false},
      {"/briefs/" + hostile, &omar, false},
  };
  for (const Visit& visit : visits) {
    service::Response page = Page(api, visit.target, visit.as);
    BOOST_TEST(page.status < 500, visit.target << ": " << page.status);
    BOOST_TEST(page.content_type.rfind("text/html", 0) == 0u, visit.target);
    HtmlScan scan = ExpectClean(page.body, visit.target);
    if (visit.shows_plain) {
      BOOST_TEST(page.status == 200, visit.target << ": " << page.status);
      ExpectShownAsText(scan.text, visit.target);
    }
  }
}

BOOST_AUTO_TEST_CASE(HostileValuesTypedIntoTheFormsComeBackAsText) {
  HostileRepository repository;
  ApiFixture& api = repository.fixture();
  Browser amina = LogIn(api, "amina", "secretariat-pass");
  Browser omar = LogIn(api, "omar", "icat-pass");
  const std::string id = "a-res-64-293.p7";

  // Evidence that is no evidence: the form comes back with the typed values, as text.
  service::Response refused = PostForm(api, "/recommendations/" + id + "/followup", amina,
                                       {{"if_match", RecordEtag(api, id)},
                                        {"status", "in-progress"},
                                        {"note", kMarkdown},
                                        {"evidence", kPlain}});
  BOOST_TEST(refused.status < 500);
  ExpectShownAsText(ExpectClean(refused.body, "follow-up form sent back").text,
                    "follow-up form sent back");
  // A hostile note that is saved, then shown on the record's page and its history.
  service::Response saved = PostForm(api, "/recommendations/" + id + "/followup", amina,
                                     {{"if_match", RecordEtag(api, id)},
                                      {"status", "in-progress"},
                                      {"note", kPlain + "\n\n" + kMarkdown},
                                      {"evidence", "https://example.org/?q=\"><script>alert(9)</script>"}});
  BOOST_TEST(saved.status == 303, saved.body.substr(0, 300));
  service::Response record = Page(api, "/recommendations/" + id, &amina);
  ExpectClean(record.body, "record page after a hostile note");
  BOOST_TEST(api.Get("/api/recommendations/" + id).body.find("xss-img") != std::string::npos);

  // The brief editor: preview, then publish, of a brief whose every field is hostile.
  const std::vector<std::pair<std::string, std::string>> brief = {
      {"slug", "typed-brief"}, {"title", kPlain},        {"agency", kPlain},
      {"authors", kPlain},     {"date", "2026-02-03"},   {"language", "en"},
      {"body", kMarkdown}};
  auto with_action = [&](const std::string& action) {
    auto fields = brief;
    fields.emplace_back("action", action);
    return fields;
  };
  service::Response preview = PostForm(api, "/briefs/new", omar, with_action("preview"));
  BOOST_TEST(preview.status == 200);
  ExpectShownAsText(ExpectClean(preview.body, "brief preview").text, "brief preview");
  service::Response published = PostForm(api, "/briefs/new", omar, with_action("publish"));
  BOOST_TEST(published.status == 303, published.body.substr(0, 300));
  for (const char* target : {"/briefs/typed-brief", "/briefs", "/briefs/typed-brief/edit"}) {
    service::Response page = Page(api, target, &omar);
    BOOST_TEST(page.status == 200, target);
    ExpectShownAsText(ExpectClean(page.body, target).text, target);
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
