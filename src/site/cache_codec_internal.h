// The byte format of the site's build caches (snapshot_cache_internal.h, history_internal.h):
// little-endian integers, strings as a 32-bit length then the bytes, and a checksum that covers
// what it closes, so a truncated or damaged file is refused instead of read as something else.
// Header-only: small inline helpers used by two files.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sijill/checksum.h"

namespace sijill::site::internal {

// A damaged, truncated or foreign cache file; the caller falls back to a full build.
struct CacheDamaged : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using sijill::Checksum;

class CacheWriter {
 public:
  void U8(uint8_t value) { out_.push_back(static_cast<char>(value)); }
  void U32(uint32_t value) { Raw(&value, 4); }
  void U64(uint64_t value) { Raw(&value, 8); }
  void I64(int64_t value) { Raw(&value, 8); }
  void Str(std::string_view value) {
    U32(static_cast<uint32_t>(value.size()));
    out_.append(value);
  }
  // Appends the checksum of everything written since `from` (a size() taken before).
  void Seal(size_t from) { U64(Checksum(std::string_view(out_).substr(from))); }
  size_t size() const { return out_.size(); }
  std::string& bytes() { return out_; }

 private:
  void Raw(const void* data, size_t n) { out_.append(static_cast<const char*>(data), n); }
  std::string out_;
};

class CacheReader {
 public:
  explicit CacheReader(std::string_view bytes) : in_(bytes) {}
  uint8_t U8() { return static_cast<uint8_t>(Take(1)[0]); }
  uint32_t U32() { return Fixed<uint32_t>(); }
  uint64_t U64() { return Fixed<uint64_t>(); }
  int64_t I64() { return Fixed<int64_t>(); }
  std::string Str() {
    uint32_t n = U32();
    return std::string(Take(n));
  }
  // A string as a view of the bytes read (valid as long as they are).
  std::string_view View() {
    uint32_t n = U32();
    return Take(n);
  }
  // The bytes read since `from` (a value's encoding, to copy or decode later).
  std::string_view Since(size_t from) const { return in_.substr(from, at_ - from); }
  // Reads a checksum and compares it with the bytes read since `from`.
  void CheckSeal(size_t from) {
    std::string_view covered = in_.substr(from, at_ - from);
    if (U64() != Checksum(covered)) throw CacheDamaged("checksum mismatch");
  }
  size_t at() const { return at_; }
  bool done() const { return at_ == in_.size(); }

 private:
  template <typename T>
  T Fixed() {
    T value;
    std::memcpy(&value, Take(sizeof value).data(), sizeof value);
    return value;
  }
  std::string_view Take(size_t n) {
    if (n > in_.size() - at_) throw CacheDamaged("truncated");
    std::string_view out = in_.substr(at_, n);
    at_ += n;
    return out;
  }
  std::string_view in_;
  size_t at_ = 0;
};

}  // namespace sijill::site::internal
