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
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "reliability/hostile.h"
#include "support/html_scan.h"
#include "support/run_cli.h"

namespace sijill::testing {

namespace {

namespace fs = std::filesystem;
using service::testing::ApiFixture;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
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

// The check itself: what would run is found, however it is spelled; escaped text is not.
BOOST_AUTO_TEST_CASE(TheScannerFindsWhatWouldRunAndOnlyThat) {
  const std::vector<std::string> running = {
      "<p>" + kScript + "</p>",
      "<p>x" + kImgBreakout + "</p>",
      "<input value=\"\"><img src=x onerror=alert(1)>\">",
      "<input value='' onmouseover='alert(1)' x=''>",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"&#106;avascript:alert(1)\">x</a>",
      "<a href=\" java\tscript:alert(1)\">x</a>",
      "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
      "<form action=\"javascript:alert(1)\"><button>x</button></form>",
      "<iframe src=\"https://example.org\"></iframe>",
      "<object data=\"x.swf\"></object>",
      "<div style=\"background:url(javascript:alert(1))\">x</div>",
      "<svg><script>alert(1)</script></svg>",
      "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
      "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
      "<body onload=alert(1)>",
  };
  for (const std::string& html : running)
    BOOST_TEST(!ScanHtml(html).injections.empty(), "not found: " << html);
  const std::string escaped =
      "<p>&lt;script&gt;alert('xss-script')&lt;/script&gt;&quot;&gt;&lt;img src=x "
      "onerror=alert('xss-img')&gt;' onmouseover='alert(\"xss-quote\")' x='</p>"
      "<input value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"
      "<a href=\"/search?q=javascript:alert(1)\">ok</a><a href=\"https://example.org/\">ok</a>"
      "<img src=\"data:image/png;base64,AAAA\" alt=\"x\"><script src=\"assets/search.js\"></script>";
  HtmlScan scan = ScanHtml(escaped, {.allowed_script_srcs = {"assets/search.js"}});
  BOOST_TEST(scan.injections.empty(), Describe(scan));
  ExpectShownAsText(scan.text, "escaped text");
}

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
