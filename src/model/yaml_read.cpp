#include <algorithm>
#include <cstdio>
#include <set>

#include "model/yaml_read_internal.h"
#include "sijill/text/utf8.h"

namespace sijill::model::internal {

YamlReader::YamlReader(std::string path, std::string_view text, int first_line, Problems* problems)
    : path_(std::move(path)), text_(text), first_line_(first_line), problems_(problems) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

std::optional<YAML::Node> YamlReader::Load() {
  if (auto bad = text::FindInvalidUtf8(text_)) {
    problems_->push_back({{path_, first_line_ + bad->line - 1, bad->column, ""}, "invalid UTF-8"});
    return std::nullopt;
  }
  // YAML 1.2 §5.1: a stream holds printable characters only. yaml-cpp reads a NUL or another
  // C0 control character anyway and garbles what follows it (fuzz_record: "\0N" read as 0x85),
  // so such a file would not survive being written back.
  auto control = std::find_if(text_.begin(), text_.end(), [](char c) {
    unsigned char byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F;
  });
  if (control != text_.end()) {
    size_t offset = static_cast<size_t>(control - text_.begin());
    int line0 =
        static_cast<int>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
                         line_starts_.begin()) -
        1;
    char code[8];
    std::snprintf(code, sizeof code, "%02X", static_cast<unsigned char>(*control));
    problems_->push_back(
        {{path_, first_line_ + line0,
          CharacterColumn(line0, static_cast<int>(offset - line_starts_[line0])), ""},
         std::string("control character U+00") + code + " is not allowed in YAML"});
    return std::nullopt;
  }
  try {
    return YAML::Load(std::string(text_));
  } catch (const YAML::Exception& error) {
    Location where{path_, first_line_ + error.mark.line,
                   CharacterColumn(error.mark.line, error.mark.column), ""};
    problems_->push_back({where, "malformed YAML: " + error.msg});
    return std::nullopt;
  }
}

int YamlReader::CharacterColumn(int line0, int byte_column0) const {
  if (line0 < 0 || static_cast<size_t>(line0) >= line_starts_.size() || byte_column0 < 0) return 1;
  size_t start = line_starts_[line0];
  size_t end = std::min(text_.size(), start + byte_column0);
  int column = 1;
  for (size_t i = start; i < end; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return column;
}

Location YamlReader::At(const YAML::Node& node, const std::string& field) const {
  if (!node.IsDefined()) return {path_, 0, 0, field};
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {path_, first_line_, 1, field};
  return {path_, first_line_ + mark.line, CharacterColumn(mark.line, mark.column), field};
}

void YamlReader::Report(const YAML::Node& node, const std::string& field, std::string message,
                        Severity severity) {
  problems_->push_back({At(node, field), std::move(message), severity});
}

bool YamlReader::CheckKeys(const YAML::Node& map, const std::string& prefix,
                           const std::vector<std::string_view>& known,
                           const std::vector<std::string_view>& required, Severity unknown) {
  if (!map.IsMap()) {
    Report(map, prefix,
           prefix.empty() ? "expected a mapping of keys"
                          : "'" + prefix.substr(0, prefix.size() - 1) + "' must be a mapping");
    return false;
  }
  std::set<std::string> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
    std::string field = prefix + key;
    if (!seen.insert(key).second) {
      Report(it->first, field, "duplicate key '" + field + "'");
    } else if (std::find(known.begin(), known.end(), key) == known.end()) {
      Report(it->first, field,
             "unknown key '" + field + "'" + (unknown == Severity::kWarning ? " (kept)" : ""),
             unknown);
    }
  }
  for (std::string_view key : required)
    if (!seen.count(std::string(key)))
      Report(map, prefix + std::string(key), "missing key '" + prefix + std::string(key) + "'");
  return true;
}

std::string YamlReader::String(const YAML::Node& node, const std::string& field) {
  if (!node.IsDefined()) return {};
  where_[field] = At(node, field);
  if (node.IsNull()) return "";
  if (!node.IsScalar()) {
    Report(node, field, "'" + field + "' must be a single value");
    return "";
  }
  // yaml-cpp decodes the escapes \N and \_ to the single bytes 0x85 and 0xA0, not to UTF-8, so
  // such a value would be written back as invalid UTF-8 (found by fuzz_record).
  if (!text::IsValidUtf8(node.Scalar())) {
    Report(node, field,
           "'" + field + "' is not UTF-8 once its escapes are read (write \\u0085, \\u00A0)");
    return "";
  }
  return node.Scalar();
}

std::vector<std::string> YamlReader::StringList(const YAML::Node& node, const std::string& field) {
  std::vector<std::string> out;
  if (!node.IsDefined()) return out;
  where_[field] = At(node, field);
  if (node.IsNull()) return out;
  if (!node.IsSequence()) {
    Report(node, field, "'" + field + "' must be a list");
    return out;
  }
  for (size_t i = 0; i < node.size(); ++i)
    out.push_back(String(node[i], field + "[" + std::to_string(i) + "]"));
  return out;
}

std::map<std::string, std::string> YamlReader::StringMap(const YAML::Node& node,
                                                         const std::string& field) {
  std::map<std::string, std::string> out;
  if (!node.IsDefined()) return out;
  where_[field] = At(node, field);
  if (node.IsNull()) return out;
  if (!node.IsMap()) {
    Report(node, field, "'" + field + "' must be a mapping");
    return out;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
    out[key] = String(it->second, field + "." + key);
  }
  return out;
}

bool SameYaml(const YAML::Node& a, const YAML::Node& b) {
  // "?" (plain) and "!" (quoted) are the non-specific tags: as YAML::Dump did, a scalar re-emitted
  // without its quotes (a flow list rewritten as a block one) is the same; explicit tags count.
  auto non_specific = [](const std::string& tag) { return tag == "?" || tag == "!"; };
  if (a.Type() != b.Type()) return false;
  if (a.Tag() != b.Tag() && !(non_specific(a.Tag()) && non_specific(b.Tag()))) return false;
  switch (a.Type()) {
    case YAML::NodeType::Scalar:
      return a.Scalar() == b.Scalar();
    case YAML::NodeType::Sequence:
    case YAML::NodeType::Map: {
      if (a.size() != b.size()) return false;
      for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y) {
        if (a.IsSequence() ? !SameYaml(*x, *y)
                           : !SameYaml(x->first, y->first) || !SameYaml(x->second, y->second))
          return false;
      }
      return true;
    }
    default:  // null, undefined
      return true;
  }
}

}  // namespace sijill::model::internal
