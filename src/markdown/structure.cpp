#include <algorithm>

#include "markdown/structure_internal.h"

namespace sijill::markdown {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    begin = end + 1;
  }
  return lines;
}

bool OpensAnnex(int level, const std::string& text) {
  return level == 1 && (text.rfind("المرفق", 0) == 0 || text.rfind("Annex", 0) == 0 ||
                        text.rfind("ANNEX", 0) == 0);
}

std::string ItemNumber(cmark_node* item, const std::vector<std::string>& lines) {
  int line_number = cmark_node_get_start_line(item);
  if (line_number < 1 || line_number > static_cast<int>(lines.size())) return "";
  const std::string& line = lines[line_number - 1];
  size_t at = static_cast<size_t>(std::max(cmark_node_get_start_column(item) - 1, 0));
  at = std::min(line.find_first_not_of(' ', at), line.size());
  size_t end = std::min(line.find_first_not_of("0123456789", at), line.size());
  return line.substr(at, end - at);
}

std::pair<std::string, bool> NumberKeys::Next(const std::string& number, bool annex) {
  std::string key = (annex ? "annex.p" : "p") + number;
  int seen = ++seen_[key];
  if (seen == 1) return {key, false};
  return {key + (seen == 2 ? "-dup" : "-dup" + std::to_string(seen)), true};
}

}  // namespace sijill::markdown
