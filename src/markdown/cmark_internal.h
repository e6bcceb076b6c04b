// RAII for cmark-gfm handles and small helpers shared by the parser and the HTML renderer.
#pragma once

#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace sijill::markdown {

struct CmarkNodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using CmarkNodePtr = std::unique_ptr<cmark_node, CmarkNodeFree>;

// Parse options: footnotes on; never CMARK_OPT_UNSAFE (STYLE.md §9.2 "Render safely by default").
inline constexpr int kParseOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;

inline CmarkNodePtr ParseCommonMark(const std::string& body) {
  return CmarkNodePtr(cmark_parse_document(body.data(), body.size(), kParseOptions));
}

inline std::string Literal(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text ? text : "";
}

}  // namespace sijill::markdown
