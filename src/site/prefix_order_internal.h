// Sorting many strings that share long beginnings (record ids: "ctoc-cop-wg.4-2005-1.p6", five
// different first 16 bytes among 100,000 ids of a generated corpus): each string's first 32 bytes
// as four big-endian integers, compared first, so most comparisons are a few integer compares
// instead of a memcmp call over a long common prefix (sorting 100,000 record ids by
// std::string_view was ~50 ms of a 20,000-report rebuild, mostly in memcmp). Header-only.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace sijill::site::internal {

struct PrefixKey {
  uint64_t words[4] = {};  // bytes 0-31, big-endian, zero-padded
  std::string_view text;
};

inline PrefixKey PrefixOf(std::string_view text) {
  unsigned char bytes[32] = {};
  std::memcpy(bytes, text.data(), text.size() < 32 ? text.size() : 32);
  PrefixKey key;
  for (int w = 0; w < 4; ++w)
    for (int i = 0; i < 8; ++i) key.words[w] = key.words[w] << 8 | bytes[8 * w + i];
  key.text = text;
  return key;
}

// The order of the texts as std::string_view's: the prefixes decide unless they are equal, then
// the whole texts do (also for texts with NUL bytes, which the zero padding cannot tell apart).
inline int ComparePrefixed(const PrefixKey& a, const PrefixKey& b) {
  for (int w = 0; w < 4; ++w)
    if (a.words[w] != b.words[w]) return a.words[w] < b.words[w] ? -1 : 1;
  return a.text.compare(b.text);
}

}  // namespace sijill::site::internal
