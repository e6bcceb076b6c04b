// Working tree and index, for the written paths only (docs/store.md, "Working tree").
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "sijill/error.h"
#include "sijill/whole_file.h"
#include "store/worktree_internal.h"

namespace sijill::store::worktree {

namespace {

[[noreturn]] void ThrowErrno(const std::string& what) {
  throw Error(Error::Kind::kIo, what + ": " + std::strerror(errno));
}

[[noreturn]] void Conflict(const std::string& path, const std::string& what) {
  throw Error(Error::Kind::kConflict, "conflict: " + path + " " + what);
}

// True when something on the way to `path` is a symbolic link (or not a directory): writing
// through it could land outside the repository.
bool HasUnsafeParent(const std::string& root, const std::string& path) {
  for (size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    struct stat st;
    if (lstat((root + "/" + path.substr(0, slash)).c_str(), &st) != 0) return false;
    if (!S_ISDIR(st.st_mode)) return true;
  }
  return false;
}

void MakeParents(const std::string& root, const std::string& path) {
  for (size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    std::string dir = root + "/" + path.substr(0, slash);
    if (mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) ThrowErrno("cannot create " + dir);
  }
}

void RemoveEmptyParents(const std::string& root, std::string path) {
  for (size_t slash = path.rfind('/'); slash != std::string::npos; slash = path.rfind('/')) {
    path.resize(slash);
    if (rmdir((root + "/" + path).c_str()) != 0) return;
  }
}

// Temporary file in the same directory, then rename: a reader sees the old or the new file.
void WriteAtomically(const std::string& root, const std::string& path, const std::string& content,
                     bool executable) {
  MakeParents(root, path);
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = root + "/" + dir + "." + name + ".sijill-tmp";
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
                executable ? 0777 : 0666);
  if (fd < 0) ThrowErrno("cannot write " + temp);
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int saved = errno;
      close(fd);
      errno = saved;
      ThrowErrno("cannot write " + temp);
    }
    done += static_cast<size_t>(n);
  }
  if (close(fd) != 0) ThrowErrno("cannot write " + temp);
  if (rename(temp.c_str(), (root + "/" + path).c_str()) != 0) ThrowErrno("cannot write " + path);
}

// What the index must say about one path after the write.
struct IndexChange {
  std::string path;
  std::optional<git_oid> id;  // nullopt: remove the entry
  uint32_t mode = 0;
  struct stat st {};
};

IndexChange SyncOne(const Repository::Impl& impl, git_tree* tree, const std::string& path) {
  IndexChange change{path, std::nullopt, 0, {}};
  std::string full = impl.root + "/" + path;
  git_tree_entry* raw = nullptr;
  int rc = tree == nullptr ? GIT_ENOTFOUND : git_tree_entry_bypath(&raw, tree, path.c_str());
  git::TreeEntryPtr entry(raw);
  if (rc == GIT_ENOTFOUND || (rc == 0 && git_tree_entry_type(raw) != GIT_OBJECT_BLOB)) {
    git_error_clear();
    if (unlink(full.c_str()) == 0) RemoveEmptyParents(impl.root, path);
    return change;
  }
  git::Check(rc);
  git_blob* blob_raw = nullptr;
  git::Check(git_blob_lookup(&blob_raw, impl.repo.get(), git_tree_entry_id(raw)));
  git::BlobPtr blob(blob_raw);
  std::string content(static_cast<const char*>(git_blob_rawcontent(blob_raw)),
                      static_cast<size_t>(git_blob_rawsize(blob_raw)));
  change.mode = git_tree_entry_filemode(raw);
  WriteAtomically(impl.root, path, content, change.mode == GIT_FILEMODE_BLOB_EXECUTABLE);
  // The file's real stat data, so `git status` sees it clean without re-reading it.
  if (lstat(full.c_str(), &change.st) != 0) ThrowErrno("cannot stat " + full);
  change.id = *git_tree_entry_id(raw);
  return change;
}

}  // namespace

void CheckClean(const Repository::Impl& impl, const IndexEditor& index, const std::string& path,
                const std::optional<git_oid>& head_blob) {
  if (HasUnsafeParent(impl.root, path)) {
    throw Error(Error::Kind::kInvalid,
                "invalid path '" + path + "': something on the way is a symbolic link or a file");
  }
  IndexEditor::Staged staged = index.Find(path);
  std::string full = impl.root + "/" + path;
  struct stat st;
  bool exists = lstat(full.c_str(), &st) == 0;
  if (!exists && errno != ENOENT && errno != ENOTDIR) ThrowErrno("cannot stat " + full);
  // "Refuse before committing if the working-tree file of a path being written has uncommitted
  // changes, so nobody's hand edit is clobbered."
  if (staged.conflicted) Conflict(path, "has an unresolved merge conflict");
  if (!head_blob) {
    if (staged.id) Conflict(path, "is staged but not committed");
    if (exists) Conflict(path, "exists in the working tree but is not committed");
    return;
  }
  if (!staged.id || !git_oid_equal(&*staged.id, &*head_blob)) {
    Conflict(path, "has staged changes");
  }
  if (!exists) Conflict(path, "was deleted in the working tree");
  std::optional<std::string> content = S_ISREG(st.st_mode) ? ReadWholeFile(full) : std::nullopt;
  git_oid actual;
  if (!content || git_odb_hash(&actual, content->data(), content->size(), GIT_OBJECT_BLOB) != 0 ||
      !git_oid_equal(&actual, &*head_blob)) {
    Conflict(path, "has uncommitted changes in the working tree");
  }
}

bool SyncPaths(const Repository::Impl& impl, std::unique_ptr<IndexEditor> index, git_tree* tree,
               const std::vector<std::string>& paths) {
  std::vector<IndexChange> changes;
  for (const std::string& path : paths) {
    if (!HasUnsafeParent(impl.root, path)) changes.push_back(SyncOne(impl, tree, path));
  }
  // A plain git holding index.lock usually lets go within milliseconds.
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (attempt > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      index = OpenIndexEditor(impl);
    }
    for (const IndexChange& change : changes) {
      if (change.id) {
        index->Put(change.path, *change.id, change.mode, change.st);
      } else {
        index->Remove(change.path);
      }
    }
    if (index->Write()) return true;
  }
  return false;
}

}  // namespace sijill::store::worktree
