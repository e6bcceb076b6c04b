// The JSON API through App::Handle, without sockets (issue 6 items 1, 3, 4, 5).
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "api_fixture.h"

namespace sijill::service::testing {

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(api)

namespace {

nlohmann::json Body(const Response& response) { return nlohmann::json::parse(response.body); }

std::string EtagOf(ApiFixture& fixture, const std::string& id) {
  return fixture.Get("/api/recommendations/" + id).Header("ETag");
}

Call FollowUp(const std::string& id, const std::string& etag, const std::string& body,
              const std::string& token) {
  Call call{.method = "POST", .target = "/api/recommendations/" + id + "/followup", .body = body,
            .token = token};
  if (!etag.empty()) call.headers["if-match"] = etag;
  return call;
}

const char* kInProgress =
    R"({"status": "in-progress", "note": "law drafted", "evidence": ["CTOC/COP/2018/2#p22", {"url": "https://example.org/x"}]})";

}  // namespace

BOOST_AUTO_TEST_CASE(SearchAnswersWithTheContractJson) {
  ApiFixture fixture;
  Response response = fixture.Get("/api/search?q=recruitment&limit=5");
  BOOST_TEST(response.status == 200);
  nlohmann::json body = Body(response);
  BOOST_TEST(body["query"] == "recruitment");
  BOOST_TEST(body["total"].get<int>() >= 1);
  BOOST_REQUIRE(!body["results"].empty());
  for (const char* key : {"id", "kind", "symbol", "paragraph", "title", "snippet", "status", "score"})
    BOOST_TEST(body["results"][0].contains(key), key);
  BOOST_TEST(body["results"][0]["id"] == kP1);
  BOOST_TEST(body.contains("facets"));
}

BOOST_AUTO_TEST_CASE(SearchFiltersAndPages) {
  ApiFixture fixture;
  nlohmann::json all = Body(fixture.Get("/api/search?kind=recommendation&limit=1"));
  BOOST_TEST(all["total"] == 2);
  BOOST_TEST(all["results"].size() == 1u);
  nlohmann::json page2 = Body(fixture.Get("/api/search?kind=recommendation&limit=1&page=2"));
  BOOST_TEST(page2["results"].size() == 1u);
  BOOST_TEST(page2["results"][0]["id"] != all["results"][0]["id"]);
  nlohmann::json topic = Body(fixture.Get("/api/search?kind=recommendation&topic=demand"));
  BOOST_TEST(topic["total"] == 1);
  BOOST_TEST(fixture.Get("/api/search?q=x&limit=1000").status == 400);
  BOOST_TEST(fixture.Get("/api/search?q=x&limit=ten").status == 400);
}

BOOST_AUTO_TEST_CASE(RecordCarriesItsBlobIdAsEtag) {
  ApiFixture fixture;
  Response response = fixture.Get(std::string("/api/recommendations/") + kP1);
  BOOST_TEST(response.status == 200);
  std::string blob = fixture.Git("rev-parse HEAD:recommendations/ctoc-cop-wg.4-2013-5/p1.yaml");
  blob.pop_back();
  BOOST_TEST(response.Header("ETag") == "\"" + blob + "\"");
  nlohmann::json body = Body(response);
  BOOST_TEST(body["id"] == kP1);
  BOOST_TEST(body["status"] == "open");
  BOOST_TEST(fixture.Get("/api/recommendations/ctoc-cop-wg.4-2013-5.p9").status == 404);
}

BOOST_AUTO_TEST_CASE(PathLikeIdsCannotEscapeTheRepository) {
  ApiFixture fixture;
  for (const char* target :
       {"/api/recommendations/..", "/api/recommendations/..%2F..%2Fsijill.yaml",
        "/api/recommendations/%2Fetc%2Fpasswd", "/api/recommendations/ctoc-cop-wg.4-2013-5.p1%00",
        "/api/recommendations/..%2Fsijill", "/api/recommendations/.git",
        "/api/recommendations/ctoc-cop-wg.4-2013-5..p1/history", "/api/reports/..",
        "/api/reports/..%2Fsijill", "/api/briefs/..%2F..%2Fsijill", "/api/briefs/.git"}) {
    Response response = fixture.Get(target);
    BOOST_TEST((response.status == 400 || response.status == 404), target << " " << response.status);
    BOOST_TEST(response.body.find("title: test") == std::string::npos, target);
    BOOST_TEST(response.content_type.rfind("application/json", 0) == 0, target);
  }
}

BOOST_AUTO_TEST_CASE(FollowUpCommitsAsTheUserAndIsSearchableAtOnce) {
  ApiFixture fixture;
  std::string etag = EtagOf(fixture, kP1);
  Response response = fixture.Send(FollowUp(kP1, etag, kInProgress, fixture.secretariat_token));
  BOOST_TEST(response.status == 201);
  BOOST_TEST(response.Header("ETag") != etag);
  BOOST_TEST(response.Header("ETag").size() == 42u);
  nlohmann::json body = Body(response);
  BOOST_TEST(body["status"] == "in-progress");
  BOOST_TEST(body["followup"].size() == 1u);
  BOOST_TEST(body["followup"][0]["by"] == "amina <amina@example.org>");
  BOOST_TEST(fixture.Git("log -1 --format=%an%x20%ae") == "amina amina@example.org\n");
  BOOST_TEST(fixture.Git("status --porcelain") == "");
  // Issue 6 item 4: "a search right after a write sees it".
  nlohmann::json found = Body(fixture.Get("/api/search?status=in-progress"));
  BOOST_TEST(found["total"] == 1);
  BOOST_TEST(found["results"][0]["id"] == kP1);
  nlohmann::json history = Body(fixture.Get(std::string("/api/recommendations/") + kP1 + "/history"));
  BOOST_TEST(history["history"][0]["author"] == "amina");
  BOOST_TEST(history["history"][0]["change"] == "follow-up");
  BOOST_TEST(history["history"][0]["followup"]["note"] == "law drafted");
}

BOOST_AUTO_TEST_CASE(FollowUpWithoutIfMatchIs428AndStaleIs412) {
  ApiFixture fixture;
  std::string head = fixture.Git("rev-parse HEAD");
  Response missing = fixture.Send(FollowUp(kP1, "", kInProgress, fixture.secretariat_token));
  BOOST_TEST(missing.status == 428);
  Response star = fixture.Send(FollowUp(kP1, "*", kInProgress, fixture.secretariat_token));
  BOOST_TEST(star.status == 428);
  std::string etag = EtagOf(fixture, kP1);
  BOOST_TEST(fixture.Send(FollowUp(kP1, etag, kInProgress, fixture.secretariat_token)).status == 201);
  std::string after = fixture.Git("rev-parse HEAD");
  Response stale = fixture.Send(FollowUp(kP1, etag, kInProgress, fixture.secretariat_token));
  BOOST_TEST(stale.status == 412);
  BOOST_TEST(fixture.Git("rev-parse HEAD") == after);  // nothing changed
  BOOST_TEST(after != head);
  // Another record's ETag moves only with that record.
  std::string p2 = EtagOf(fixture, kP2);
  BOOST_TEST(fixture.Send(FollowUp(kP2, p2, kInProgress, fixture.admin_token)).status == 201);
}

BOOST_AUTO_TEST_CASE(WritesCheckTheRoleServerSide) {
  ApiFixture fixture;
  std::string etag = EtagOf(fixture, kP1);
  std::string head = fixture.Git("rev-parse HEAD");
  BOOST_TEST(fixture.Send(FollowUp(kP1, etag, kInProgress, "")).status == 401);
  BOOST_TEST(fixture.Send(FollowUp(kP1, etag, kInProgress, fixture.reader_token)).status == 403);
  BOOST_TEST(fixture.Send(FollowUp(kP1, etag, kInProgress, fixture.icat_token)).status == 403);
  Response bad_token = fixture.Send(FollowUp(kP1, etag, kInProgress, "sjl_0000"));
  BOOST_TEST(bad_token.status == 401);
  BOOST_TEST(bad_token.Header("WWW-Authenticate").find("Bearer") != std::string::npos);
  BOOST_TEST(fixture.Git("rev-parse HEAD") == head);
}

BOOST_AUTO_TEST_CASE(MalformedBodiesGet400NamingTheProblem) {
  ApiFixture fixture;
  std::string etag = EtagOf(fixture, kP1);
  auto post = [&](const std::string& body) {
    return fixture.Send(FollowUp(kP1, etag, body, fixture.secretariat_token));
  };
  Response broken = post(R"({"status": "closed",)");
  BOOST_TEST(broken.status == 400);
  BOOST_TEST(Body(broken)["error"].get<std::string>().find("malformed JSON") == 0u);
  BOOST_TEST(Body(broken)["error"].get<std::string>().find("column") != std::string::npos);
  BOOST_TEST(Body(post("[1, 2]"))["error"] == "the body must be a JSON object");
  BOOST_TEST(Body(post(R"({"note": "x"})"))["error"] == "'status' is required");
  BOOST_TEST(Body(post(R"({"status": 3})"))["error"] == "'status' must be a string");
  BOOST_TEST(post(R"({"status": "opne"})").status == 400);
  BOOST_TEST(post(R"({"status": "closed", "evidence": ["not evidence"]})").status == 400);
  BOOST_TEST(post(R"({"status": "closed", "evidence": "x"})").status == 400);
  BOOST_TEST(post(R"({"status": "closed", "date": "yesterday"})").status == 400);
  BOOST_TEST(EtagOf(fixture, kP1) == etag);
}

BOOST_AUTO_TEST_CASE(ReportsAreListedWithTheirParagraphs) {
  ApiFixture fixture;
  nlohmann::json list = Body(fixture.Get("/api/reports"));
  BOOST_REQUIRE(list["reports"].size() == 1u);
  BOOST_TEST(list["reports"][0]["slug"] == "ctoc-cop-wg.4-2013-5");
  BOOST_TEST(list["reports"][0]["recommendations"] == 2);
  Response report = fixture.Get("/api/reports/ctoc-cop-wg.4-2013-5");
  BOOST_TEST(report.status == 200);
  nlohmann::json body = Body(report);
  BOOST_TEST(body["symbol"] == "CTOC/COP/WG.4/2013/5");
  bool found = false;
  for (const auto& paragraph : body["paragraphs"])
    found = found || (paragraph["id"] == kP1 && paragraph["number"] == "1");
  BOOST_TEST(found);
  BOOST_TEST(body["recommendations"][1]["id"] == kP2);
  BOOST_TEST(fixture.Get("/api/reports/no-such-report").status == 404);
}

BOOST_AUTO_TEST_CASE(BriefDraftsAreSeenOnlyByIcat) {
  ApiFixture fixture;
  nlohmann::json anonymous = Body(fixture.Get("/api/briefs"));
  BOOST_REQUIRE(anonymous["briefs"].size() == 1u);
  BOOST_TEST(anonymous["briefs"][0]["slug"] == "consent");
  BOOST_TEST(Body(fixture.Get("/api/briefs", fixture.icat_token))["briefs"].size() == 2u);
  BOOST_TEST(fixture.Get("/api/briefs/draft-note").status == 404);
  BOOST_TEST(fixture.Get("/api/briefs/draft-note", fixture.secretariat_token).status == 404);
  BOOST_TEST(fixture.Get("/api/briefs/draft-note", fixture.icat_token).status == 200);
  BOOST_TEST(Body(fixture.Get("/api/briefs/consent"))["body"] == "\nConsent is irrelevant.\n");
}

BOOST_AUTO_TEST_CASE(BriefIsCreatedThenPublishedWithIfMatch) {
  ApiFixture fixture;
  const std::string kDraft =
      R"({"title": "Remedies", "agency": "UNODC", "authors": ["ICAT"], "date": "2026-03-01", "language": "en", "status": "draft", "body": "Victims need remedies.\n"})";
  Call put{.method = "PUT", .target = "/api/briefs/remedies", .body = kDraft,
           .token = fixture.icat_token};
  Call by_secretariat = put;
  by_secretariat.token = fixture.secretariat_token;
  BOOST_TEST(fixture.Send(by_secretariat).status == 403);

  Response created = fixture.Send(put);
  BOOST_TEST(created.status == 201);
  BOOST_TEST(fixture.Git("log -1 --format=%an%x20%s") == "omar brief: add remedies\n");
  BOOST_TEST(fixture.Get("/api/briefs/remedies").status == 404);  // a draft

  BOOST_TEST(fixture.Send(put).status == 428);  // exists: needs If-Match
  std::string published = kDraft;
  published.replace(published.find("\"draft\""), 7, "\"published\"");
  Call publish = put;
  publish.body = published;
  publish.headers["if-match"] = "\"0000000000000000000000000000000000000000\"";
  BOOST_TEST(fixture.Send(publish).status == 412);
  publish.headers["if-match"] = created.Header("ETag");
  Response updated = fixture.Send(publish);
  BOOST_TEST(updated.status == 200);
  BOOST_TEST(fixture.Git("log -1 --format=%s") == "brief: publish remedies\n");
  BOOST_TEST(Body(fixture.Get("/api/briefs/remedies"))["status"] == "published");
  BOOST_TEST(fixture.Send(publish).status == 412);  // the old ETag is stale now

  Call invalid = put;
  invalid.target = "/api/briefs/other";
  invalid.body = R"({"title": "x", "date": "soon"})";
  BOOST_TEST(fixture.Send(invalid).status == 400);
  invalid.target = "/api/briefs/Bad%20Slug";
  invalid.body = kDraft;
  BOOST_TEST(fixture.Send(invalid).status == 400);
}

BOOST_AUTO_TEST_CASE(HealthzReportsTheIndexedCommit) {
  ApiFixture fixture;
  Response response = fixture.Get("/healthz");
  BOOST_TEST(response.status == 200);
  std::string head = fixture.Git("rev-parse HEAD");
  head.pop_back();
  BOOST_TEST(Body(response)["index"] == head);
}

BOOST_AUTO_TEST_CASE(ResponsesCarrySecurityHeaders) {
  ApiFixture fixture;
  Response response = fixture.Get("/api/reports");
  BOOST_TEST(response.Header("X-Content-Type-Options") == "nosniff");
  BOOST_TEST(response.Header("Content-Security-Policy").find("default-src 'self'") == 0u);
}

BOOST_AUTO_TEST_CASE(AnonymousReadOffNeedsALogin) {
  ApiFixture fixture(kApiFiles, false);
  BOOST_TEST(fixture.Get("/api/reports").status == 401);
  BOOST_TEST(fixture.Get("/api/reports", fixture.reader_token).status == 200);
  BOOST_TEST(fixture.Get("/healthz").status == 200);
  BOOST_TEST(fixture.Get("/login").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service::testing
