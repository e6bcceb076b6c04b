// Values computed from one commit of the repository (a record's history from git, a search's
// answer), kept until HEAD moves, so that a busy page does not walk git history or ask Xapian
// again for every reader. Same policy as SearchCache (search_cache_internal.h): everything is
// dropped when the commit changes, and the whole cache is emptied when it is full.
// Thread-safety: all members may be called concurrently.
#pragma once

#include <map>
#include <mutex>
#include <shared_mutex>
#include <optional>
#include <string>

namespace sijill::service::ui {

template <typename Value>
class CommitCache {
 public:
  static constexpr size_t kMaxEntries = 1024;

  std::optional<Value> Get(const std::string& commit, const std::string& key) {
    std::shared_lock lock(mutex_);  // readers of a hot page do not wait for one another
    if (commit != commit_) return std::nullopt;
    auto found = entries_.find(key);
    if (found == entries_.end()) return std::nullopt;
    return found->second;
  }

  void Put(const std::string& commit, const std::string& key, const Value& value) {
    std::lock_guard lock(mutex_);
    if (commit != commit_ || entries_.size() >= kMaxEntries) {
      entries_.clear();
      commit_ = commit;
    }
    entries_[key] = value;
  }

 private:
  std::shared_mutex mutex_;
  std::string commit_ = "-";
  std::map<std::string, Value> entries_;
};

}  // namespace sijill::service::ui
