// The write protocol's file-system half (docs/store.md): the writers' lock, the crash journal,
// the "no hand edit is clobbered" check, and bringing written paths of the working tree and the
// git index up to date. Every function expects the caller to hold Impl::mutex.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/index_editor.h"
#include "store/repository_internal.h"

namespace sijill::store::worktree {

// An flock(2) on <git dir>/sijill-write.lock, held until destruction. It serialises sijill
// writers across processes; plain git users are kept out by the branch compare-and-swap.
class WriteLock {
 public:
  enum class Mode { kWait, kTry };
  WriteLock(const std::string& git_dir, Mode mode);
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;
  bool held() const { return held_; }

 private:
  int fd_ = -1;
  bool held_ = false;
};

// Throws kConflict unless the index entry and the working-tree file of `path` both match
// `head_blob` (HEAD's blob; nullopt = the path is not in HEAD, so nothing may be there).
void CheckClean(const Repository::Impl& impl, const IndexEditor& index, const std::string& path,
                const std::optional<git_oid>& head_blob);

// Writes <git dir>/sijill-pending listing `paths` before a write starts; EndJournal removes it
// once the working tree and the index hold what the branch holds.
void BeginJournal(const Repository::Impl& impl, const std::vector<std::string>& paths);
void EndJournal(const Repository::Impl& impl);

// Makes the working-tree files and index entries of `paths` what `tree` holds, then writes the
// index through `index` (freshly loaded). Returns false when the index stayed locked by someone
// else (the journal then stays, so the next writer finishes the job).
bool SyncPaths(const Repository::Impl& impl, std::unique_ptr<IndexEditor> index, git_tree* tree,
               const std::vector<std::string>& paths);

// True when <git dir>/sijill-pending exists (cheap; no lock, no write access needed).
bool HasJournal(const Repository::Impl& impl);

// If a writer died mid-write (the journal exists), re-checks-out its paths from HEAD and removes
// the lock files it left. Requires the WriteLock.
void RepairIfInterrupted(const Repository::Impl& impl);

}  // namespace sijill::store::worktree
