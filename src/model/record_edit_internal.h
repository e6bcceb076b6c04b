// The line structure of a record file, for the minimal-diff edits of record_edit.h.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "sijill/model/record_yaml.h"

namespace sijill::model::internal {

struct TopLevelKey {
  std::string name;
  YAML::Node value;
  int line = 0;         // 0-based line of the key
  int region_end = 0;   // first line of the next key (or the number of lines)
  int content_end = 0;  // after the value's last line: trailing blank and column-0 comment
                        // lines before the next key are not part of it
};

// One replacement of lines [begin, end) by `lines`; end == begin inserts.
struct LineEdit {
  int begin = 0;
  int end = 0;
  std::vector<std::string> lines;
};

class RecordLayout {
 public:
  // Throws Error kInvalid when `text` is not a YAML mapping written in block style.
  explicit RecordLayout(std::string_view text);

  const std::vector<std::string>& lines() const { return lines_; }
  const YAML::Node& root() const { return root_; }
  // nullptr when the key is absent.
  const TopLevelKey* Find(std::string_view name) const;

  // Applies non-overlapping edits (any order) and returns the new text, always ending with
  // a newline.
  std::string Apply(std::vector<LineEdit> edits) const;

 private:
  std::vector<std::string> lines_;
  YAML::Node root_;
  std::vector<TopLevelKey> keys_;
};

// ParseRecord, also giving the parsed document (left as it was when the text does not parse),
// for a caller that needs both without parsing twice.
ParsedRecord ParseRecordKeepingRoot(const std::string& path, std::string_view text,
                                    YAML::Node& root_out);

// Splits a block of text ending with '\n' into lines without their '\n'.
std::vector<std::string> SplitLines(std::string_view text);

}  // namespace sijill::model::internal
