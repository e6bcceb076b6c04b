// Mustache templates parsed once and rendered many times (issues 6 and 7: speed).
//
// mstch::render tokenizes the template and every partial again on each call; a TemplateSet
// parses them when it is built and keeps the parsed form. It renders the same mstch::node data
// the page builders produce, walking it by const reference, and writes byte for byte what
// mstch 1.0.2 writes for the same template and data (tests/unit/mustache/ compare the two):
// its escaping, its standalone-line whitespace rules, its indentation of standalone partials
// (quirks included), its lookup of dotted names and {{.}} up the context stack.
//
// Supported: {{name}} (escaped), {{{name}}} and {{&name}} (raw), {{#section}}, {{^inverted}},
// {{>partial}}, {{!comment}}, dotted names, {{.}}. Not supported: set delimiters ({{=<% %>=}},
// refused when the set is built) and lambdas in the data (Error kInvalid when rendered).
// Unlike mstch, a template with an unclosed or mismatched section or a partial that does not
// exist is refused when the set is built (Error kInvalid, naming the file and line), instead
// of rendering a truncated page or nothing; and a partial nested more than 100 deep (one that
// includes itself without end) stops the render with Error kInvalid where mstch overflowed the
// stack.
//
// Thread-safety: immutable once built; Render may be called from several threads at once.
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <mstch/mstch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace sijill::mustache {

// One template's text, its name in the set and the file it came from (for error messages).
struct Source {
  std::string name;  // "recommendation"; what {{> name}} and Render use
  std::string file;  // "site/ui/recommendation.mustache"
  std::string text;
};

// How {{name}} escapes a value.
enum class Escape {
  kMstch,  // mstch's default: & < > " ' and also / (as &#x2F;) — the web UI's pages
  kHtml,   // & < > " ' only — the static site (no &#x2F; in every link)
};

class TemplateSet {
 public:
  // Parses every template and every partial. `partials` are what {{> name}} may include;
  // the same sources may be passed as both. Throws Error kInvalid at the first template
  // error: "site/ui/x.mustache:12: section 'a' opened here is never closed".
  TemplateSet(const std::vector<Source>& templates, const std::vector<Source>& partials,
              Escape escape);
  ~TemplateSet();
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;

  bool Has(std::string_view name) const;

  // Appends template `name` rendered with `context` to `out`. Throws Error kNotFound for an
  // unknown name.
  void Render(std::string_view name, const mstch::node& context, std::string& out) const;
  std::string Render(std::string_view name, const mstch::node& context) const;

  // As above, with `inner` looked up before `outer` (a layout's own values over the page's),
  // as if the two maps were merged, without copying either.
  void Render(std::string_view name, const mstch::node& outer, const mstch::node& inner,
              std::string& out) const;
  // As above with any number of contexts, outermost first: a name is looked up in the last,
  // then the one before it, and so on. Lets data built once (the web UI's interface strings)
  // sit under each request's own without being copied into it.
  void Render(std::string_view name, std::initializer_list<const mstch::node*> contexts,
              std::string& out) const;

  struct Compiled;  // a parsed template (src/mustache/template_internal.h)

 private:
  const Compiled& Lookup(std::string_view name) const;

  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace sijill::mustache
