// Answers of /api/search for the current commit, so repeated queries (the home page, a facet
// click) skip Xapian. Everything is dropped when HEAD moves. At most kMaxEntries answers are
// kept; when full, the cache is emptied (simpler than LRU and as good for a hot set this small).
// Thread-safety: all members may be called concurrently.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "sijill/index/searcher.h"

namespace sijill::service {

class SearchCache {
 public:
  static constexpr size_t kMaxEntries = 512;

  static std::string Key(const index::SearchRequest& request) {
    std::string key = request.query + '\0' + request.similar + '\0' +
                      std::to_string(request.offset) + '\0' + std::to_string(request.limit);
    for (const auto& [name, value] : request.filters) key += '\0' + name + '=' + value;
    return key;
  }

  std::optional<std::string> Get(const std::string& commit, const std::string& key) {
    std::lock_guard lock(mutex_);
    if (commit != commit_) return std::nullopt;
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    return it->second;
  }

  void Put(const std::string& commit, const std::string& key, const std::string& body) {
    std::lock_guard lock(mutex_);
    if (commit != commit_ || entries_.size() >= kMaxEntries) {
      entries_.clear();
      commit_ = commit;
    }
    entries_[key] = body;
  }

 private:
  std::mutex mutex_;
  std::string commit_;
  std::map<std::string, std::string> entries_;
};

}  // namespace sijill::service
