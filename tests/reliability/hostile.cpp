#include "reliability/hostile.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_cli.h"

namespace sijill::testing {

const std::string kScript = "<script>alert('xss-script')</script>";
const std::string kImgBreakout = "\"><img src=x onerror=alert('xss-img')>";
const std::string kQuoteBreakout = "' onmouseover='alert(\"xss-quote\")' x='";
const std::string kPlain = kScript + kImgBreakout + kQuoteBreakout;
const std::string kMarkdown =
    kPlain + " [click](javascript:alert('xss-link')) [case](JaVaScRiPt:alert('xss-case')) "
             "[entity](&#106;avascript:alert('xss-entity')) <javascript:alert('xss-auto')> "
             "![pic](javascript:alert('xss-pic')) <a href=\"javascript:alert('xss-a')\">raw</a>\n\n"
             "<iframe src=\"javascript:alert('xss-iframe')\"></iframe>\n"
             "<div onmouseover=\"alert('xss-div')\">raw block</div>\n";

namespace {

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

}  // namespace

HostileRepository::HostileRepository() : fixture_(HostileFiles().c_str()) {
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

HtmlScan ExpectClean(const std::string& html, const std::string& where,
                     const HtmlScanOptions& options) {
  HtmlScan scan = ScanHtml(html, options);
  BOOST_TEST(scan.injections.empty(), where << ": " << Describe(scan));
  return scan;
}

void ExpectShownAsText(const std::string& text, const std::string& where) {
  for (const std::string& payload : {kScript, kImgBreakout, kQuoteBreakout})
    BOOST_TEST(text.find(payload) != std::string::npos, where << " does not show " << payload);
}

}  // namespace sijill::testing
