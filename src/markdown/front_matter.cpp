#include <yaml-cpp/yaml.h>

#include "markdown/front_matter_internal.h"

namespace sijill::markdown {

namespace {

bool IsDelimiter(const std::string& text, size_t begin, size_t end) {
  std::string line = text.substr(begin, end - begin);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line == "---";
}

}  // namespace

FrontMatterSplit SplitFrontMatter(const std::string& text) {
  FrontMatterSplit split;
  split.body = text;
  size_t first_end = text.find('\n');
  if (first_end == std::string::npos || !IsDelimiter(text, 0, first_end)) return split;
  size_t begin = first_end + 1;
  int line = 2;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (IsDelimiter(text, begin, end)) {
      split.found = true;
      split.yaml = text.substr(first_end + 1, begin - first_end - 1);
      split.body = end < text.size() ? text.substr(end + 1) : "";
      split.body_line = line + 1;
      return split;
    }
    begin = end + 1;
    ++line;
  }
  return split;
}

model::FrontMatter ReadFrontMatter(const std::string& yaml, const std::string& path,
                                   Problems& problems) {
  model::FrontMatter meta;
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& error) {
    // +2: the YAML starts on line 2, after the opening "---"; yaml-cpp lines are 0-based.
    problems.push_back({{path, error.mark.line + 2, error.mark.column + 1, ""}, error.msg});
    return meta;
  }
  if (!root.IsMap()) {
    problems.push_back({{path, 1, 0, ""}, "front matter is not a mapping"});
    return meta;
  }
  for (const auto& entry : root) {
    std::string key = entry.first.as<std::string>("");
    if (!entry.second.IsScalar()) continue;  // lists (furniture, ...) are not needed here
    std::string value = entry.second.as<std::string>("");
    if (key == "symbol") meta.symbol = value;
    else if (key == "title") meta.title = value;
    else if (key == "type") meta.type = value;
    else if (key == "body") meta.body = value;
    else if (key == "date") meta.date = value;
    else if (key == "language") meta.language = value;
    else if (key == "session") meta.session = value;
    else if (key == "agenda_item") meta.agenda_item = value;
    else if (key == "source") meta.source = value;
    else if (key == "symbol_confidence") meta.symbol_confidence = value;
    else meta.extra[key] = value;
  }
  return meta;
}

}  // namespace sijill::markdown
