// The state behind store::Repository and the helpers shared by its source files.
// Every helper here expects Impl::mutex to be held by the caller.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sijill/store/repository.h"
#include "store/head_cache_internal.h"
#include "store/git_handle.h"

namespace sijill::store {

struct Repository::Impl {
  std::string root;     // the working tree, without a trailing slash
  std::string git_dir;  // e.g. "<root>/.git/" (libgit2 keeps the trailing slash)
  git::RepositoryPtr repo;
  // libgit2 objects must not be used from two threads at once, so every public method locks
  // this; Commit holds it for the whole write, which also serialises writers in this process.
  mutable std::mutex mutex;
  // What Head() last read, answered without the lock while the ref files are unchanged.
  std::unique_ptr<HeadCache> head_cache;
  // Object databases of their own for ReadBlob, each used by one thread at a time, so that
  // blob reads do not wait for `mutex`: a site build reads ~120,000 blobs from two threads, and
  // inflating them under the one lock left a core idle for much of its first phase.
  std::string objects_dir;  // "<common dir>/objects/"
  mutable std::mutex readers_mutex;
  mutable std::vector<git::OdbPtr> idle_readers;
  // An idle reader, or a new one; null when none can be opened (ReadBlob then takes `mutex`
  // and the repository's own database).
  git::OdbPtr TakeReader() const;
  void GiveBackReader(git::OdbPtr reader) const;

  // The commit HEAD points at; nullopt for a branch without commits. Throws kInvalid when HEAD
  // is detached or not a branch (writes need a branch to move).
  std::optional<git_oid> HeadOid() const;
  // HEAD's branch, e.g. "refs/heads/main", also when it has no commits yet.
  std::string HeadBranch() const;
  // The same, or "" when HEAD is detached.
  std::string HeadBranchOrEmpty() const;
  // "HEAD" on an unborn branch resolves to nullopt; anything unknown throws kNotFound.
  std::optional<git_oid> ResolveOid(const std::string& rev) const;
  git::CommitPtr LookupCommit(const git_oid& id) const;
  git::TreePtr TreeOfCommit(const git_oid& commit) const;
  // The id of the blob at `path` in `tree` (tree may be null = empty); nullopt if absent or not
  // a file.
  std::optional<git_oid> BlobAt(git_tree* tree, const std::string& path) const;
};

// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" into naive seconds since the epoch (the end of
// the day when no time is given); nullopt when `text` is not such a date.
std::optional<long long> ParseIsoCutoff(const std::string& text);

}  // namespace sijill::store
