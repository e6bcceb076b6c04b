// Safe HTML for a report body (issue #3; used by the site and the service).
//
// Every numbered paragraph gets the anchor DESIGN.md ⚑ promises: id="p<N>" (annex:
// id="annex.p<N>", a repeated number "p<N>-dup"), so ".../<slug>.html#p22" links it. Raw HTML is
// never passed through (CMARK_OPT_UNSAFE is never set) and javascript:, vbscript:, file: and
// non-image data: links lose their target. Relative links to "<slug>.md" become
// "<slug>" + link_suffix. GFM pipe tables are rendered here (Debian's cmark-gfm has no
// extensions library). The caller wraps the fragment and sets dir="rtl" for Arabic.
// Stateless; safe to call from several threads.
#pragma once

#include <string>

namespace sijill::markdown {

struct HtmlOptions {
  std::string link_suffix = ".html";  // "<slug>.md" -> "<slug>" + link_suffix; ".md" keeps them
};

// `body` is the Markdown after the front matter. Returns an HTML fragment ending in "\n".
std::string RenderHtml(const std::string& body, const HtmlOptions& options = {});

}  // namespace sijill::markdown
