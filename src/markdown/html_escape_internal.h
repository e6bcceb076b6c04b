// Escaping and URL policy for the HTML renderer.
#pragma once

#include <string>

namespace sijill::markdown {

// Text and attribute values: & < > " are escaped.
std::string EscapeHtml(const std::string& text);

// cmark's rule: "javascript:", "vbscript:", "file:" and "data:" (except data:image/png, gif,
// jpeg, webp) are dangerous, compared case-insensitively.
bool IsDangerousUrl(const std::string& url);

// A relative link to "<slug>.md" (optionally "#fragment") becomes "<slug><suffix>".
std::string RewriteReportLink(const std::string& url, const std::string& suffix);

}  // namespace sijill::markdown
