// GFM pipe tables (FORMAT.md: the 001 annex document list), rendered by us because Debian's
// cmark-gfm ships no extensions library: the core parses a table as one paragraph, which is
// recognised here from its source lines.
#pragma once

#include <cmark-gfm.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sijill/markdown/render_html.h"

namespace sijill::markdown {

// The <table> for `paragraph` when its lines are a header row, a delimiter row ("|---|:-:|")
// and body rows, all starting with '|'; nullopt otherwise. Cells go through `cell_html`.
std::optional<std::string> PipeTableHtml(
    cmark_node* paragraph, const std::vector<std::string>& lines,
    const std::function<std::string(const std::string&)>& cell_html);

// Inline Markdown of one line (a table cell) as safe HTML.
std::string RenderInlineMarkdown(const std::string& text, const HtmlOptions& options);

}  // namespace sijill::markdown
