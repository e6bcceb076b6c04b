#include <regex>

#include "markdown/pipe_table_internal.h"

namespace sijill::markdown {

namespace {

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

// Splits "| a | b \| c |" into cells; "\|" is a literal pipe, kept escaped for the inline parse.
std::vector<std::string> Cells(const std::string& row) {
  std::string line = Trim(row);
  if (!line.empty() && line.front() == '|') line.erase(0, 1);
  if (!line.empty() && line.back() == '|' && (line.size() < 2 || line[line.size() - 2] != '\\'))
    line.pop_back();
  std::vector<std::string> cells(1);
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cells.back() += "\\|";
      ++i;
    } else if (line[i] == '|') {
      cells.emplace_back();
    } else {
      cells.back() += line[i];
    }
  }
  for (std::string& cell : cells) cell = Trim(cell);
  return cells;
}

bool IsDelimiterRow(const std::string& row) {
  static const std::regex kDelimiter(R"(^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$)");
  return std::regex_match(row, kDelimiter);
}

const char* Alignment(const std::string& delimiter) {
  bool left = !delimiter.empty() && delimiter.front() == ':';
  bool right = !delimiter.empty() && delimiter.back() == ':';
  return left && right ? " style=\"text-align: center\""
         : right       ? " style=\"text-align: right\""
         : left        ? " style=\"text-align: left\""
                       : "";
}

std::string Row(const std::vector<std::string>& cells, const std::vector<std::string>& aligns,
                const char* tag, const std::function<std::string(const std::string&)>& cell_html) {
  std::string out = "<tr>\n";
  for (size_t i = 0; i < aligns.size(); ++i) {
    std::string text = i < cells.size() ? cells[i] : "";
    out += std::string("<") + tag + Alignment(aligns[i]) + ">" + cell_html(text) + "</" + tag +
           ">\n";
  }
  return out + "</tr>\n";
}

}  // namespace

std::optional<std::string> PipeTableHtml(
    cmark_node* paragraph, const std::vector<std::string>& lines,
    const std::function<std::string(const std::string&)>& cell_html) {
  int first = cmark_node_get_start_line(paragraph);
  int last = cmark_node_get_end_line(paragraph);
  if (first < 1 || last > static_cast<int>(lines.size()) || last - first < 1) return std::nullopt;
  std::vector<std::string> rows;
  for (int line = first; line <= last; ++line) {
    std::string row = Trim(lines[line - 1]);
    if (row.empty() || row.front() != '|') return std::nullopt;
    rows.push_back(row);
  }
  if (!IsDelimiterRow(rows[1])) return std::nullopt;
  std::vector<std::string> header = Cells(rows[0]);
  std::vector<std::string> aligns = Cells(rows[1]);
  if (header.size() != aligns.size()) return std::nullopt;
  std::string out = "<table>\n<thead>\n" + Row(header, aligns, "th", cell_html) + "</thead>\n";
  if (rows.size() > 2) {
    out += "<tbody>\n";
    for (size_t i = 2; i < rows.size(); ++i) out += Row(Cells(rows[i]), aligns, "td", cell_html);
    out += "</tbody>\n";
  }
  return out + "</table>\n";
}

}  // namespace sijill::markdown
