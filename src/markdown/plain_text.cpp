#include <algorithm>

#include "markdown/cmark_internal.h"
#include "markdown/plain_text_internal.h"

namespace sijill::markdown {

namespace {

void StartBlock(PlainText& out) {
  if (!out.text.empty() && out.text.back() != '\n') out.text += '\n';
}

void AddFootnote(const std::string& label, PlainText& out) {
  auto& labels = out.footnote_labels;
  if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
}

void CollectChildren(cmark_node* node, PlainText& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
    CollectPlainText(child, out);
}

// Nested list items keep a visible marker so that "(أ) …"-style structure stays readable.
void CollectListItems(cmark_node* list, PlainText& out) {
  bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
  int number = cmark_node_get_list_start(list);
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    StartBlock(out);
    out.text += ordered ? std::to_string(number++) + ". " : "• ";
    size_t before = out.text.size();
    CollectChildren(item, out);
    // The item's first block must not start a new line after its marker.
    if (out.text.size() > before && out.text[before] == '\n') out.text.erase(before, 1);
  }
}

}  // namespace

void CollectPlainText(cmark_node* node, PlainText& out) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      out.text += Literal(node);
      break;
    case CMARK_NODE_SOFTBREAK:
      out.text += ' ';
      break;
    case CMARK_NODE_LINEBREAK:
      out.text += '\n';
      break;
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_HTML_BLOCK:
      if (Literal(node).find(kOrderUnverifiedMark) != std::string::npos) out.flagged = true;
      break;
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      AddFootnote(Literal(node), out);
      break;
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      break;  // collected separately by the parser
    case CMARK_NODE_LIST:
      CollectListItems(node, out);
      break;
    case CMARK_NODE_CODE_BLOCK:
      StartBlock(out);
      out.text += Literal(node);
      break;
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
    case CMARK_NODE_BLOCK_QUOTE:
    case CMARK_NODE_ITEM:
      StartBlock(out);
      CollectChildren(node, out);
      break;
    default:
      CollectChildren(node, out);
  }
}

std::string TidyText(const std::string& text) {
  std::string out;
  std::string line;
  auto flush = [&]() {
    size_t begin = line.find_first_not_of(' ');
    size_t end = line.find_last_not_of(' ');
    if (begin != std::string::npos) {
      if (!out.empty()) out += '\n';
      out += line.substr(begin, end - begin + 1);
    }
    line.clear();
  };
  for (char c : text) {
    if (c == '\n') {
      flush();
    } else if (c == ' ' || c == '\t') {
      if (!line.empty() && line.back() != ' ') line += ' ';
    } else {
      line += c;
    }
  }
  flush();
  return out;
}

}  // namespace sijill::markdown
