// The change history of every record, for the record pages, from one walk of the first-parent
// line (store::Repository::Log) instead of one walk per record (RecordStore::History): on a
// repository of 8,000 records that was 8,000 walks, each re-reading and re-parsing the record.
//
// The walk is kept in the build cache, OUT/.sijill-site-cache/history: blocks appended oldest
// first, each the commits (with the record files they changed) walked since the block before,
// the commit walked to, and a checksum. A rebuild reads it and walks only the commits since the
// last block (Log's `stop`), appending one block; when the commit built is not a descendant of
// the cache's (another branch, an older --rev, another repository) or the file is damaged, the
// whole line is walked and the file written anew.
//
// The newest commit that changed a record's file decides its history (the rest is that commit's
// first-parent line), so it is part of the record page's key: a revert to an earlier content
// (same blob) or another repository with the same files still renders the page again.
// Thread-safety: after Load, NewestCommit and Of may be called from several threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sijill/records/record_store.h"
#include "sijill/records/snapshot.h"
#include "sijill/store/repository.h"

namespace sijill::site::internal {

class RecordHistories {
 public:
  // `cache` is the path of the history file ("" = no cache).
  RecordHistories(const store::Repository& repository, const records::Snapshot& snapshot,
                  std::string cache);

  // Reads the cache and walks what it lacks; writes the cache when it walked anything.
  void Load();
  // Why the cache was not used ("" when it was or there was none).
  const std::string& note() const { return note_; }

  // The id of the newest commit that changed `path`, "" if none did.
  std::string_view NewestCommit(std::string_view path) const;

  // The history of the record at `path` (recommendations/<slug>/<rest>.yaml), newest first, as
  // RecordStore::History gives it, but walked from the snapshot's commit; empty for a path no
  // commit touched. `current` is the record as the snapshot parsed it (nullptr if it did not),
  // so the newest version is not parsed again.
  std::vector<records::HistoryEntry> Of(const std::string& path,
                                        const model::Recommendation* current) const;

 private:
  // A change of a file: views of the cache file's bytes (cache_bytes_) or of walked_, never
  // copied (~100,000 paths and blob ids as strings in a map of vectors were ~0.1 s and 36 MB of
  // fresh memory of a 20,000-report rebuild).
  struct Version {
    std::string_view path;
    uint32_t commit;           // index into commits_
    std::string_view blob_id;  // "" when the commit deleted the file
  };
  // Adds commits (oldest first) to commits_ and versions_; `changes` views their changes.
  void Add(std::vector<store::CommitInfo> commits,
           const std::vector<std::vector<std::pair<std::string_view, std::string_view>>>& changes);
  // Sorts versions_ by path (each path's oldest first) and indexes the paths.
  void Index();
  // The versions of `path`, oldest first (empty when no commit changed it).
  std::pair<const Version*, const Version*> VersionsOf(std::string_view path) const;

  const store::Repository& repository_;
  const records::Snapshot& snapshot_;
  std::string cache_;
  std::string note_;
  std::string cache_bytes_;                      // the cache file, read whole
  std::vector<store::CommitChanges> walked_;     // the commits walked this build
  std::vector<store::CommitInfo> commits_;       // oldest first
  std::vector<Version> versions_;                // by path, then oldest first
  // Open addressing, by path: index of the first version of a path in versions_ plus one.
  std::vector<uint32_t> index_;
};

}  // namespace sijill::site::internal
