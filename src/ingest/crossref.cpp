#include "sijill/ingest/crossref.h"

#include "ingest/regex_internal.h"
#include "sijill/ingest/layout.h"
#include "sijill/text/slug.h"

namespace sijill::ingest {

using internal::Regex;

std::string EscapeMarkdown(const std::string& text) {
  static const Regex kInline("([\\[\\]*_`<>|\\\\])");
  static const Regex kLineStart("^([#+=-]|[0-9]+[.)])");
  std::string out = kInline.ReplaceAll(text, "\\\\$1");
  return kLineStart.ReplaceWith(out, [](const Regex::Groups& g) {
    return g[1].size() == 1 ? "\\" + g[1] : g[1].substr(0, g[1].size() - 1) + "\\" + g[1].back();
  });
}

std::string LinkSymbols(const std::string& text) {
  static const Regex kSymbol(
      "(?<![A-Za-z0-9/])(?:A|E|S|ST|CTOC|CAC|E/CN\\.\\d+)(?:/"
      "[A-Za-z0-9][A-Za-z0-9.\\-]*)+(?<![.\\-])");
  return kSymbol.ReplaceWith(
      text, [](const Regex::Groups& g) { return "[" + g[0] + "](" + text::Slug(g[0]) + ".md)"; });
}

std::string LinkFootnoteReferences(const std::string& text, const std::set<std::string>& labels) {
  static const Regex kNumber("\\(([0-9\\u0660-\\u0669]{1,2})\\)");
  std::string out = kNumber.ReplaceWith(text, [&](const Regex::Groups& g) {
    std::string label = AsciiDigits(g[1]);
    return labels.count(label) ? "[^" + label + "]" : g[0];
  });
  static const Regex kStar("\\\\\\*");
  if (labels.count("star")) out = kStar.ReplaceAll(out, "[^star]");
  return out;
}

}  // namespace sijill::ingest
