#include <algorithm>

#include "model/record_edit_internal.h"
#include "sijill/error.h"
#include "sijill/model/record_yaml.h"

namespace sijill::model::internal {

namespace {

bool IsFiller(const std::string& line) {
  return line.find_first_not_of(" \t") == std::string::npos || line.starts_with("#");
}

}  // namespace

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

RecordLayout::RecordLayout(std::string_view text) : lines_(SplitLines(text)) {
  ParsedRecord parsed = ParseRecord("", text);
  if (!parsed.parsed) {
    const Problem& problem = parsed.problems.front();
    throw Error(Error::Kind::kInvalid, "cannot edit the record: " + problem.message, problem.where);
  }
  root_ = YAML::Load(std::string(text));
  if (!root_.IsMap() || root_.Style() == YAML::EmitterStyle::Flow)
    throw Error(Error::Kind::kInvalid,
                "cannot edit the record: it is not a mapping written in block style");
  for (auto it = root_.begin(); it != root_.end(); ++it) {
    TopLevelKey key;
    key.name = it->first.IsScalar() ? it->first.Scalar() : "";
    key.value = it->second;
    key.line = it->first.Mark().line;
    keys_.push_back(key);
  }
  for (size_t i = 0; i < keys_.size(); ++i) {
    TopLevelKey& key = keys_[i];
    key.region_end = i + 1 < keys_.size() ? keys_[i + 1].line : static_cast<int>(lines_.size());
    key.content_end = key.region_end;
    while (key.content_end > key.line + 1 && IsFiller(lines_[key.content_end - 1]))
      --key.content_end;
  }
}

const TopLevelKey* RecordLayout::Find(std::string_view name) const {
  for (const TopLevelKey& key : keys_)
    if (key.name == name) return &key;
  return nullptr;
}

std::string RecordLayout::Apply(std::vector<LineEdit> edits) const {
  // Later edits first, so earlier line numbers stay valid; at the same place a replacement
  // goes before an insertion, so the insertion ends up in front of it.
  std::sort(edits.begin(), edits.end(), [](const LineEdit& a, const LineEdit& b) {
    return a.begin != b.begin ? a.begin > b.begin : a.end > b.end;
  });
  std::vector<std::string> lines = lines_;
  for (const LineEdit& edit : edits) {
    lines.erase(lines.begin() + edit.begin, lines.begin() + edit.end);
    lines.insert(lines.begin() + edit.begin, edit.lines.begin(), edit.lines.end());
  }
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

}  // namespace sijill::model::internal
