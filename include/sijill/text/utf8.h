// UTF-8 validation that says where the first bad byte is, so `sijill check` can report
// `path:line:column: invalid UTF-8`.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace sijill::text {

// Where a byte sequence stops being valid UTF-8.
struct Utf8Error {
  size_t offset = 0;  // byte offset of the first bad byte
  int line = 1;       // 1-based line of that byte
  int column = 1;     // 1-based column, counted in characters (code points) of that line
};

// Returns the first invalid byte, or nullopt when `text` is valid UTF-8. Overlong forms,
// surrogates (U+D800..U+DFFF), code points above U+10FFFF and truncated sequences are invalid.
std::optional<Utf8Error> FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) { return !FindInvalidUtf8(text).has_value(); }

}  // namespace sijill::text
