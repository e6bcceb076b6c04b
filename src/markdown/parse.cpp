#include "sijill/markdown/parse.h"

#include "sijill/model/front_matter.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "markdown/cmark_internal.h"
#include "markdown/plain_text_internal.h"
#include "markdown/structure_internal.h"

namespace sijill::markdown {

namespace {


// Walks the top-level blocks once, keeping the heading stack and the numbering state.
class Parser {
 public:
  Parser(const std::string& path, model::Report report, ParseResult& result)
      : path_(path), lines_(SplitLines(report.body)), result_(result) {
    result_.document.report = std::move(report);
  }

  void Run(cmark_node* root) {
    CollectFootnotes(root);
    for (cmark_node* node = cmark_node_first_child(root); node; node = cmark_node_next(node)) {
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
          AddHeading(node);
          break;
        case CMARK_NODE_LIST:
          if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST) {
            for (cmark_node* item = cmark_node_first_child(node); item;
                 item = cmark_node_next(item))
              AddNumbered(item);
          } else {
            AddUnnumbered(node);
          }
          break;
        case CMARK_NODE_FOOTNOTE_DEFINITION:
        case CMARK_NODE_THEMATIC_BREAK:
          break;
        case CMARK_NODE_HTML_BLOCK:
          FlagPrevious(node);
          break;
        default:
          AddUnnumbered(node);
      }
    }
  }

 private:
  const std::string& slug() const { return result_.document.report.slug; }
  int FileLine(int body_line) const { return result_.document.report.body_line + body_line - 1; }

  void CollectFootnotes(cmark_node* root) {
    static const std::regex kLabel(R"(^\s*\[\^([^\]]+)\]:)");
    for (cmark_node* node = cmark_node_first_child(root); node; node = cmark_node_next(node)) {
      if (cmark_node_get_type(node) != CMARK_NODE_FOOTNOTE_DEFINITION) continue;
      // cmark-gfm 0.29 does not expose a definition's label: read it from the source line.
      std::smatch match;
      const std::string& line = SourceLine(cmark_node_get_start_line(node));
      if (!std::regex_search(line, match, kLabel)) continue;
      PlainText text;
      for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
        CollectPlainText(child, text);
      footnotes_[match[1]] = TidyText(text.text);
    }
  }

  const std::string& SourceLine(int line) const {
    static const std::string kEmpty;
    return line >= 1 && line <= static_cast<int>(lines_.size()) ? lines_[line - 1] : kEmpty;
  }

  std::string SourceOf(cmark_node* node) const {
    int first = cmark_node_get_start_line(node);
    int last = cmark_node_get_end_line(node);
    if (cmark_node_get_end_column(node) == 0) --last;  // ends before that line starts
    while (last > first && SourceLine(last).find_first_not_of(" \t\r") == std::string::npos)
      --last;
    std::string out;
    for (int line = first; line <= last; ++line) out += SourceLine(line) + "\n";
    return out;
  }

  void AddHeading(cmark_node* node) {
    PlainText text;
    CollectPlainText(node, text);
    Heading heading;
    heading.level = cmark_node_get_heading_level(node);
    heading.text = TidyText(text.text);
    heading.line = FileLine(cmark_node_get_start_line(node));
    if (OpensAnnex(heading.level, heading.text)) part_ = Part::kAnnex;
    heading.part = part_;
    while (!stack_.empty() && stack_.back().level >= heading.level) stack_.pop_back();
    stack_.push_back(heading);
    result_.document.headings.push_back(heading);
  }

  Paragraph Start(cmark_node* node) const {
    Paragraph paragraph;
    paragraph.part = part_;
    for (const Heading& heading : stack_) paragraph.heading_path.push_back(heading.text);
    if (!stack_.empty()) paragraph.section = stack_.back().text;
    PlainText text;
    CollectPlainText(node, text);
    paragraph.text = TidyText(text.text);
    paragraph.flagged = text.flagged;
    paragraph.markdown = SourceOf(node);
    paragraph.line = FileLine(cmark_node_get_start_line(node));
    for (const std::string& label : text.footnote_labels) {
      auto found = footnotes_.find(label);
      if (found != footnotes_.end()) paragraph.footnotes.push_back(found->second);
    }
    return paragraph;
  }

  // ⚑ "a numbered paragraph is <slug>.p<N>, a numbered paragraph of an annex <slug>.annex.p<N>".
  void AddNumbered(cmark_node* item) {
    Paragraph paragraph = Start(item);
    paragraph.number = ItemNumber(item, lines_);
    auto [key, repeated] = keys_.Next(paragraph.number, part_ == Part::kAnnex);
    paragraph.id = slug() + "." + key;
    if (repeated) {
      result_.problems.push_back({{path_, paragraph.line, 1, ""},
                                  "paragraph number " + paragraph.number +
                                      " seen again; its id is " + paragraph.id,
                                  Severity::kWarning});
    }
    if (part_ == Part::kMain) numbered_main_ = true;
    result_.document.paragraphs.push_back(std::move(paragraph));
  }

  // Unnumbered text is merged per id: the preamble, the annex's text, the cover/main text.
  void AddUnnumbered(cmark_node* node) {
    Paragraph paragraph = Start(node);
    if (paragraph.text.empty() && !paragraph.flagged) return;
    bool resolution = result_.document.report.meta.type == "resolution";
    if (part_ == Part::kMain && resolution && !numbered_main_) paragraph.part = Part::kPreamble;
    paragraph.id = slug() + (paragraph.part == Part::kPreamble ? ".preamble"
                             : paragraph.part == Part::kAnnex  ? ".annex"
                                                               : "");
    auto found = merged_.find(paragraph.id);
    if (found == merged_.end()) {
      merged_[paragraph.id] = result_.document.paragraphs.size();
      result_.document.paragraphs.push_back(std::move(paragraph));
      return;
    }
    Paragraph& into = result_.document.paragraphs[found->second];
    into.text += (into.text.empty() ? "" : "\n") + paragraph.text;
    into.markdown += "\n" + paragraph.markdown;
    into.flagged = into.flagged || paragraph.flagged;
    for (std::string& note : paragraph.footnotes) into.footnotes.push_back(std::move(note));
  }

  // An order-unverified comment on a line of its own ends the paragraph before it.
  void FlagPrevious(cmark_node* node) {
    if (Literal(node).find(kOrderUnverifiedMark) == std::string::npos) return;
    if (!result_.document.paragraphs.empty()) result_.document.paragraphs.back().flagged = true;
  }

  std::string path_;
  std::vector<std::string> lines_;
  ParseResult& result_;
  std::map<std::string, std::string> footnotes_;  // label -> text
  std::vector<Heading> stack_;
  NumberKeys keys_;
  std::map<std::string, size_t> merged_;  // unnumbered id -> index in paragraphs
  Part part_ = Part::kMain;
  bool numbered_main_ = false;
};

}  // namespace

const char* PartName(Part part) {
  switch (part) {
    case Part::kPreamble:
      return "preamble";
    case Part::kAnnex:
      return "annex";
    case Part::kMain:
      break;
  }
  return "main";
}

std::string Paragraph::Rest(const std::string& slug) const {
  if (id.size() > slug.size() && id.compare(0, slug.size(), slug) == 0 && id[slug.size()] == '.')
    return id.substr(slug.size() + 1);
  return "";
}

const Paragraph* Document::Find(const std::string& id) const {
  for (const Paragraph& paragraph : paragraphs)
    if (paragraph.id == id) return &paragraph;
  return nullptr;
}

ParseResult ParseReport(const std::string& path, const std::string& text) {
  ParseResult result;
  model::ParsedReport front = model::ParseReport(path, text);
  result.problems = std::move(front.problems);
  model::Report report = std::move(front.report);
  // Without front matter the whole file is the body, so its paragraphs are still found.
  if (!model::SplitFrontMatter(text)) {
    report.body = text;
    report.body_line = 1;
  }
  CmarkNodePtr root = ParseCommonMark(report.body);
  Parser parser(path, std::move(report), result);
  parser.Run(root.get());
  return result;
}

}  // namespace sijill::markdown
