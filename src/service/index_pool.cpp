#include <chrono>
#include <thread>

#include "service/index_pool_internal.h"
#include "sijill/error.h"
#include "sijill/index/indexer.h"
#include "sijill/index/lineage.h"
#include "sijill/index/terms.h"

namespace sijill::service {

namespace {
// A `sijill index` run by hand holds the writer lock for a few seconds at most on our corpus;
// wait up to a minute before giving up.
constexpr int kLockAttempts = 600;
constexpr auto kLockWait = std::chrono::milliseconds(100);
}  // namespace

IndexPool::IndexPool(const store::Repository& repository, std::string db_path)
    : repository_(repository), db_path_(std::move(db_path)) {}

void IndexPool::CatchUp(const std::string& head) {
  std::lock_guard lock(write_mutex_);
  if (!commit_.empty() && commit_ == head) return;
  for (int attempt = 1;; ++attempt) {
    try {
      index::IndexStats stats = index::UpdateIndex(repository_, db_path_);
      if (stats.commit != commit_) ++generation_;
      commit_ = stats.commit;
      return;
    } catch (const Error& error) {
      if (error.kind() != Error::Kind::kConflict || attempt == kLockAttempts) throw;
      std::this_thread::sleep_for(kLockWait);
    }
  }
}

std::string IndexPool::commit() {
  std::lock_guard lock(write_mutex_);
  return commit_;
}

std::unique_ptr<IndexPool::Handle> IndexPool::Acquire() {
  std::unique_ptr<Handle> handle;
  {
    std::lock_guard lock(pool_mutex_);
    if (!free_.empty()) {
      handle = std::move(free_.back());
      free_.pop_back();
    }
  }
  uint64_t generation = generation_.load();
  if (!handle) {
    handle = std::make_unique<Handle>(Handle{Xapian::Database(db_path_), generation});
  } else if (handle->generation != generation) {
    handle->db.reopen();
    handle->generation = generation;
  }
  return handle;
}

void IndexPool::Release(std::unique_ptr<Handle> handle) {
  std::lock_guard lock(pool_mutex_);
  free_.push_back(std::move(handle));
}

index::SearchResponse IndexPool::Search(const index::SearchRequest& request) {
  std::unique_ptr<Handle> handle = Acquire();
  index::SearchResponse response;
  try {
    response = index::Search(handle->db, request);
  } catch (const Xapian::DatabaseModifiedError&) {
    // Xapian's advice: reopen and try again (the writer moved on while we read).
    handle->db.reopen();
    response = index::Search(handle->db, request);
  }
  Release(std::move(handle));
  return response;
}

std::vector<index::Suggestion> IndexPool::Suggest(const std::string& id,
                                                  const index::SuggestOptions& options) {
  std::unique_ptr<Handle> handle = Acquire();
  std::vector<index::Suggestion> suggestions;
  try {
    suggestions = index::Suggest(handle->db, id, options);
  } catch (const Xapian::DatabaseModifiedError&) {
    handle->db.reopen();  // as in Search: the writer moved on while we read
    suggestions = index::Suggest(handle->db, id, options);
  }
  Release(std::move(handle));
  return suggestions;
}

std::map<std::string, std::vector<std::string>> IndexPool::Lineage(
    const records::Snapshot& snapshot) {
  std::unique_ptr<Handle> handle = Acquire();
  std::map<std::string, std::vector<std::string>> lineage;
  try {
    lineage = index::FindLineage(handle->db, snapshot);
  } catch (const Xapian::DatabaseModifiedError&) {
    handle->db.reopen();  // as in Search
    lineage = index::FindLineage(handle->db, snapshot);
  }
  Release(std::move(handle));
  return lineage;
}

void IndexPool::Check() {
  Xapian::Database db(db_path_);
  if (db.get_metadata(index::kMetaCommit).empty() && !repository_.Head().empty())
    throw Error(Error::Kind::kIo, db_path_ + ": the index reflects no commit");
}

}  // namespace sijill::service
