// mstch 1.0.2's tokenizer (template_type.cpp, token.cpp), rewritten on indices but kept step
// for step, quirks included: the pages must come out byte-identical to what mstch printed.
#include <algorithm>

#include "mustache/template_internal.h"
#include "sijill/error.h"

namespace sijill::mustache::internal {

namespace {

constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";

// mstch reads one past a tag's end without a bounds check; a std::string has '\0' there.
char At(std::string_view text, size_t i) { return i < text.size() ? text[i] : '\0'; }

// mstch trims names of spaces only (not tabs).
size_t FirstNotSpace(std::string_view text, size_t begin, size_t end) {
  while (begin < end && text[begin] == ' ') ++begin;
  return begin;
}
// One past the last non-space in [floor, from]; floor when there is none.
size_t EndNotSpace(std::string_view text, size_t from, size_t floor) {
  for (size_t i = from + 1; i > floor; --i)
    if (text[i - 1] != ' ') return i;
  return floor;
}

TokenType TypeOf(char c) {
  switch (c) {
    case '>':
      return TokenType::kPartial;
    case '^':
      return TokenType::kInvertedOpen;
    case '/':
      return TokenType::kSectionClose;
    case '&':
      return TokenType::kUnescaped;
    case '#':
      return TokenType::kSectionOpen;
    case '!':
      return TokenType::kComment;
    default:
      return TokenType::kVariable;
  }
}

// A tag token from its raw text "{{...}}" or "{{{...}}}".
Token TagToken(std::string_view raw, int line) {
  Token token;
  token.line = line;
  size_t first, end;
  if (raw[2] == '{' && raw[raw.size() - 3] == '}') {
    token.type = TokenType::kUnescaped;
    first = FirstNotSpace(raw, 3, raw.size() - 2);
    end = EndNotSpace(raw, raw.size() - 4, 2);
  } else {
    first = FirstNotSpace(raw, 2, raw.size() - 2);
    token.type = TypeOf(raw[first]);
    if (token.type != TokenType::kVariable) first = FirstNotSpace(raw, first + 1, raw.size() - 2);
    end = EndNotSpace(raw, raw.size() - 3, 2);
  }
  if (end > first) token.text = std::string(raw.substr(first, end - first));
  return token;
}

Token TextToken(std::string_view text, int line) {
  Token token;
  token.text = std::string(text);
  token.line = line;
  token.eol = !text.empty() && text.back() == '\n';
  token.ws_only = text.find_first_not_of(" \r\n\t") == std::string_view::npos;
  return token;
}

// Counts lines up to a position; positions only grow.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  int At(size_t pos) {
    for (; seen_ < pos && seen_ < text_.size(); ++seen_)
      if (text_[seen_] == '\n') ++line_;
    return line_;
  }

 private:
  std::string_view text_;
  size_t seen_ = 0;
  int line_ = 1;
};

// Text between tags: one token per line, the last one without its line end.
void AddText(std::string_view text, size_t begin, size_t end, LineCounter& lines,
             std::vector<Token>& tokens) {
  size_t start = begin;
  for (size_t i = begin; i < end; ++i) {
    if (text[i] == '\n' || i == end - 1) {
      tokens.push_back(TextToken(text.substr(start, i + 1 - start), lines.At(start)));
      start = i + 1;
    }
  }
}

std::vector<Token> Cut(std::string_view text, const std::string& file) {
  std::vector<Token> tokens;
  LineCounter lines(text);
  constexpr size_t npos = std::string_view::npos;
  for (size_t cur = 0; cur < text.size();) {
    size_t open = text.find(kOpen, cur);
    size_t close = open == npos ? npos : text.find(kClose, open + 1);
    if (open == npos || close == npos) {
      AddText(text, cur, text.size(), lines, tokens);
      break;
    }
    if (At(text, open + 2) == '{' && At(text, close + 2) == '}') ++close;
    if (At(text, open + 2) == '=' && text[close - 1] == '=')
      throw Error(Error::Kind::kInvalid, "set delimiters ({{=...=}}) are not supported",
                  Location{file, lines.At(open)});
    AddText(text, cur, open, lines, tokens);
    cur = close + kClose.size();
    tokens.push_back(TagToken(text.substr(open, cur - open), lines.At(open)));
    if (cur == text.size()) {
      tokens.push_back(TextToken("", lines.At(cur)));
      tokens.back().eol = true;  // the end of the template ends the last tag's line
    }
  }
  return tokens;
}

bool IsTag(const Token& token) {
  return token.type != TokenType::kText && token.type != TokenType::kVariable &&
         token.type != TokenType::kUnescaped;
}

// A line holding section, partial or comment tags and nothing else but whitespace prints
// nothing of its own: its whitespace tokens go, and a partial keeps the indentation before it.
std::vector<Token> StripStandaloneLines(std::vector<Token> tokens) {
  std::vector<Token> out;
  out.reserve(tokens.size());
  size_t line_begin = 0;
  bool has_tag = false, non_space = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (IsTag(tokens[i]))
      has_tag = true;
    else if (!tokens[i].ws_only)
      non_space = true;
    if (!tokens[i].eol) continue;
    bool standalone = has_tag && !non_space;
    for (size_t j = line_begin; j <= i; ++j) {
      if (standalone && tokens[j].type == TokenType::kPartial && j != line_begin &&
          tokens[j - 1].ws_only)
        tokens[j].partial_prefix = tokens[j - 1].text;
    }
    for (size_t j = line_begin; j <= i; ++j)
      if (!(standalone && tokens[j].ws_only)) out.push_back(std::move(tokens[j]));
    has_tag = non_space = false;
    line_begin = i + 1;
  }
  // Tokens after the last line end are no line of their own: mstch keeps them as they are.
  for (size_t j = line_begin; j < tokens.size(); ++j) out.push_back(std::move(tokens[j]));
  return out;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, const std::string& file) {
  return StripStandaloneLines(Cut(text, file));
}

std::vector<Token> Indent(const std::vector<Token>& tokens, const std::string& prefix) {
  std::vector<Token> out;
  out.reserve(tokens.size() * 2);
  bool after_line_end = true;
  for (const Token& token : tokens) {
    if (after_line_end) out.push_back(TextToken(prefix, token.line));
    out.push_back(token);
    after_line_end = token.eol;
  }
  return out;
}

std::vector<std::string> SplitName(const std::string& name) {
  size_t dot = name.rfind('.');
  if (name == "." || dot == std::string::npos) return {name};
  std::vector<std::string> path = SplitName(name.substr(0, dot));
  path.push_back(name.substr(dot + 1));
  return path;
}

}  // namespace sijill::mustache::internal
