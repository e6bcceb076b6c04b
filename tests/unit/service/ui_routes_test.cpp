// The web UI's routes through App::Handle, without sockets (as api_test.cpp): every page, the
// role and CSRF checks, the follow-up form's stale-ETag banner, escaping of what users typed,
// path-like parameters, the brief editor and GET /api/record.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "api_fixture.h"
#include "service/ui/render_internal.h"
#include "support/run_cli.h"

namespace sijill::service::testing {

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(ui_routes)

namespace {

constexpr const char* kArabicRtl = "<html lang=\"ar\" dir=\"rtl\">";

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A logged-in browser: its session cookie and the CSRF token its forms carry.
struct Browser {
  std::string cookie;
  std::string csrf;
};

Browser LogIn(ApiFixture& fixture, const std::string& name, const std::string& password) {
  Call login{.method = "POST", .target = "/login", .body = "name=" + name + "&password=" + password};
  login.headers["content-type"] = "application/x-www-form-urlencoded";
  Response response = fixture.Send(login);
  BOOST_REQUIRE(response.status == 303);
  std::string cookie = response.Header("Set-Cookie");
  cookie = cookie.substr(0, cookie.find(';'));
  auto session =
      nlohmann::json::parse(fixture.Send({.target = "/api/session", .headers = {{"cookie", cookie}}}).body);
  return {cookie, session["csrf"].get<std::string>()};
}

Response Get(ApiFixture& fixture, const std::string& target, const Browser& browser = {}) {
  Call call{.target = target};
  if (!browser.cookie.empty()) call.headers["cookie"] = browser.cookie;
  return fixture.Send(call);
}

using Fields = std::vector<std::pair<std::string, std::string>>;

Response PostForm(ApiFixture& fixture, const std::string& target, const Fields& fields,
                  const Browser& browser = {}) {
  std::string body;
  for (const auto& [key, value] : fields)
    body += (body.empty() ? "" : "&") + ui::UrlEncode(key) + "=" + ui::UrlEncode(value);
  Call call{.method = "POST", .target = target, .body = body};
  call.headers["content-type"] = "application/x-www-form-urlencoded";
  if (!browser.cookie.empty()) call.headers["cookie"] = browser.cookie;
  return fixture.Send(call);
}

std::string Etag(ApiFixture& fixture, const std::string& id) {
  return fixture.Git("rev-parse HEAD:recommendations/ctoc-cop-wg.4-2013-5/" +
                     std::string(id).substr(std::string(id).rfind('.') + 1) + ".yaml")
      .substr(0, 40);
}

Fields FollowUp(const Browser& browser, const std::string& etag, const std::string& note) {
  return {{"csrf", browser.csrf}, {"if_match", etag}, {"status", "in-progress"}, {"note", note},
          {"evidence", "CTOC/COP/WG.4/2013/5#p2\r\n"}};
}

const std::string kFollowUpPath = std::string("/recommendations/") + kP1 + "/followup";

}  // namespace

BOOST_AUTO_TEST_CASE(EveryPageIsArabicRightToLeftByDefault) {
  ApiFixture fixture;
  Browser omar = LogIn(fixture, "omar", "icat-pass");
  for (std::string target :
       {"/", "/search?q=recruitment", "/reports/ctoc-cop-wg.4-2013-5",
        "/recommendations/ctoc-cop-wg.4-2013-5.p1", "/record", "/briefs", "/briefs/consent",
        "/briefs/new", "/briefs/consent/edit", "/login"}) {
    BOOST_TEST_CONTEXT(target) {
      Response response = Get(fixture, target, omar);
      BOOST_TEST(response.status == 200);
      BOOST_TEST(response.content_type == "text/html; charset=utf-8");
      BOOST_TEST(Has(response.body, kArabicRtl));
      BOOST_TEST(Has(response.body, "href=\"/static/sijill.css\""));
      Response english = Get(fixture, target + (Has(target, "?") ? "&" : "?") + "lang=en", omar);
      BOOST_TEST(Has(english.body, "<html lang=\"en\" dir=\"ltr\">"));
    }
  }
}

BOOST_AUTO_TEST_CASE(ChromeLinksLogInOrOutAndSwitchesLanguage) {
  ApiFixture fixture;
  std::string anonymous = Get(fixture, "/record").body;
  BOOST_TEST(Has(anonymous, "href=\"&#x2F;login?next=%2Frecord\""));
  BOOST_TEST(Has(anonymous, "href=\"&#x2F;record?lang=en\""));
  Browser amina = LogIn(fixture, "amina", "secretariat-pass");
  std::string logged_in = Get(fixture, "/record", amina).body;
  BOOST_TEST(Has(logged_in, "<strong>amina</strong>"));
  BOOST_TEST(Has(logged_in, "action=\"&#x2F;logout\""));
  // ?lang=en is remembered in a cookie for the next visit.
  Response english = Get(fixture, "/record?lang=en");
  BOOST_TEST(english.Header("Set-Cookie").rfind("lang=en", 0) == 0);
}

BOOST_AUTO_TEST_CASE(StylesheetIsServedFromTheBinary) {
  ApiFixture fixture(kApiFiles, false);  // even when a login is needed for pages
  Response css = Get(fixture, "/static/sijill.css");
  BOOST_TEST(css.status == 200);
  BOOST_TEST(css.content_type == "text/css; charset=utf-8");
  BOOST_TEST(css.body == std::string(ui::EmbeddedFile("sijill.css")));
}

BOOST_AUTO_TEST_CASE(UnknownPagesGetTheHtmlNotFoundPage) {
  ApiFixture fixture;
  Response page = Get(fixture, "/no/such/page");
  BOOST_TEST(page.status == 404);
  BOOST_TEST(page.content_type == "text/html; charset=utf-8");
  BOOST_TEST(Has(page.body, kArabicRtl));
  BOOST_TEST(Has(page.body, "الصفحة غير موجودة"));
  BOOST_TEST(Get(fixture, "/reports/no-such-report").status == 404);
  BOOST_TEST(Get(fixture, "/briefs/no-such-brief").status == 404);
  // The API keeps its JSON errors.
  BOOST_TEST(Get(fixture, "/api/no/such").content_type.rfind("application/json", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(SearchPageShowsSnippetsFacetsAndFilters) {
  ApiFixture fixture;
  std::string html = Get(fixture, "/search?q=recruitment").body;
  BOOST_TEST(Has(html, "<mark>"));
  BOOST_TEST(Has(html, "&#x2F;recommendations&#x2F;ctoc-cop-wg.4-2013-5.p1"));
  BOOST_TEST(Has(html, "status=open"));  // a facet value is a link that adds the filter
  std::string filtered = Get(fixture, "/search?q=trafficking&topic=general").body;
  BOOST_TEST(Has(filtered, "ctoc-cop-wg.4-2013-5.p2"));
  BOOST_TEST(!Has(filtered, "ctoc-cop-wg.4-2013-5.p1\""));
  BOOST_TEST(Get(fixture, "/search?q=x&limit=100000").status == 400);
}

BOOST_AUTO_TEST_CASE(ReportPageLinksParagraphsToTheirRecords) {
  ApiFixture fixture;
  std::string html = Get(fixture, "/reports/ctoc-cop-wg.4-2013-5").body;
  BOOST_TEST(Has(html, "id=\"p1\""));
  BOOST_TEST(Has(html, "ctoc-cop-wg.4-2013-5.p1"));
}

BOOST_AUTO_TEST_CASE(FollowUpFormOnlyForTheSecretariat) {
  ApiFixture fixture;
  std::string form_start = "action=\"&#x2F;recommendations&#x2F;" + std::string(kP1) + "&#x2F;followup\"";
  BOOST_TEST(!Has(Get(fixture, std::string("/recommendations/") + kP1).body, form_start));
  Browser rana = LogIn(fixture, "rana", "reader-pass");
  BOOST_TEST(!Has(Get(fixture, std::string("/recommendations/") + kP1, rana).body, form_start));
  Browser amina = LogIn(fixture, "amina", "secretariat-pass");
  std::string html = Get(fixture, std::string("/recommendations/") + kP1, amina).body;
  BOOST_TEST(Has(html, form_start));
  BOOST_TEST(Has(html, "name=\"csrf\" value=\"" + amina.csrf + "\""));
  BOOST_TEST(Has(html, "name=\"if_match\" value=\"" + Etag(fixture, kP1) + "\""));
}

BOOST_AUTO_TEST_CASE(FollowUpIsOneCommitByTheUserThenShownInHistory) {
  ApiFixture fixture;
  BOOST_TEST(!Has(Get(fixture, "/search?q=recruitment&status=in-progress").body, kP1));
  Browser amina = LogIn(fixture, "amina", "secretariat-pass");
  std::string before = fixture.Git("rev-parse HEAD").substr(0, 40);
  Response posted = PostForm(fixture, kFollowUpPath,
                             FollowUp(amina, Etag(fixture, kP1), "Guidance on zanzibarian agencies"),
                             amina);
  BOOST_TEST(posted.status == 303);
  BOOST_TEST(posted.Header("Location") == std::string("/recommendations/") + kP1);
  BOOST_TEST(fixture.Git("rev-list --count " + before + "..HEAD") == "1\n");
  BOOST_TEST(fixture.Git("log -1 --format=%an%x20%ae") == "amina amina@example.org\n");
  std::string page = Get(fixture, std::string("/recommendations/") + kP1, amina).body;
  BOOST_TEST(Has(page, "Guidance on zanzibarian agencies"));
  BOOST_TEST(Has(page, "<span class=\"who\">amina</span>"));
  BOOST_TEST(Has(page, "CTOC&#x2F;COP&#x2F;WG.4&#x2F;2013&#x2F;5#p2"));
  // The index caught up before the redirect: a search right after sees the new status.
  BOOST_TEST(Has(Get(fixture, "/search?q=recruitment&status=in-progress").body, kP1));
}

BOOST_AUTO_TEST_CASE(FollowUpRefusedForReadersAnonymousAndMissingCsrf) {
  ApiFixture fixture;
  std::string head = fixture.Git("rev-parse HEAD");
  std::string etag = Etag(fixture, kP1);
  Browser rana = LogIn(fixture, "rana", "reader-pass");
  BOOST_TEST(PostForm(fixture, kFollowUpPath, FollowUp(rana, etag, "no"), rana).status == 403);
  Response anonymous = PostForm(fixture, kFollowUpPath, FollowUp(Browser{}, etag, "no"));
  BOOST_TEST(anonymous.status == 401);
  BOOST_TEST(Has(anonymous.body, "name=\"password\""));  // the login form, styled
  Browser amina = LogIn(fixture, "amina", "secretariat-pass");
  Fields no_csrf = FollowUp(amina, etag, "no");
  no_csrf.erase(no_csrf.begin());
  Response forged = PostForm(fixture, kFollowUpPath, no_csrf, amina);
  BOOST_TEST(forged.status == 403);
  BOOST_TEST(Has(forged.body, kArabicRtl));
  Fields wrong_csrf = FollowUp(amina, etag, "no");
  wrong_csrf[0].second = rana.csrf;
  BOOST_TEST(PostForm(fixture, kFollowUpPath, wrong_csrf, amina).status == 403);
  BOOST_TEST(fixture.Git("rev-parse HEAD") == head);
}

BOOST_AUTO_TEST_CASE(StaleFormGetsABannerKeepsTheTextAndCommitsNothing) {
  ApiFixture fixture;
  Browser amina = LogIn(fixture, "amina", "secretariat-pass");
  std::string stale = Etag(fixture, kP1);
  BOOST_TEST(PostForm(fixture, kFollowUpPath, FollowUp(amina, stale, "first"), amina).status == 303);
  std::string head = fixture.Git("rev-parse HEAD");
  Response refused =
      PostForm(fixture, kFollowUpPath, FollowUp(amina, stale, "ملاحظة لم تُحفظ بعد"), amina);
  BOOST_TEST(refused.status == 412);
  BOOST_TEST(Has(refused.body, "class=\"error\" role=\"alert\""));
  BOOST_TEST(Has(refused.body, "حدّث شخص آخر هذه التوصية"));
  BOOST_TEST(Has(refused.body, ">ملاحظة لم تُحفظ بعد</textarea>"));
  BOOST_TEST(Has(refused.body, "CTOC&#x2F;COP&#x2F;WG.4&#x2F;2013&#x2F;5#p2"));
  // The form now carries the current ETag: sending it again is a deliberate second write.
  BOOST_TEST(Has(refused.body, "name=\"if_match\" value=\"" + Etag(fixture, kP1) + "\""));
  BOOST_TEST(fixture.Git("rev-parse HEAD") == head);
  // A form without its ETag is refused the same way.
  Fields no_etag = FollowUp(amina, "", "x");
  BOOST_TEST(PostForm(fixture, kFollowUpPath, no_etag, amina).status == 412);
  BOOST_TEST(fixture.Git("rev-parse HEAD") == head);
}

BOOST_AUTO_TEST_CASE(BadEvidenceOrStatusIsExplainedAndKept) {
  ApiFixture fixture;
  Browser amina = LogIn(fixture, "amina", "secretariat-pass");
  std::string head = fixture.Git("rev-parse HEAD");
  Fields bad = FollowUp(amina, Etag(fixture, kP1), "kept note");
  bad.back().second = "javascript:alert(1)";
  Response refused = PostForm(fixture, kFollowUpPath, bad, amina);
  BOOST_TEST(refused.status == 400);
  BOOST_TEST(Has(refused.body, "evidence must be"));
  BOOST_TEST(Has(refused.body, ">kept note</textarea>"));
  Fields bad_status = FollowUp(amina, Etag(fixture, kP1), "x");
  bad_status[2].second = "done-ish";
  BOOST_TEST(PostForm(fixture, kFollowUpPath, bad_status, amina).status == 400);
  BOOST_TEST(fixture.Git("rev-parse HEAD") == head);
}

BOOST_AUTO_TEST_CASE(ScriptInAFollowUpNoteComesBackEscaped) {
  ApiFixture fixture;
  Browser amina = LogIn(fixture, "amina", "secretariat-pass");
  std::string payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
  BOOST_TEST(PostForm(fixture, kFollowUpPath, FollowUp(amina, Etag(fixture, kP1), payload), amina)
                 .status == 303);
  std::string page = Get(fixture, std::string("/recommendations/") + kP1).body;
  BOOST_TEST(!Has(page, "<script>"));
  BOOST_TEST(!Has(page, "<img src=x"));
  BOOST_TEST(Has(page, "&lt;script&gt;alert(&#39;x&#39;)&lt;&#x2F;script&gt;"));
}

BOOST_AUTO_TEST_CASE(PathLikeIdsAndSlugsNeverLeaveTheRepository) {
  ApiFixture fixture;
  Browser omar = LogIn(fixture, "omar", "icat-pass");
  for (std::string target :
       {"/recommendations/..", "/recommendations/%2e%2e%2fsijill.yaml",
        "/recommendations/..%2F..%2Fetc%2Fpasswd", "/reports/..", "/reports/%2e%2e",
        "/reports/..%2Fsijill.yaml", "/briefs/..", "/briefs/%2e%2e%2fsijill", "/briefs/../edit",
        "/reports/CTOC%2FCOP", "/reports/.git"}) {
    BOOST_TEST_CONTEXT(target) {
      Response response = Get(fixture, target, omar);
      BOOST_TEST((response.status == 400 || response.status == 404));
      BOOST_TEST(response.content_type == "text/html; charset=utf-8");
      BOOST_TEST(!Has(response.body, "title: test"));
      BOOST_TEST(!Has(response.body, "root:"));
    }
  }
  Response taken = PostForm(fixture, "/briefs/new",
                            {{"csrf", omar.csrf}, {"slug", "consent"}, {"title", "t"},
                             {"date", "2026-01-01"}, {"action", "publish"}},
                            omar);
  BOOST_TEST(taken.status == 409);  // a new brief never overwrites another
  Response post = PostForm(fixture, "/briefs/new",
                           {{"csrf", omar.csrf}, {"slug", "../evil"}, {"title", "t"},
                            {"date", "2026-01-01"}, {"action", "publish"}},
                           omar);
  BOOST_TEST(post.status == 400);
}

BOOST_AUTO_TEST_CASE(LinksBackToThePageNeverLeaveTheSite) {
  ApiFixture fixture;
  // A decoded path "//evil.example" would be a protocol-relative link off the site.
  std::string page = Get(fixture, "/%2F%2Fevil.example%2F").body;
  BOOST_TEST(!Has(page, "href=\"&#x2F;&#x2F;evil"));
  BOOST_TEST(Has(page, "href=\"&#x2F;evil.example?lang=en\""));
  BOOST_TEST(!Has(page, "next=%2F%2Fevil"));
  BOOST_TEST(Has(Get(fixture, "/reports/%3Cscript%3E").body, "&#x2F;reports&#x2F;%3Cscript%3E?lang=en"));
}

BOOST_AUTO_TEST_CASE(AnonymousReadOffShowsTheLoginForm) {
  ApiFixture fixture(kApiFiles, false);
  for (std::string target : {"/", "/search?q=x", "/record", "/briefs",
                             "/recommendations/ctoc-cop-wg.4-2013-5.p1"}) {
    BOOST_TEST_CONTEXT(target) {
      Response response = Get(fixture, target);
      BOOST_TEST(response.status == 401);
      BOOST_TEST(Has(response.body, "name=\"password\""));
      BOOST_TEST(!Has(response.body, "recruitment"));
    }
  }
  BOOST_TEST(Get(fixture, "/login").status == 200);
  Browser rana = LogIn(fixture, "rana", "reader-pass");
  BOOST_TEST(Get(fixture, "/record", rana).status == 200);
}

BOOST_AUTO_TEST_CASE(DraftsAndTheEditorOnlyForIcat) {
  ApiFixture fixture;
  BOOST_TEST(Get(fixture, "/briefs/draft-note").status == 404);
  BOOST_TEST(!Has(Get(fixture, "/briefs").body, "A draft"));
  Browser rana = LogIn(fixture, "rana", "reader-pass");
  BOOST_TEST(Get(fixture, "/briefs/new", rana).status == 403);
  BOOST_TEST(Get(fixture, "/briefs/consent/edit", rana).status == 403);
  BOOST_TEST(Get(fixture, "/briefs/new").status == 401);
  Browser omar = LogIn(fixture, "omar", "icat-pass");
  BOOST_TEST(Has(Get(fixture, "/briefs", omar).body, "A draft"));
  BOOST_TEST(Get(fixture, "/briefs/draft-note", omar).status == 200);
}

BOOST_AUTO_TEST_CASE(BriefEditorPreviewsThenSavesDraftThenPublishes) {
  ApiFixture fixture;
  Browser omar = LogIn(fixture, "omar", "icat-pass");
  Fields fields{{"csrf", omar.csrf},   {"slug", "remedies"},  {"title", "سبل الانتصاف"},
                {"agency", "ICAT"},    {"authors", "Omar\r\nLina"}, {"date", "2026-03-01"},
                {"language", "ar"},    {"body", "**مهم** <script>x</script>"},
                {"action", "preview"}};
  std::string head = fixture.Git("rev-parse HEAD");
  Response preview = PostForm(fixture, "/briefs/new", fields, omar);
  BOOST_TEST(preview.status == 200);
  BOOST_TEST(Has(preview.body, "<strong>مهم</strong>"));
  BOOST_TEST(!Has(preview.body, "<script>x"));
  BOOST_TEST(fixture.Git("rev-parse HEAD") == head);  // a preview saves nothing

  fields.back().second = "draft";
  Response draft = PostForm(fixture, "/briefs/new", fields, omar);
  BOOST_TEST(draft.status == 303);
  BOOST_TEST(draft.Header("Location") == "/briefs/remedies");
  BOOST_TEST(fixture.Git("log -1 --format=%an%x20%s") == "omar brief: add remedies\n");
  BOOST_TEST(Get(fixture, "/briefs/remedies").status == 404);  // a draft: not public yet

  std::string etag = fixture.Git("rev-parse HEAD:briefs/remedies.md").substr(0, 40);
  BOOST_TEST(Has(Get(fixture, "/briefs/remedies/edit", omar).body, "value=\"" + etag + "\""));
  Fields publish = fields;
  publish.erase(publish.begin() + 1);  // the slug comes from the path
  publish.back().second = "publish";
  publish.emplace_back("if_match", etag);
  Response published = PostForm(fixture, "/briefs/remedies/edit", publish, omar);
  BOOST_TEST(published.status == 303);
  BOOST_TEST(fixture.Git("log -1 --format=%an%x20%s") == "omar brief: publish remedies\n");
  BOOST_TEST(fixture.Git("show HEAD:briefs/remedies.md").find("status: published") !=
             std::string::npos);
  BOOST_TEST(Has(Get(fixture, "/briefs/remedies").body, "سبل الانتصاف"));

  // The editor's ETag is now stale: refused with the text kept, nothing committed.
  head = fixture.Git("rev-parse HEAD");
  publish.back().second = etag;
  publish[6].second = "نص جديد";
  Response stale = PostForm(fixture, "/briefs/remedies/edit", publish, omar);
  BOOST_TEST(stale.status == 412);
  BOOST_TEST(Has(stale.body, ">نص جديد</textarea>"));
  BOOST_TEST(fixture.Git("rev-parse HEAD") == head);
}

BOOST_AUTO_TEST_CASE(DashboardDrawsAnSvgChartAndLinksTheDownloads) {
  ApiFixture fixture;
  std::string html = Get(fixture, "/record").body;
  BOOST_TEST(Has(html, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  BOOST_TEST(!Has(html, "src=\"http"));  // nothing from outside the server
  for (const char* format : {"md", "html", "csv", "docx"})
    BOOST_TEST(Has(html, "&#x2F;api&#x2F;record?format=" + std::string(format)));
}

BOOST_AUTO_TEST_CASE(RecordDownloadsInEveryFormat) {
  ApiFixture fixture;
  struct Expected {
    const char* format;
    const char* type;
    const char* start;
  };
  for (const Expected& expected :
       {Expected{"md", "text/markdown; charset=utf-8", "#"},
        Expected{"html", "text/html; charset=utf-8", "<!DOCTYPE html>"},
        Expected{"csv", "text/csv; charset=utf-8; header=present", ""},
        Expected{"docx",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"}}) {
    BOOST_TEST_CONTEXT(expected.format) {
      Response response = Get(fixture, std::string("/api/record?format=") + expected.format);
      BOOST_TEST(response.status == 200);
      BOOST_TEST(response.content_type == expected.type);
      BOOST_TEST(response.Header("Content-Disposition") ==
                 std::string("attachment; filename=\"sijill-record.") + expected.format + "\"");
      BOOST_TEST(response.body.rfind(expected.start, 0) == 0u);
      BOOST_TEST(response.body.size() > 200u);
    }
  }
  BOOST_TEST(Has(Get(fixture, "/api/record?format=csv").body, kP1));
  // The same bytes as `sijill record` of the same commit.
  for (const char* format : {"md", "html", "csv"}) {
    sijill::testing::CliResult cli =
        sijill::testing::RunSijill({"--repo", fixture.repo().root(), "record", "--format", format});
    BOOST_TEST(cli.exit_code == 0, cli.err);
    BOOST_TEST(Get(fixture, std::string("/api/record?format=") + format).body == cli.out, format);
  }
  Response unknown = Get(fixture, "/api/record?format=pdf");
  BOOST_TEST(unknown.status == 400);
  BOOST_TEST(unknown.content_type.rfind("application/json", 0) == 0u);
  BOOST_TEST(Has(nlohmann::json::parse(unknown.body)["error"].get<std::string>(), "md, html, csv, docx"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service::testing
