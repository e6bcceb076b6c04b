// HTML escaping of {{name}}: mstch's default table, or the site's (without "/").
#include <string_view>

#include "mustache/template_internal.h"

namespace sijill::mustache::internal {

namespace {

std::string_view Replacement(char c, Escape escape) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    case '/':
      return escape == Escape::kMstch ? "&#x2F;" : "/";
    default:
      return {};
  }
}

}  // namespace

void AppendEscaped(std::string& out, std::string_view text, Escape escape) {
  const char* special = escape == Escape::kMstch ? "&<>\"'/" : "&<>\"'";
  size_t done = 0;
  for (size_t at; (at = text.find_first_of(special, done)) != std::string_view::npos;
       done = at + 1) {
    out.append(text.substr(done, at - done));
    out.append(Replacement(text[at], escape));
  }
  out.append(text.substr(done));
}

}  // namespace sijill::mustache::internal
