// Issue 8 item 4, cross-site scripting: hostile markup in every field a user controls — report
// text and front matter, every field of a record's YAML, a brief (through PUT /api/briefs), a
// follow-up note (through POST …/followup and `sijill status --note`), the search query — must
// come out as text wherever it is shown: the static site (`sijill site`), the consolidated
// record (`sijill record --format html` and `md`, the latter rendered as a Markdown reader
// would, raw HTML allowed) and the service's JSON.
//
// Pages are parsed (support/html_scan.h, libxml2's HTML parser), not grepped: a finding is any
// element, attribute or URL that could run script, wherever it came from. Plain-text fields
// must also still be shown, escaped, so a page that silently dropped the field cannot pass.
#include <cmark-gfm.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/html_scan.h"
#include "support/run_cli.h"
#include "unit/service/api_fixture.h"

namespace sijill::testing {

namespace {

namespace fs = std::filesystem;
using service::testing::ApiFixture;
using service::testing::Call;

// Each payload carries its own marker, so a finding names the field it came from.
const std::string kScript = "<script>alert('xss-script')</script>";
const std::string kImgBreakout = "\"><img src=x onerror=alert('xss-img')>";
const std::string kQuoteBreakout = "' onmouseover='alert(\"xss-quote\")' x='";
// For fields shown as plain text: all three, in one value.
const std::string kPlain = kScript + kImgBreakout + kQuoteBreakout;
// For Markdown fields: the plain payloads, `javascript:` links (plain, mixed case, with an
// entity, as an autolink) and raw HTML inline and as a block.
const std::string kMarkdown =
    kPlain + " [click](javascript:alert('xss-link')) [case](JaVaScRiPt:alert('xss-case')) "
             "[entity](&#106;avascript:alert('xss-entity')) <javascript:alert('xss-auto')> "
             "![pic](javascript:alert('xss-pic')) <a href=\"javascript:alert('xss-a')\">raw</a>\n\n"
             "<iframe src=\"javascript:alert('xss-iframe')\"></iframe>\n"
             "<div onmouseover=\"alert('xss-div')\">raw block</div>\n";

// A YAML double-quoted scalar (the payloads hold no backslash).
std::string Yaml(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

std::string ReadSource(const std::string& path) {
  std::ifstream in(std::string(SIJILL_SOURCE_DIR) + "/" + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr const char* kHostileId = "hostile-report.p1";
constexpr const char* kHostileStatusId = "hostile-report.p2";

// The repository's own sijill.yaml and one real report with its records, plus a report and
// records whose every field is hostile.
std::string HostileFiles() {
  std::string files = "-- sijill.yaml --\n" + ReadSource("sijill.yaml") +
                      "-- corpus/a-res-64-293.md --\n" + ReadSource("corpus/a-res-64-293.md");
  for (const char* record : {"p5", "p6", "p7"}) {
    std::string path = std::string("recommendations/a-res-64-293/") + record + ".yaml";
    files += "-- " + path + " --\n" + ReadSource(path);
  }
  files += "-- corpus/hostile-report.md --\n---\nsymbol: A/RES/99/1\ntitle: " + Yaml(kPlain) +
           "\ntype: resolution\nbody: " + Yaml(kPlain) + "\ndate: 2020-01-02\nlanguage: en\n" +
           "session: " + Yaml(kPlain) + "\nagenda_item: " + Yaml(kPlain) + "\nsource: " +
           Yaml(kPlain) + "\n---\n\n# " + kPlain + "\n\n1. States should act. " + kMarkdown +
           "\n2. " + kPlain + "\n";
  // Every string field of a record; p2 has a status no settings know and a date that is none.
  files += std::string("-- recommendations/hostile-report/p1.yaml --\nid: ") + kHostileId +
           "\nsource:\n  symbol: A/RES/99/1\n  paragraph: \"1\"\n  section: " + Yaml(kPlain) +
           "\ntext: " + Yaml(kMarkdown) + "\nlanguage: en\nadopted: 2020-01-02\naddressees: [" +
           Yaml(kPlain) + "]\nmodality: " + Yaml(kPlain) + "\ntopics: [" + Yaml(kPlain) +
           "]\nstatus: in-progress\nsummary:\n  en: " + Yaml(kPlain) + "\n  ar: " + Yaml(kPlain) +
           "\nfollowup:\n  - date: 2020-02-03\n    status: in-progress\n    note: " +
           Yaml(kMarkdown) + "\n    by: " + Yaml(kPlain) +
           "\n    evidence: [\"https://example.org/x?a=\\\"><script>alert('xss-evidence')</script>\"]\n";
  files += std::string("-- recommendations/hostile-report/p2.yaml --\nid: ") + kHostileStatusId +
           "\nsource:\n  symbol: A/RES/99/1\n  paragraph: \"2\"\ntext: " + Yaml(kPlain) +
           "\nlanguage: en\nadopted: " + Yaml(kPlain) + "\naddressees: [states]\nmodality: should\n"
           "topics: [general]\nstatus: " + Yaml(kPlain) + "\nfollowup: []\n";
  return files;
}

// The repository above, after hostile writes through the service: a published brief with
// hostile fields and body (PUT /api/briefs/hostile-brief) and a follow-up note on a real
// record (POST …/followup), then a note through the CLI.
class HostileRepository {
 public:
  HostileRepository() : fixture_(HostileFiles().c_str()) {
    nlohmann::json brief = {{"title", kPlain},   {"agency", kPlain},  {"authors", {kPlain}},
                            {"date", "2026-01-02"}, {"language", "en"}, {"status", "published"},
                            {"body", kMarkdown}};
    service::Response put = fixture_.Send({.method = "PUT",
                                           .target = "/api/briefs/hostile-brief",
                                           .body = brief.dump(),
                                           .token = fixture_.icat_token});
    BOOST_TEST_REQUIRE(put.status == 201, put.body);
    std::string etag = fixture_.Get("/api/recommendations/a-res-64-293.p5").Header("ETag");
    nlohmann::json followup = {{"status", "in-progress"},
                               {"note", kMarkdown},
                               {"evidence", {"https://example.org/?q=\"><script>alert(1)</script>"}}};
    service::Response post = fixture_.Send({.method = "POST",
                                            .target = "/api/recommendations/a-res-64-293.p5/followup",
                                            .body = followup.dump(),
                                            .headers = {{"if-match", etag}},
                                            .token = fixture_.secretariat_token});
    BOOST_TEST_REQUIRE(post.status == 201, post.body);
    CliResult status = RunSijill({"--repo", root(), "status", "a-res-64-293.p6", "in-progress",
                                  "--note", kMarkdown, "--author", "Amina <amina@example.org>"});
    BOOST_TEST_REQUIRE(status.exit_code == 0, status.err);
  }

  ApiFixture& fixture() { return fixture_; }
  std::string root() { return fixture_.repo().root(); }

 private:
  ApiFixture fixture_;
};

// Scans one page; every finding fails the test, named by `where`.
HtmlScan ExpectClean(const std::string& html, const std::string& where,
                     const HtmlScanOptions& options = {}) {
  HtmlScan scan = ScanHtml(html, options);
  BOOST_TEST(scan.injections.empty(), where << ": " << Describe(scan));
  return scan;
}

// The payloads a plain-text field carries are shown as text (escaped), not dropped.
void ExpectShownAsText(const std::string& text, const std::string& where) {
  for (const std::string& payload : {kScript, kImgBreakout, kQuoteBreakout})
    BOOST_TEST(text.find(payload) != std::string::npos, where << " does not show " << payload);
}

std::string MarkdownToHtmlUnsafe(const std::string& markdown) {
  // CMARK_OPT_UNSAFE: raw HTML and javascript: links pass through, as in a renderer that
  // trusts its input; anything that runs must then have been written unescaped by sijill.
  char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_UNSAFE);
  std::string out = html;
  free(html);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reliability)
BOOST_AUTO_TEST_SUITE(xss)

BOOST_AUTO_TEST_CASE(TheStaticSiteShowsHostileFieldsAsText) {
  HostileRepository repository;
  fs::path out = fs::path(repository.root()).parent_path() /
                 (fs::path(repository.root()).filename().string() + "-site");
  CliResult site = RunSijill({"--repo", repository.root(), "site", "--out", out.string()});
  BOOST_TEST_REQUIRE(site.exit_code == 0, site.err);
  HtmlScanOptions options{.allowed_script_srcs = {"assets/analyzer.js", "assets/search.js"}};
  int pages = 0;
  std::string all_text;
  std::map<std::string, std::string> page_text;  // by path relative to the site
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(out)) {
    std::string path = entry.path().string();
    std::string relative = fs::relative(entry.path(), out).string();
    if (entry.path().extension() == ".html") {
      ++pages;
      HtmlScan scan = ExpectClean(ReadFile(entry.path()), relative, options);
      page_text[relative] = scan.text;
      all_text += scan.text;
    } else if (entry.path().extension() == ".json") {
      // Search data and the like: JSON the site's script reads with textContent (search.js).
      BOOST_TEST(nlohmann::json::accept(ReadFile(entry.path())), relative << " is not JSON");
    }
  }
  BOOST_TEST(pages > 5);
  ExpectShownAsText(all_text, "the site");
  // The pages of the hostile report, record and brief themselves show the payloads.
  bool record_page = false, brief_page = false, report_page = false;
  for (const auto& [path, text] : page_text) {
    if (path.find(kHostileId) != std::string::npos) {
      record_page = true;
      ExpectShownAsText(text, path);
    }
    if (path.find("hostile-brief") != std::string::npos) {
      brief_page = true;
      ExpectShownAsText(text, path);
    }
    if (path.find("hostile-report") != std::string::npos && path.find(".p") == std::string::npos)
      report_page = true;
  }
  BOOST_TEST(record_page);
  BOOST_TEST(brief_page);
  BOOST_TEST(report_page);
  fs::remove_all(out);
}

BOOST_AUTO_TEST_CASE(TheConsolidatedRecordInHtmlShowsHostileFieldsAsText) {
  HostileRepository repository;
  std::string path = repository.root() + "/.sijill/record.html";
  CliResult record = RunSijill(
      {"--repo", repository.root(), "record", "--format", "html", "--out", path});
  BOOST_TEST_REQUIRE(record.exit_code == 0, record.err);
  HtmlScan scan = ExpectClean(ReadFile(path), "record.html");
  ExpectShownAsText(scan.text, "record.html");
}

BOOST_AUTO_TEST_CASE(TheConsolidatedRecordInMarkdownRendersHostileFieldsAsText) {
  HostileRepository repository;
  CliResult record = RunSijill({"--repo", repository.root(), "record", "--format", "md"});
  BOOST_TEST_REQUIRE(record.exit_code == 0, record.err);
  HtmlScan scan = ExpectClean(MarkdownToHtmlUnsafe(record.out), "record.md rendered");
  ExpectShownAsText(scan.text, "record.md rendered");
}

BOOST_AUTO_TEST_CASE(TheApiReturnsHostileFieldsAsJsonData) {
  HostileRepository repository;
  ApiFixture& api = repository.fixture();
  auto json_of = [&](const std::string& target) {
    service::Response response = api.Get(target, api.icat_token);
    BOOST_TEST(response.status == 200, target << ": " << response.body);
    // JSON, never sniffed as HTML: the type says so and nosniff forbids guessing.
    BOOST_TEST(response.content_type.rfind("application/json", 0) == 0u, target);
    BOOST_TEST(response.Header("X-Content-Type-Options") == "nosniff", target);
    BOOST_TEST(response.Header("Content-Security-Policy").find("default-src 'self'") !=
               std::string::npos);
    return nlohmann::json::parse(response.body);
  };
  // The data comes back exactly as written: JSON's own escaping, nothing lost or altered.
  nlohmann::json record = json_of(std::string("/api/recommendations/") + kHostileId);
  BOOST_TEST(record["text"] == kMarkdown);
  BOOST_TEST(record["modality"] == kPlain);
  BOOST_TEST(record["addressees"][0] == kPlain);
  BOOST_TEST(record["followup"][0]["note"] == kMarkdown);
  nlohmann::json followed = json_of("/api/recommendations/a-res-64-293.p5");
  BOOST_TEST(followed["followup"].back()["note"] == kMarkdown);
  nlohmann::json brief = json_of("/api/briefs/hostile-brief");
  BOOST_TEST(brief["title"] == kPlain);
  BOOST_TEST(brief["body"] == kMarkdown);
  BOOST_TEST(brief["authors"][0] == kPlain);
  nlohmann::json history = json_of(std::string("/api/recommendations/a-res-64-293.p6/history"));
  BOOST_TEST(history["history"][0]["followup"]["note"] == kMarkdown);
  json_of("/api/reports/hostile-report");
  json_of("/api/reports");
  json_of("/api/briefs");

  // The query is echoed as data; snippets are HTML (matched words in <mark>) and must be inert.
  for (const std::string& query : {kScript, kImgBreakout, kQuoteBreakout, std::string("alert")}) {
    std::string target = "/api/search?q=";
    for (unsigned char c : query) {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      target += hex;
    }
    nlohmann::json found = json_of(target);
    BOOST_TEST(found["query"] == query);
    for (const nlohmann::json& hit : found["results"])
      ExpectClean(hit.value("snippet", ""), "snippet for " + query);
    if (query == "alert") BOOST_TEST(found["total"].get<int>() > 0);
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
