// Pieces of git's index file format (Documentation/gitformat-index.txt) used by the fast index
// editor (index_file.cpp): big-endian fields, entry offsets, the cache tree, and the output.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sijill::store::worktree::index_format {

constexpr size_t kHeaderSize = 12;
constexpr size_t kHashSize = 20;
constexpr size_t kNameOffset = 62;  // the fixed part of an entry, up to its name
constexpr size_t kMtimeOffset = 8;
constexpr size_t kSizeOffset = 36;
constexpr size_t kIdOffset = 40;
constexpr size_t kFlagsOffset = 60;

inline uint32_t Get32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | u[3];
}

inline void Set32(char* p, uint32_t value) {
  for (int i = 3; i >= 0; --i, value >>= 8) p[i] = static_cast<char>(value & 0xff);
}

inline void Append32(std::string& out, uint32_t value) {
  char bytes[4];
  Set32(bytes, value);
  out.append(bytes, 4);
}

// Throws Error kIo with strerror(errno).
[[noreturn]] void ThrowErrno(const std::string& what);


// Every directory whose cache-tree node a change to `path` makes stale: "", "a", "a/b".
void AddDirs(const std::string& path, std::set<std::string>& dirs);

// The TREE extension's payload with the nodes of `stale` directories marked invalid ("-1");
// nullopt when it is malformed (then it is simply left out).
std::optional<std::string> InvalidateCacheTree(std::string_view payload,
                                               const std::set<std::string>& stale);

// An EWAH bitmap (split index, index_ewah.cpp) at `pos`, as its set positions in ascending
// order; `pos` moves past it. nullopt when it is malformed.
std::optional<std::vector<uint32_t>> ReadEwah(std::string_view data, size_t& pos);
// Appends the bitmap with the given positions (ascending) set.
void AppendEwah(std::string& out, const std::vector<uint32_t>& bits);

// The new index as a list of byte ranges, owned or borrowed (from the mapped old index).
class Output {
 public:
  // Adjacent borrowed ranges are written as one.
  void Borrow(const char* data, size_t size) {
    if (size == 0) return;
    if (!segments_.empty() && segments_.back().data() + segments_.back().size() == data) {
      segments_.back() = std::string_view(segments_.back().data(), segments_.back().size() + size);
    } else {
      segments_.emplace_back(data, size);
    }
  }
  // The bytes may be changed in place afterwards, but not resized.
  std::string& Own(std::string bytes) {
    owned_.push_back(std::move(bytes));
    segments_.emplace_back(owned_.back());
    return owned_.back();
  }
  // Appends the SHA-1 of everything so far, the index's trailer, and returns it.
  std::string AppendHash();
  void WriteTo(int fd, const std::string& name) const;

 private:
  std::deque<std::string> owned_;  // a deque keeps its elements in place
  std::vector<std::string_view> segments_;
};

}  // namespace sijill::store::worktree::index_format
