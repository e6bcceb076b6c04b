// The change history of every record, for the record pages, from one walk of the first-parent
// line (store::Repository::Log) instead of one walk per record (RecordStore::History): on a
// repository of 8,000 records that was 8,000 walks, each re-reading and re-parsing the record.
// Built on first use, so an incremental build that renders no record page never walks.
// Thread-safety: Of may be called from several threads at once.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "sijill/records/record_store.h"
#include "sijill/records/snapshot.h"
#include "sijill/store/repository.h"

namespace sijill::site::internal {

class RecordHistories {
 public:
  RecordHistories(const store::Repository& repository, const records::Snapshot& snapshot);

  // The history of the record at `path` (recommendations/<slug>/<rest>.yaml), newest first, as
  // RecordStore::History gives it, but walked from the snapshot's commit; empty for a path no
  // commit touched. `current` is the record as the snapshot parsed it (nullptr if it did not),
  // so the newest version is not parsed again.
  std::vector<records::HistoryEntry> Of(const std::string& path,
                                        const model::Recommendation* current);

 private:
  struct Version {
    size_t commit;        // index into commits_
    std::string blob_id;  // "" when the commit deleted the file
  };
  void Walk();

  const store::Repository& repository_;
  const records::Snapshot& snapshot_;
  std::once_flag walked_;
  std::vector<store::CommitInfo> commits_;             // newest first
  std::map<std::string, std::vector<Version>> paths_;  // path -> its versions, newest first
};

}  // namespace sijill::site::internal
