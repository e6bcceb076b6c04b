// Plain text of a cmark subtree, as the index and the records want it: inline markup dropped,
// footnote references removed (and collected), raw HTML dropped (the order-unverified comment
// noticed), blocks on lines of their own.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <vector>

namespace sijill::markdown {

// FORMAT.md: "Lines the importer could not put in reading order are ... flagged by a trailing
// HTML comment <!-- sijill: order-unverified -->".
inline constexpr const char* kOrderUnverifiedMark = "sijill: order-unverified";

struct PlainText {
  std::string text;
  std::vector<std::string> footnote_labels;  // in order of reference, without duplicates
  bool flagged = false;
};

// Appends the text of `node` and its descendants to `out`.
void CollectPlainText(cmark_node* node, PlainText& out);

// Collapses runs of spaces and trims each line and the whole text.
std::string TidyText(const std::string& text);

}  // namespace sijill::markdown
