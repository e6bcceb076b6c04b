// UTF-8 <-> UTF-32 for the text layer's own loops (private; the public UTF-8 helpers are
// text/utf8.h).
#pragma once

#include <string>
#include <string_view>

namespace sijill::text::internal {

std::u32string ToUtf32(std::string_view utf8);
std::string ToUtf8(std::u32string_view utf32);
void AppendUtf8(std::string& out, char32_t c);

// `utf8` in NFKC (ill-formed bytes as U+FFFD). `quick_check`: text already NFKC is returned as
// it is, not normalised (the same result; false for tests comparing the two).
std::u32string Nfkc(std::string_view utf8, bool quick_check);

inline bool IsAsciiAlnum(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
}

}  // namespace sijill::text::internal
