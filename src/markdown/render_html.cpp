// One renderer for one output format (cmark's html.c is the model): a walk over the cmark
// tree that writes only what it knows, so raw HTML has no way through.
#include "sijill/markdown/render_html.h"

#include <optional>
#include <regex>

#include "markdown/cmark_internal.h"
#include "markdown/html_escape_internal.h"
#include "markdown/pipe_table_internal.h"
#include "markdown/plain_text_internal.h"
#include "markdown/structure_internal.h"

namespace sijill::markdown {

namespace {

class HtmlRenderer {
 public:
  HtmlRenderer(const std::string& body, const HtmlOptions& options)
      : options_(options), lines_(SplitLines(body)) {}

  std::string Document(cmark_node* root) {
    for (cmark_node* node = cmark_node_first_child(root); node; node = cmark_node_next(node)) {
      if (cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION) {
        footnotes_.push_back(node);
      } else if (cmark_node_get_type(node) == CMARK_NODE_LIST &&
                 cmark_node_get_list_type(node) == CMARK_ORDERED_LIST) {
        NumberedList(node);
      } else {
        Block(node);
      }
    }
    Footnotes();
    return std::move(out_);
  }

  // Inline content of a table cell.
  std::string Inlines(cmark_node* parent) {
    std::string saved = std::move(out_);
    out_.clear();
    Children(parent);
    std::string inlines = std::move(out_);
    out_ = std::move(saved);
    return inlines;
  }

 private:
  void Children(cmark_node* node) {
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
      Render(child);
  }

  // ⚑ "The HTML you render gives every numbered paragraph the anchor id p<N>". value= keeps
  // the document's own number even where cmark would renumber (a repeated ¶51).
  void NumberedList(cmark_node* list) {
    out_ += "<ol>\n";
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
      std::string number = ItemNumber(item, lines_);
      std::string key = keys_.Next(number, annex_).first;
      out_ += "<li id=\"" + EscapeHtml(key) + "\" value=\"" + EscapeHtml(number) + "\">";
      ItemBody(item, cmark_node_get_list_tight(list));
      out_ += "</li>\n";
    }
    out_ += "</ol>\n";
  }

  void ItemBody(cmark_node* item, bool tight) {
    bool tight_first = tight && cmark_node_first_child(item) &&
                       cmark_node_get_type(cmark_node_first_child(item)) == CMARK_NODE_PARAGRAPH;
    if (!tight_first) out_ += "\n";
    Children(item);
  }

  void Block(cmark_node* node) { Render(node); }

  void Heading(cmark_node* node) {
    int level = cmark_node_get_heading_level(node);
    PlainText text;
    CollectPlainText(node, text);
    if (OpensAnnex(level, TidyText(text.text))) annex_ = true;
    std::string tag = "h" + std::to_string(level);
    out_ += "<" + tag + ">";
    Children(node);
    out_ += "</" + tag + ">\n";
  }

  void Paragraph(cmark_node* node) {
    auto cell = [this](const std::string& text) { return RenderInlineMarkdown(text, options_); };
    if (std::optional<std::string> table = PipeTableHtml(node, lines_, cell)) {
      out_ += *table;
      return;
    }
    cmark_node* parent = cmark_node_parent(node);
    cmark_node* grandparent = parent ? cmark_node_parent(parent) : nullptr;
    bool tight = grandparent && cmark_node_get_type(grandparent) == CMARK_NODE_LIST &&
                 cmark_node_get_list_tight(grandparent);
    if (!tight) out_ += "<p>";
    Children(node);
    out_ += tight ? (cmark_node_next(node) ? "\n" : "") : "</p>\n";
  }

  void List(cmark_node* node) {
    bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    int start = cmark_node_get_list_start(node);
    out_ += ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"" + std::to_string(start) + "\">\n")
                    : "<ul>\n";
    for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
      out_ += "<li>";
      ItemBody(item, cmark_node_get_list_tight(node));
      out_ += "</li>\n";
    }
    out_ += ordered ? "</ol>\n" : "</ul>\n";
  }

  void Link(cmark_node* node) {
    std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
    url = IsDangerousUrl(url) ? "" : RewriteReportLink(url, options_.link_suffix);
    out_ += "<a href=\"" + EscapeUrl(url) + "\"";
    const char* title = cmark_node_get_title(node);
    if (title && *title) out_ += " title=\"" + EscapeHtml(title) + "\"";
    out_ += ">";
    Children(node);
    out_ += "</a>";
  }

  void Image(cmark_node* node) {
    std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
    PlainText alt;
    CollectPlainText(node, alt);
    out_ += "<img src=\"" + EscapeUrl(IsDangerousUrl(url) ? "" : url) + "\" alt=\"" +
            EscapeHtml(TidyText(alt.text)) + "\" />";
  }

  void FootnoteReference(cmark_node* node) {
    std::string label = EscapeHtml(Literal(node));
    out_ += "<sup class=\"footnote-ref\"><a href=\"#fn-" + label + "\" id=\"fnref-" + label +
            "\">" + label + "</a></sup>";
  }

  void Footnotes() {
    if (footnotes_.empty()) return;
    static const std::regex kLabel(R"(^\s*\[\^([^\]]+)\]:)");
    out_ += "<section class=\"footnotes\">\n<ol>\n";
    for (cmark_node* note : footnotes_) {
      int line = cmark_node_get_start_line(note);
      std::smatch match;
      std::string label;
      if (line >= 1 && line <= static_cast<int>(lines_.size()) &&
          std::regex_search(lines_[line - 1], match, kLabel))
        label = match[1];
      out_ += "<li id=\"fn-" + EscapeHtml(label) + "\">\n";
      Children(note);
      out_ += "</li>\n";
    }
    out_ += "</ol>\n</section>\n";
  }

  static std::string EscapeUrl(const std::string& url) {
    std::string out;
    for (char c : url) out += c == ' ' ? "%20" : std::string(1, c);
    return EscapeHtml(out);
  }

  void Wrapped(cmark_node* node, const char* open, const char* close) {
    out_ += open;
    Children(node);
    out_ += close;
  }

  void Render(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING: Heading(node); break;
      case CMARK_NODE_PARAGRAPH: Paragraph(node); break;
      case CMARK_NODE_LIST: List(node); break;
      case CMARK_NODE_BLOCK_QUOTE: Wrapped(node, "<blockquote>\n", "</blockquote>\n"); break;
      case CMARK_NODE_CODE_BLOCK:
        out_ += "<pre><code>" + EscapeHtml(Literal(node)) + "</code></pre>\n";
        break;
      case CMARK_NODE_THEMATIC_BREAK: out_ += "<hr />\n"; break;
      case CMARK_NODE_TEXT: out_ += EscapeHtml(Literal(node)); break;
      case CMARK_NODE_SOFTBREAK: out_ += "\n"; break;
      case CMARK_NODE_LINEBREAK: out_ += "<br />\n"; break;
      case CMARK_NODE_CODE: out_ += "<code>" + EscapeHtml(Literal(node)) + "</code>"; break;
      case CMARK_NODE_EMPH: Wrapped(node, "<em>", "</em>"); break;
      case CMARK_NODE_STRONG: Wrapped(node, "<strong>", "</strong>"); break;
      case CMARK_NODE_LINK: Link(node); break;
      case CMARK_NODE_IMAGE: Image(node); break;
      case CMARK_NODE_FOOTNOTE_REFERENCE: FootnoteReference(node); break;
      // Raw HTML (and the order-unverified comment) is dropped: STYLE.md §9.2 "Render safely".
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        break;
      default: Children(node);
    }
  }

  const HtmlOptions& options_;
  std::vector<std::string> lines_;
  NumberKeys keys_;
  bool annex_ = false;
  std::vector<cmark_node*> footnotes_;
  std::string out_;
};

}  // namespace

std::string RenderInlineMarkdown(const std::string& text, const HtmlOptions& options) {
  CmarkNodePtr root = ParseCommonMark(text);
  cmark_node* first = cmark_node_first_child(root.get());
  if (!first || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH) return EscapeHtml(text);
  HtmlRenderer renderer(text, options);
  return renderer.Inlines(first);
}

std::string RenderHtml(const std::string& body, const HtmlOptions& options) {
  CmarkNodePtr root = ParseCommonMark(body);
  HtmlRenderer renderer(body, options);
  return renderer.Document(root.get());
}

}  // namespace sijill::markdown
