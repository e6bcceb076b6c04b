// Hostile values for the cross-site scripting tests (issue 8 item 4): payloads, a repository
// whose every user-controlled field carries them, and the checks (support/html_scan.h).
#pragma once

#include <string>

#include "support/html_scan.h"
#include "unit/service/api_fixture.h"

namespace sijill::testing {

// Each payload carries its own marker, so a finding names the field it came from.
extern const std::string kScript;         // <script>alert('xss-script')</script>
extern const std::string kImgBreakout;    // "><img src=x onerror=alert('xss-img')>
extern const std::string kQuoteBreakout;  // ' onmouseover='alert("xss-quote")' x='
// For fields shown as plain text: all three, in one value.
extern const std::string kPlain;
// For Markdown fields: the plain payloads, `javascript:` links (plain, mixed case, with an
// entity, as an autolink, as an image) and raw HTML inline and as a block.
extern const std::string kMarkdown;

inline constexpr const char* kHostileId = "hostile-report.p1";        // every field hostile
inline constexpr const char* kHostileStatusId = "hostile-report.p2";  // status and date too

// The repository's own sijill.yaml and one real report with its records, plus the report
// `hostile-report` and its records p1, p2 whose every field is hostile; then, through the
// service, a published brief `hostile-brief` with hostile fields and body (PUT /api/briefs) and
// a hostile follow-up note on a-res-64-293.p5 (POST …/followup), and one through the CLI on
// a-res-64-293.p6 (`sijill status --note`).
class HostileRepository {
 public:
  HostileRepository();
  service::testing::ApiFixture& fixture() { return fixture_; }
  std::string root() { return fixture_.repo().root(); }

 private:
  service::testing::ApiFixture fixture_;
};

// Scans one page; every finding fails the test, named by `where`.
HtmlScan ExpectClean(const std::string& html, const std::string& where,
                     const HtmlScanOptions& options = {});

// The payloads a plain-text field carries are shown as text (escaped), not dropped.
void ExpectShownAsText(const std::string& text, const std::string& where);

}  // namespace sijill::testing
