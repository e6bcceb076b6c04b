// The service's search index: one writer (catching up under a mutex) and a pool of read-only
// Xapian::Database handles, one per concurrent search, reopened when the index moved on.
// Thread-safety: all members may be called concurrently.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <xapian.h>

#include "sijill/index/searcher.h"
#include "sijill/index/suggest.h"
#include "sijill/records/snapshot.h"
#include "sijill/store/repository.h"

namespace sijill::service {

class IndexPool {
 public:
  IndexPool(const store::Repository& repository, std::string db_path);

  // Brings the index to HEAD unless it already reflects `head` (cheap then). A concurrent
  // `sijill index` in another process is waited for.
  void CatchUp(const std::string& head);
  index::SearchResponse Search(const index::SearchRequest& request);
  std::vector<index::Suggestion> Suggest(const std::string& id,
                                         const index::SuggestOptions& options);
  // index::FindLineage over the pool's handle: record id → earlier records it repeats.
  std::map<std::string, std::vector<std::string>> Lineage(const records::Snapshot& snapshot);
  std::string commit();
  void Check();  // throws unless the index opens and reflects a commit

 private:
  struct Handle {
    Xapian::Database db;
    uint64_t generation = 0;
  };
  std::unique_ptr<Handle> Acquire();
  void Release(std::unique_ptr<Handle> handle);

  const store::Repository& repository_;
  std::string db_path_;
  std::mutex write_mutex_;
  std::string commit_;  // guarded by write_mutex_
  std::atomic<uint64_t> generation_{0};
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<Handle>> free_;  // guarded by pool_mutex_
};

}  // namespace sijill::service
