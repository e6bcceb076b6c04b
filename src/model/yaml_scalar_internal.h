// Writing YAML scalars by hand, so that records have one canonical, diff-friendly form:
// plain when that is safe, a block literal `|` for multi-line text, double quotes otherwise.
// Every form here is read back unchanged by yaml-cpp (tests/unit/model/record_yaml_test.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sijill::model::internal {

enum class ScalarContext { kBlock, kFlow };

// True when `value` can be written without quotes and reads back as the same string.
bool IsPlainSafe(std::string_view value, ScalarContext context);

// `value` in double quotes with YAML escapes.
std::string DoubleQuoted(std::string_view value);

// The text that follows "key:" for a scalar value (with its leading space), for a key whose
// line is indented by `indent` spaces: " plain", " \"quoted\"" or " |\n  line\n  line".
// Multi-line values end with a newline; single-line ones do not.
std::string ScalarAfterKey(std::string_view value, int indent);

// " [a, b]" or " []" for a list of short strings.
std::string FlowList(const std::vector<std::string>& items);

}  // namespace sijill::model::internal
