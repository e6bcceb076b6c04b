// Reading YAML with yaml-cpp while collecting Problems that point at file:line:column.
// Shared by records, report front matter and sijill.yaml.
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sijill/error.h"

namespace sijill::model::internal {

// Collects problems about one YAML text that starts at line `first_line` of file `path`.
class YamlReader {
 public:
  YamlReader(std::string path, std::string_view text, int first_line, Problems* problems);

  // Validates UTF-8 and parses; reports a problem and returns nullopt when either fails.
  std::optional<YAML::Node> Load();

  // The file position of a node (yaml-cpp marks are 0-based, columns in bytes; ours are
  // 1-based, columns in characters).
  Location At(const YAML::Node& node, const std::string& field) const;
  void Report(const YAML::Node& node, const std::string& field, std::string message,
              Severity severity = Severity::kError);

  // Reports duplicate keys, keys not in `known` and missing keys of `required`;
  // `prefix` is prepended to field names ("source." ...). Returns false if `map` is no mapping.
  bool CheckKeys(const YAML::Node& map, const std::string& prefix,
                 const std::vector<std::string_view>& known,
                 const std::vector<std::string_view>& required,
                 Severity unknown = Severity::kError);

  // A scalar as a string; null gives "". Anything else is reported.
  std::string String(const YAML::Node& node, const std::string& field);
  // A sequence of scalars; null gives {}. Anything else is reported.
  std::vector<std::string> StringList(const YAML::Node& node, const std::string& field);
  // A mapping of scalar to scalar; null gives {}.
  std::map<std::string, std::string> StringMap(const YAML::Node& node, const std::string& field);

  // Field → position, for every field read through this reader.
  const std::map<std::string, Location>& where() const { return where_; }

 private:
  int CharacterColumn(int line0, int byte_column0) const;

  std::string path_;
  std::string_view text_;
  int first_line_;
  Problems* problems_;
  std::vector<size_t> line_starts_;
  std::map<std::string, Location> where_;
};

// True when two nodes hold the same YAML: kind, explicit tag, scalar text, items and keys in
// order.
// Unlike comparing YAML::Dump, which emits both (~20 µs a record key), it builds nothing.
bool SameYaml(const YAML::Node& a, const YAML::Node& b);

}  // namespace sijill::model::internal
