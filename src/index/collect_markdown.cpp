#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "index/collect_internal.h"

namespace sijill::index::internal {

namespace {

constexpr const char* kUnverified = "<!-- sijill: order-unverified -->";

struct FrontMatter {
  YAML::Node node;
  std::string body;
  int body_line = 1;
};

FrontMatter SplitFrontMatter(const std::string& path, const std::string& content,
                             Problems& problems) {
  FrontMatter out;
  out.body = content;
  if (content.rfind("---\n", 0) != 0) return out;
  size_t end = content.find("\n---\n", 3);
  if (end == std::string::npos) {
    problems.push_back({{path, 1, 1, ""}, "front matter is not closed by '---'"});
    return out;
  }
  std::string yaml = content.substr(4, end - 3);
  out.body = content.substr(end + 5);
  for (size_t i = 0; i <= end + 4; ++i) out.body_line += content[i] == '\n';
  try {
    out.node = YAML::Load(yaml);
  } catch (const YAML::Exception& error) {
    problems.push_back({{path, error.mark.line + 2, error.mark.column + 1, ""}, error.msg});
  }
  return out;
}

std::string Field(const YAML::Node& node, const char* key) {
  if (!node || !node.IsMap()) return "";
  YAML::Node value = node[key];
  return value && value.IsScalar() ? value.as<std::string>() : "";
}

bool IsHeading(const std::string& line) {
  size_t hashes = line.find_first_not_of('#');
  return hashes > 0 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ';
}

// "12. text" at the start of a line: the paragraph number, or -1.
int NumberedItem(const std::string& line, std::string& rest) {
  size_t i = 0;
  while (i < line.size() && i < 6 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == 0 || i + 1 >= line.size() || line[i] != '.' || line[i + 1] != ' ') return -1;
  rest = line.substr(i + 2);
  return std::stoi(line.substr(0, i));
}

bool IsAnnexHeading(const std::string& line) {
  if (line.rfind("# ", 0) != 0) return false;
  std::string text = line.substr(2);
  return text.rfind("المرفق", 0) == 0 || text.rfind("Annex", 0) == 0 ||
         text.rfind("ANNEX", 0) == 0;
}

bool IsFootnoteDefinition(const std::string& line) {
  size_t close = line.find("]:");
  return line.rfind("[^", 0) == 0 && close != std::string::npos && close > 2;
}

// label → text of every footnote definition of the body.
std::map<std::string, std::string> Footnotes(const std::string& body) {
  std::map<std::string, std::string> notes;
  std::istringstream lines(body);
  std::string label;
  for (std::string line; std::getline(lines, line);) {
    if (IsFootnoteDefinition(line)) {
      size_t close = line.find("]:");
      label = line.substr(2, close - 2);
      notes[label] = line.substr(close + 2);
    } else if (!label.empty() && !line.empty() && line[0] == ' ') {
      notes[label] += "\n" + line;
    } else if (!line.empty()) {
      label.clear();
    }
  }
  return notes;
}

void AttachNotes(IndexDoc& doc, const std::string& markdown,
                 const std::map<std::string, std::string>& notes) {
  for (size_t i = 0; (i = markdown.find("[^", i)) != std::string::npos; i += 2) {
    size_t close = markdown.find(']', i);
    if (close == std::string::npos) break;
    auto it = notes.find(markdown.substr(i + 2, close - i - 2));
    if (it != notes.end()) doc.notes += PlainText(it->second) + "\n";
  }
}

// Accumulates the units of one report while its lines are read.
class Splitter {
 public:
  Splitter(IndexDoc base, bool is_resolution) : base_(std::move(base)), resolution_(is_resolution) {
    report_ = base_;
    report_.id = base_.id;
  }

  // Footnote definitions ("[^1]: text", FORMAT.md) close the body: they and what follows
  // belong to the report; each paragraph also indexes the notes it refers to.
  void Line(const std::string& line) {
    if (footnotes_ || IsFootnoteDefinition(line)) {
      if (!footnotes_) Flush();
      footnotes_ = true;
      report_.text += line + "\n";
      return;
    }
    std::string rest;
    int number = NumberedItem(line, rest);
    bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (IsHeading(line)) {
      Flush();
      if (IsAnnexHeading(line)) annex_ = true;
      section_ = line.substr(line.find(' ') + 1);
      report_.text += section_ + "\n";
    } else if (number >= 0) {
      Flush();
      StartNumbered(number, rest);
    } else if (blank) {
      if (!numbered_) Flush();
      after_blank_ = true;
      return;
    } else if (numbered_ && (!after_blank_ || line[0] == ' ' || line[0] == '\t')) {
      current_ += "\n" + line;
    } else {
      if (numbered_) Flush();
      current_ += (current_.empty() ? "" : "\n") + line;
    }
    after_blank_ = false;
  }

  std::vector<IndexDoc> Finish(const std::map<std::string, std::string>& notes) {
    Flush();
    for (IndexDoc* doc : {&preamble_, &annex_text_}) AttachNotes(*doc, doc->text, notes);
    for (size_t i = 0; i < paragraphs_.size(); ++i) AttachNotes(paragraphs_[i], raw_[i], notes);
    std::vector<IndexDoc> out;
    report_.text = PlainText(report_.text);
    out.push_back(report_);
    for (auto* extra : {&preamble_, &annex_text_})
      if (!extra->id.empty()) {
        extra->text = PlainText(extra->text);
        out.push_back(*extra);
      }
    out.insert(out.end(), paragraphs_.begin(), paragraphs_.end());
    return out;
  }

 private:
  void StartNumbered(int number, const std::string& rest) {
    numbered_ = true;
    seen_numbered_ = true;
    number_ = number;
    current_ = rest;
  }

  void Flush() {
    if (current_.find_first_not_of(" \t\n") == std::string::npos) {
      current_.clear();
      numbered_ = false;
      return;
    }
    bool unverified = current_.find(kUnverified) != std::string::npos;
    if (numbered_) {
      IndexDoc doc = base_;
      doc.kind = "paragraph";
      // DESIGN.md ⚑ ids: <slug>.p<N>, <slug>.annex.p<N>; FORMAT.md: a repeated number is -dup.
      std::string id = base_.id + (annex_ ? ".annex.p" : ".p") + std::to_string(number_);
      if (!ids_.insert(id).second) id += "-dup";
      doc.id = id;
      doc.paragraph = number_;
      doc.section = section_;
      doc.text = PlainText(current_);
      doc.order_unverified = unverified;
      paragraphs_.push_back(doc);
      raw_.push_back(current_);
    } else {
      IndexDoc* target = &report_;
      if (annex_) target = Extra(annex_text_, ".annex");
      else if (resolution_ && !seen_numbered_) target = Extra(preamble_, ".preamble");
      target->text += current_ + "\n";
      target->order_unverified |= unverified;
    }
    current_.clear();
    numbered_ = false;
  }

  IndexDoc* Extra(IndexDoc& doc, const char* suffix) {
    if (doc.id.empty()) {
      doc = base_;
      doc.kind = "paragraph";
      doc.id = base_.id + suffix;
      doc.section = section_;
    }
    return &doc;
  }

  IndexDoc base_;
  bool resolution_;
  IndexDoc report_, preamble_, annex_text_;
  std::vector<IndexDoc> paragraphs_;
  std::vector<std::string> raw_;  // the Markdown of each paragraph (footnote references)
  std::set<std::string> ids_;
  std::string current_, section_;
  bool footnotes_ = false;
  bool numbered_ = false, seen_numbered_ = false, annex_ = false, after_blank_ = false;
  int number_ = 0;
};

}  // namespace

// Hand-written rather than std::regex: libstdc++'s regex recurses per character and a whole
// report's text would exhaust the stack.
std::string PlainText(const std::string& markdown) {
  std::string out;
  out.reserve(markdown.size());
  // Each test looks at the byte first: a compare per byte and test was a tenth of the site's
  // search index at 20,000 reports.
  for (size_t i = 0; i < markdown.size();) {
    const char c = markdown[i];
    if (c == '<' && markdown.compare(i, 4, "<!--") == 0) {  // HTML comment
      size_t end = markdown.find("-->", i + 4);
      i = end == std::string::npos ? markdown.size() : end + 3;
    } else if (c == '[' && markdown.compare(i, 2, "[^") == 0 && markdown.find(']', i) != std::string::npos) {
      i = markdown.find(']', i) + 1;  // footnote reference or definition label
      if (i < markdown.size() && markdown[i] == ':') ++i;
    } else if (c == ']' && markdown.compare(i, 2, "](") == 0 && markdown.find(')', i) != std::string::npos) {
      i = markdown.find(')', i) + 1;  // link target; the text before it stays
    } else if (markdown[i] == '\\' && i + 1 < markdown.size() &&
               std::ispunct(static_cast<unsigned char>(markdown[i + 1]))) {
      out.push_back(markdown[i + 1]);  // a backslash escape: \[ → [
      i += 2;
    } else if (markdown[i] == '[' || markdown[i] == '*' || markdown[i] == '`') {
      ++i;
    } else if (markdown[i] == ' ' || markdown[i] == '\t' || markdown[i] == '\n' ||
               markdown[i] == '\r') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      ++i;
    } else {
      out.push_back(markdown[i++]);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<IndexDoc> CollectMarkdown(const std::string& path, const std::string& slug,
                                      ReportKind kind, const std::string& content,
                                      Problems& problems) {
  FrontMatter fm = SplitFrontMatter(path, content, problems);
  IndexDoc base;
  base.id = slug;
  base.kind = kind == ReportKind::kBrief ? "brief" : "report";
  base.file = path;
  base.symbol = Field(fm.node, "symbol");
  base.title = Field(fm.node, "title");
  base.type = Field(fm.node, "type");
  base.date = Field(fm.node, "date");
  if (!Field(fm.node, "language").empty()) base.language = Field(fm.node, "language");
  return CollectBody(std::move(base), kind, fm.body);
}

std::vector<IndexDoc> CollectBody(IndexDoc base, ReportKind kind, const std::string& body) {
  if (base.type.empty() && kind == ReportKind::kBrief) base.type = "brief";
  if (kind == ReportKind::kBrief) {
    IndexDoc brief = base;
    brief.text = PlainText(body);
    brief.order_unverified = body.find(kUnverified) != std::string::npos;
    return {brief};
  }
  Splitter splitter(base, base.type == "resolution");
  std::istringstream lines(body);
  for (std::string line; std::getline(lines, line);) splitter.Line(line);
  return splitter.Finish(Footnotes(body));
}

}  // namespace sijill::index::internal
