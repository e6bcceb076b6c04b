// The output directory of the site and its manifest (site.h "Incremental").
// OUT/.sijill-site-manifest: a line per page, "<key> <content hash> <path>" (output.cpp).
// Thread-safety: Fresh/Put/Keep may be called from several threads at once.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace sijill::site::internal {

// FNV-1a, 64 bits: stable across runs and builds (std::hash is not), cheap, and collisions only
// cost a missed rewrite of one page if two different inputs ever met.
class Key {
 public:
  Key& Add(std::string_view part);
  Key& Add(uint64_t part);
  uint64_t value() const { return hash_; }

 private:
  uint64_t hash_ = 14695981039346656037ull;
};

uint64_t Hash(std::string_view bytes);

class Output {
 public:
  explicit Output(std::string root);  // reads the manifest, if any

  // True when `path` was made from the same key last time and is still there: nothing to do.
  bool Fresh(const std::string& path, uint64_t key);
  // Records `content` for `path`; writes the file only when the bytes differ from last time.
  void Put(const std::string& path, uint64_t key, const std::string& content);

  // The pages of the last build whose path starts with `prefix`, with their keys: for a group
  // of pages listed from what they were made of last time (the search index).
  std::vector<std::pair<std::string, uint64_t>> PreviousUnder(const std::string& prefix) const;

  // Removes the files of the last build that were not part of this one and writes the manifest.
  void Finish();

  size_t pages() const;
  size_t rendered() const { return rendered_; }
  size_t removed() const { return removed_; }
  std::vector<std::string> written() const;

 private:
  struct Entry {
    uint64_t key = 0;
    uint64_t content = 0;
  };
  void ReadManifest();

  std::string root_;
  std::map<std::string, Entry> old_;
  std::unordered_set<std::string> existing_;  // files in root_ when the build started
  std::map<std::string, Entry> now_;
  std::vector<std::string> written_;
  size_t rendered_ = 0;
  size_t removed_ = 0;
  mutable std::mutex mutex_;
};

}  // namespace sijill::site::internal
