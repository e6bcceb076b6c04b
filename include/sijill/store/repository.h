// The records repository: an ordinary git repository read and written through libgit2.
//
// Reads come from commits (HEAD, any ref, or the commit at a date), never from the working
// tree, so what sijill shows is always something that was committed.
// Writes build blobs and trees directly and move the branch with a compare-and-swap, then bring
// the working tree and the git index up to date for the written paths only. A write prepared
// against an older HEAD is rebased when the paths it writes were not touched since, and refused
// with Error::Kind::kConflict when they were. Writers in several processes are serialised by a
// lock file in the git directory; a crash at any moment leaves either the whole commit or none.
//
// Thread-safety: a Repository may be used from several threads at once; writes are serialised
// internally.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sijill::store {

struct Signature {
  std::string name;
  std::string email;
  // Seconds since the epoch and offset in minutes; nullopt = now, local offset.
  std::optional<long long> when;
  int offset_minutes = 0;
};

// Parses "Name <mail>"; nullopt when it is not of that form.
std::optional<Signature> ParseSignature(const std::string& text);

// One file to write (content set) or delete (content nullopt), path relative to the root.
struct FileChange {
  std::string path;
  std::optional<std::string> content;
};

struct ChangeSet {
  // The commit the changes were prepared against (what the caller read, e.g. Head() before
  // ReadFile); empty = whatever HEAD is. When HEAD has moved since, the write is applied on top
  // of HEAD if none of its paths changed between base and HEAD, and refused otherwise.
  std::string base;
  std::vector<FileChange> files;
};

struct CommitInfo {
  std::string id;  // full hex commit id
  std::string author_name;
  std::string author_email;
  long long time = 0;  // seconds since the epoch
  int offset_minutes = 0;
  std::string message;
};

// A file a commit changed: its blob id after the commit ("" when the commit deleted it).
struct PathChange {
  std::string path;
  std::string blob_id;
};

// One commit of a first-parent walk with the files it changed (see Repository::Log).
struct CommitChanges {
  CommitInfo commit;
  std::vector<PathChange> changes;  // sorted by path
};

// A directory entry of a tree at some commit.
struct TreeEntry {
  std::string path;     // relative to the repository root
  std::string blob_id;  // hex id of the blob
};

class Repository {
 public:
  // Opens the repository whose working tree is `root` (no discovery upwards).
  // Throws Error kNotFound when `root` is not a git repository. If a writer died mid-write (its
  // journal is there) and no writer holds the lock, repairs the working tree first.
  static Repository Open(const std::string& root);
  // Creates a new repository with branch "main" and no commits.
  static Repository Init(const std::string& root);

  Repository(Repository&&) noexcept;
  Repository& operator=(Repository&&) noexcept;
  ~Repository();

  const std::string& root() const;
  // The git directory, with a trailing slash ("<root>/.git/" for a main worktree): where
  // sijill keeps what it may rebuild at any time, out of the working tree and of git's view.
  const std::string& git_dir() const;

  // The commit id HEAD points at, or "" for a repository without commits. Cheap while no ref
  // moved: answered from the stat() of .git/HEAD, the branch's ref file and packed-refs, without
  // libgit2 or the lock; a commit by any process is seen by the next call.
  std::string Head() const;

  // Resolves "HEAD", a branch or tag, a (short) commit id, or an ISO date "YYYY-MM-DD[THH:MM:SS]"
  // (the last commit on HEAD's first-parent line made at or before the end of that day/time, in
  // the committer's own time zone).
  // Throws kNotFound.
  std::string Resolve(const std::string& rev) const;

  // The file's content at `rev` (default HEAD); nullopt if it does not exist there.
  std::optional<std::string> ReadFile(const std::string& path,
                                      const std::string& rev = "HEAD") const;
  // The blob id of a file at `rev`; nullopt if absent. Cheap: no content is read.
  std::optional<std::string> BlobId(const std::string& path, const std::string& rev = "HEAD") const;
  // The blob id git gives a file with this content (`git hash-object`), without a repository.
  static std::string BlobIdOf(std::string_view content);
  // Every file under `dir` ("" = everything) at `rev`, recursively, sorted by path.
  std::vector<TreeEntry> ListFiles(const std::string& dir, const std::string& rev = "HEAD") const;

  // Commits the changes with `author` as author and committer on HEAD's branch (created by the
  // first commit); returns the new commit id. Then updates the working tree and the git index
  // for the written paths only (if that fails, the commit stands and the next Open or Commit
  // finishes the job). Throws kConflict when a file in `changes` was changed between
  // changes.base and HEAD, or when its working-tree file or index entry differs from HEAD (a
  // hand edit); kInvalid for a path CheckRelativePath refuses, a detached HEAD, an empty change
  // set; kNotFound for deleting a file that is not there. Protocol: docs/store.md.
  std::string Commit(const ChangeSet& changes, const Signature& author, const std::string& message);

  // Commits that changed `path`, newest first (first-parent walk from `rev`).
  std::vector<CommitInfo> History(const std::string& path, const std::string& rev = "HEAD",
                                  size_t limit = 0) const;

  // The first-parent line from `rev`, newest first: each commit with the files under `dir`
  // ("" = everywhere) whose blob differs from its first parent's (every file for a root
  // commit); commits that changed nothing there are left out. One walk answers History for all
  // the paths at once (the static site shows the history of every record).
  // With `stop` (a commit id), the walk ends before that commit, and `*reached` (when given)
  // says whether it was met: a caller that keeps the walk up to `stop` walks only what is newer.
  std::vector<CommitChanges> Log(const std::string& dir, const std::string& rev = "HEAD",
                                 const std::string& stop = "", bool* reached = nullptr) const;

  // The content of the blob with hex id `blob_id` (as in TreeEntry and PathChange); nullopt
  // when the repository has no such blob. Cheaper than ReadFile: no path lookup.
  std::optional<std::string> ReadBlob(const std::string& blob_id) const;

  // The commit `rev` names (anything Resolve takes), with its author and time. Throws kNotFound.
  CommitInfo Describe(const std::string& rev) const;

  // Paths whose blobs differ between two commits ("" for `from` = everything at `to`).
  std::vector<std::string> ChangedPaths(const std::string& from, const std::string& to) const;
  // The same paths, sorted, each with its blob id at `to` ("" when `to` has no file there), so
  // that a caller reads the new content by id (ReadBlob) instead of looking each path up again
  // through trees that can be 1 MB (recommendations/ of a 20,000-report repository).
  std::vector<PathChange> ChangedFiles(const std::string& from, const std::string& to) const;

  // The git config's user.name/user.email as a signature; nullopt when unset.
  std::optional<Signature> DefaultSignature() const;

  struct Impl;  // opaque; defined in src/store/repository_internal.h

 private:
  explicit Repository(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Refuses paths that could escape the repository: absolute, "..", backslashes, NUL, ".git".
// Returns the normalised relative path or throws Error kInvalid naming the path.
std::string CheckRelativePath(const std::string& path);

}  // namespace sijill::store
