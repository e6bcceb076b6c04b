// Editing git's index (<git dir>/index) for the few paths a commit wrote.
//
// libgit2 reads and rewrites the whole index through its own data structures, which costs tens
// of milliseconds on an 80,000-file repository and would dominate every commit (issue 2, item 7).
// The fast editor (index_file.cpp) instead copies the on-disk entries byte for byte, splices in
// the edited ones, invalidates the cache tree along the edited paths, smudges racily clean
// entries as git does
// (checking the content of a few, as git does), drops the other optional extensions, and recomputes
// the checksum. It understands index versions 2 and 3, split (git's "link" extension) or not, and
// writes a large index split so that a commit rewrites only the small main index. Anything else
// goes through libgit2 (libgit2_index.cpp), which cannot read a split index at all, so a split
// index the fast editor cannot read is an error. Not thread-safe; used under the store's write
// lock.
#pragma once

#include <git2.h>
#include <sys/stat.h>

#include <memory>
#include <optional>
#include <string>

#include "store/repository_internal.h"

namespace sijill::store::worktree {

class IndexEditor {
 public:
  struct Staged {
    std::optional<git_oid> id;  // the stage-0 entry's blob, if any
    bool conflicted = false;    // there are stage 1-3 entries (an unresolved merge)
  };

  virtual ~IndexEditor() = default;
  // The entry as loaded (edits not applied).
  virtual Staged Find(const std::string& path) const = 0;
  // Sets the stage-0 entry of `path` with the stat data of the file just written.
  virtual void Put(const std::string& path, const git_oid& id, uint32_t mode,
                   const struct stat& st) = 0;
  virtual void Remove(const std::string& path) = 0;
  // Writes the index atomically (index.lock, then rename). False when index.lock is held by
  // someone else; throws kIo on other failures.
  virtual bool Write() = 0;
};

// When the fast editor writes a split index; from git's own settings (git-config(1)).
struct SplitPolicy {
  enum class Mode {
    kAuto,    // core.splitIndex unset: keep a split index split, and split a large one
    kAlways,  // core.splitIndex = true
    kNever,   // core.splitIndex = false: write the whole index, as git then does
  };
  Mode mode = Mode::kAuto;
  // splitIndex.maxPercentChange: a new shared index once this share of the entries differs
  // from it (0: at every write, 100: never).
  int max_percent_change = 20;
  // kAuto splits an index of this many entries or more: below it the whole index is small
  // enough to rewrite (10,000 entries are ~1 MB).
  size_t min_entries = 10000;
};

// git's settings for the split index (git-config(1)); unset ones keep SplitPolicy's defaults.
SplitPolicy ReadSplitPolicy(const Repository::Impl& impl);

std::unique_ptr<IndexEditor> OpenIndexEditor(const Repository::Impl& impl);

// The fallback; also used directly by tests to compare the two.
std::unique_ptr<IndexEditor> OpenLibgit2IndexEditor(const Repository::Impl& impl);
// nullptr when the index uses a format the fast editor does not handle. It touches no libgit2
// object, so it may run on another thread while the caller uses the repository.
std::unique_ptr<IndexEditor> OpenFastIndexEditor(const std::string& git_dir,
                                                 const std::string& root, SplitPolicy policy);

// How many index writes in this process took the fast editor's shortest path: a split index
// whose shared entries were not parsed, because every edit replaced one that is there (for
// tests, which check that the path is taken and gives what git expects).
size_t ReplacementOnlyIndexWrites();

}  // namespace sijill::store::worktree
