// Tokens to a tree: sections hold their bodies, neighbouring text is joined. mstch collects a
// section's tokens at render time and drops an unclosed one silently; here that is an error.
#include "mustache/template_internal.h"
#include "sijill/error.h"

namespace sijill::mustache::internal {

namespace {

Node Leaf(Node::Kind kind, const Token& token) {
  Node node;
  node.kind = kind;
  node.text = token.text;
  node.line = token.line;
  if (kind != Node::Kind::kText && kind != Node::Kind::kPartial) node.path = SplitName(token.text);
  node.partial_prefix = token.partial_prefix;
  return node;
}

void AddText(std::vector<Node>& body, const Token& token) {
  if (token.text.empty()) return;
  if (!body.empty() && body.back().kind == Node::Kind::kText)
    body.back().text += token.text;
  else
    body.push_back(Leaf(Node::Kind::kText, token));
}

}  // namespace

std::vector<Node> Parse(const std::vector<Token>& tokens, const std::string& file) {
  std::vector<Node> root;
  // The sections open around the current token, innermost last; each body fills in place.
  std::vector<Node> open;
  auto body = [&]() -> std::vector<Node>& { return open.empty() ? root : open.back().children; };
  for (const Token& token : tokens) {
    switch (token.type) {
      case TokenType::kText:
        AddText(body(), token);
        break;
      case TokenType::kVariable:
        body().push_back(Leaf(Node::Kind::kEscaped, token));
        break;
      case TokenType::kUnescaped:
        body().push_back(Leaf(Node::Kind::kRaw, token));
        break;
      case TokenType::kPartial:
        body().push_back(Leaf(Node::Kind::kPartial, token));
        break;
      case TokenType::kComment:
        break;
      case TokenType::kSectionOpen:
        open.push_back(Leaf(Node::Kind::kSection, token));
        break;
      case TokenType::kInvertedOpen:
        open.push_back(Leaf(Node::Kind::kInverted, token));
        break;
      case TokenType::kSectionClose: {
        if (open.empty())
          throw Error(Error::Kind::kInvalid, "{{/" + token.text + "}} closes no open section",
                      Location{file, token.line});
        if (open.back().text != token.text)
          throw Error(Error::Kind::kInvalid,
                      "{{/" + token.text + "}} closes section '" + open.back().text +
                          "' opened on line " + std::to_string(open.back().line),
                      Location{file, token.line});
        Node section = std::move(open.back());
        open.pop_back();
        body().push_back(std::move(section));
        break;
      }
    }
  }
  if (!open.empty())
    throw Error(Error::Kind::kInvalid, "section '" + open.back().text + "' is never closed",
                Location{file, open.back().line});
  return root;
}

}  // namespace sijill::mustache::internal
