// The pieces of a TemplateSet (sijill/mustache/template_set.h): mstch's tokens, the tree
// parsed from them, and the renderer that walks the tree over mstch::node data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sijill/mustache/template_set.h"

namespace sijill::mustache::internal {

enum class TokenType {
  kText,
  kVariable,
  kUnescaped,
  kSectionOpen,
  kInvertedOpen,
  kSectionClose,
  kPartial,
  kComment
};

// One token as mstch 1.0.2 cuts a template: a text token never spans a line end, and carries
// mstch's eol/ws_only flags, which drive the standalone-line rules.
struct Token {
  TokenType type = TokenType::kText;
  std::string text;            // the raw text of a text token; the name of a tag
  int line = 1;                // where the token starts (1-based), for error messages
  bool eol = false;            // a text token ending in '\n' (or the end after a final tag)
  bool ws_only = false;        // a text token of spaces, tabs, '\r' and '\n' only
  std::string partial_prefix;  // a standalone partial's indentation
};

// Cuts `text` as mstch does, then drops the whitespace of standalone lines. Throws Error
// kInvalid (at `file`:line) for a set-delimiters tag, which this engine does not support.
std::vector<Token> Tokenize(std::string_view text, const std::string& file);

// A partial's tokens as mstch renders them when the partial is included with indentation
// `prefix`: the prefix as text before every token that follows a line end.
std::vector<Token> Indent(const std::vector<Token>& tokens, const std::string& prefix);

// How mstch looks up a name: "a.b.c" is "a" up the context stack, then "b" and "c" inside it;
// "." alone is the innermost value that is not a map.
std::vector<std::string> SplitName(const std::string& name);

struct Node {
  enum class Kind { kText, kEscaped, kRaw, kSection, kInverted, kPartial };
  Kind kind = Kind::kText;
  std::string text;               // text to print; the name as written for the others
  std::vector<std::string> path;  // SplitName(text) for variables and sections
  std::vector<Node> children;     // a section's body
  std::string partial_prefix;     // a partial's indentation
  int line = 0;
  const TemplateSet::Compiled* partial = nullptr;  // set when the set links its partials
};

// Builds the tree. Throws Error kInvalid (at `file`:line) for a section never closed or closed
// by the wrong name, and for a close tag without an open section.
std::vector<Node> Parse(const std::vector<Token>& tokens, const std::string& file);

// Appends `text` escaped as `escape` says.
void AppendEscaped(std::string& out, std::string_view text, Escape escape);

// One render in progress.
struct RenderState {
  Escape escape;
  std::vector<const mstch::node*> stack;  // the context stack, innermost last
  std::string& out;
  int partial_depth = 0;  // partials being rendered inside each other
};

// A partial that includes itself without end (a theme template is repository data) would
// overflow the stack: deeper than this, rendering stops with Error kInvalid.
inline constexpr int kMaxPartialDepth = 100;

// Appends `nodes` rendered over `state.stack` to `state.out`.
void RenderNodes(const std::vector<Node>& nodes, RenderState& state);

}  // namespace sijill::mustache::internal

namespace sijill::mustache {

struct TemplateSet::Compiled {
  std::string file;
  std::vector<internal::Node> nodes;
};

}  // namespace sijill::mustache
