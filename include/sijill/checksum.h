// A fast 64-bit checksum for sijill's own cache files (the site's build cache, the store's
// shared-index offsets).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace sijill {

// 64-bit checksum of `bytes`, 8 bytes at a step (FNV-1a byte by byte was ~0.2 s on the 150 MB
// cache of a 20,000-report repository; this is ~20 ms). Catches truncation and damage; it is
// not meant to resist a forger (these caches are sijill's own state, rebuilt when damaged).
inline uint64_t Checksum(std::string_view bytes) {
  uint64_t hash = 0x9E3779B97F4A7C15ull ^ bytes.size();
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    hash = (hash ^ word) * 0xFF51AFD7ED558CCDull;
    hash ^= hash >> 29;
  }
  for (; i < bytes.size(); ++i) hash = (hash ^ static_cast<unsigned char>(bytes[i])) * 0x100000001B3ull;
  hash ^= hash >> 33;
  hash *= 0xC4CEB9FE1A85EC53ull;
  return hash ^ (hash >> 33);
}

}  // namespace sijill
