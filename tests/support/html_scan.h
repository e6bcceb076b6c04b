// Reads HTML the way a browser would (libxml2's HTML parser, recovering from bad markup) and
// reports every place where markup could run script: the check behind "escaped everywhere"
// (issue 8 item 4). A string search for one payload would miss an attribute broken out of
// with a quote, or a `javascript:` URL spelled with entities; the parsed tree does not.
#pragma once

#include <string>
#include <vector>

namespace sijill::testing {

struct HtmlScan {
  // One line per finding: "<iframe>", "<img onerror=...>", "<a href=javascript:...>",
  // "<script> with inline code ...". Empty = nothing in the page can run script of its own.
  std::vector<std::string> injections;
  // The text a reader sees (text nodes, entities decoded) plus the values of title, alt, value
  // and content attributes, so that an escaped payload can be found as text.
  std::string text;
};

struct HtmlScanOptions {
  // Scripts the page may load by src= (the site's own search scripts); an inline <script> or
  // any other src is a finding.
  std::vector<std::string> allowed_script_srcs;
};

HtmlScan ScanHtml(const std::string& html, const HtmlScanOptions& options = {});

// Findings joined by "; " (for test messages).
std::string Describe(const HtmlScan& scan);

}  // namespace sijill::testing
