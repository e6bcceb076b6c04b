// The writers' lock and the crash journal (docs/store.md, "Crash journal").
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string_view>

#include "sijill/error.h"
#include "store/worktree_internal.h"

namespace sijill::store::worktree {

namespace {

std::string JournalPath(const Repository::Impl& impl) { return impl.git_dir + "sijill-pending"; }

[[noreturn]] void ThrowErrno(const std::string& what) {
  throw Error(Error::Kind::kIo, what + ": " + std::strerror(errno));
}

// A lock file left by the dead writer was created after its journal; an older one belongs to
// somebody else (a plain git still running, or a crash we know nothing about) and stays.
void RemoveStaleLock(const std::string& lock_path, const struct stat& journal) {
  struct stat lock;
  if (lstat(lock_path.c_str(), &lock) != 0) return;
  if (lock.st_mtime + 1 >= journal.st_mtime) unlink(lock_path.c_str());
}

// libgit2 writes a loose object through "<id>.lock" and renames it; a writer killed in between
// leaves the lock, and writing the same object again would fail on it for ever.
void RemoveStaleObjectLocks(const Repository::Impl& impl, const struct stat& journal) {
  for (int fanout = 0; fanout < 256; ++fanout) {
    char name[4];
    std::snprintf(name, sizeof name, "%02x", fanout);
    std::string dir = impl.git_dir + "objects/" + name;
    DIR* handle = opendir(dir.c_str());
    if (handle == nullptr) continue;
    while (const dirent* entry = readdir(handle)) {
      std::string_view file = entry->d_name;
      if (file.size() > 5 && file.substr(file.size() - 5) == ".lock") {
        RemoveStaleLock(dir + "/" + entry->d_name, journal);
      }
    }
    closedir(handle);
  }
}

std::vector<std::string> ReadJournal(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> paths;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    try {
      paths.push_back(CheckRelativePath(line));
    } catch (const Error&) {
      // A journal we did not write; repairing its paths could reach outside the repository.
    }
  }
  return paths;
}

void RemoveTempFile(const Repository::Impl& impl, const std::string& path) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  unlink((impl.root + "/" + dir + "." + name + ".sijill-tmp").c_str());
}

}  // namespace

WriteLock::WriteLock(const std::string& git_dir, Mode mode) {
  std::string path = git_dir + "sijill-write.lock";
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd_ < 0) ThrowErrno("cannot open " + path);
  int operation = LOCK_EX | (mode == Mode::kTry ? LOCK_NB : 0);
  int rc;
  while ((rc = flock(fd_, operation)) != 0 && errno == EINTR) {
  }
  if (rc == 0) {
    held_ = true;
  } else if (!(mode == Mode::kTry && errno == EWOULDBLOCK)) {
    int saved = errno;
    close(fd_);
    errno = saved;
    ThrowErrno("cannot lock " + path);
  }
}

WriteLock::~WriteLock() {
  if (fd_ >= 0) close(fd_);  // closing the descriptor releases the flock
}

void BeginJournal(const Repository::Impl& impl, const std::vector<std::string>& paths) {
  std::string content;
  for (const std::string& path : paths) content += path + "\n";
  // Written to a temporary name and renamed, so a crash never leaves half a journal.
  std::string final_path = JournalPath(impl), temp_path = final_path + ".tmp";
  {
    std::ofstream out(temp_path, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out.flush()) ThrowErrno("cannot write " + temp_path);
  }
  if (rename(temp_path.c_str(), final_path.c_str()) != 0) ThrowErrno("cannot write " + final_path);
}

bool HasJournal(const Repository::Impl& impl) {
  struct stat journal;
  return lstat(JournalPath(impl).c_str(), &journal) == 0;
}

void EndJournal(const Repository::Impl& impl) { unlink(JournalPath(impl).c_str()); }

void RepairIfInterrupted(const Repository::Impl& impl) {
  std::string journal_path = JournalPath(impl);
  struct stat journal;
  if (lstat(journal_path.c_str(), &journal) != 0) return;
  std::vector<std::string> paths = ReadJournal(journal_path);
  RemoveStaleLock(impl.git_dir + "index.lock", journal);
  try {
    RemoveStaleLock(impl.git_dir + impl.HeadBranch() + ".lock", journal);
  } catch (const Error&) {
    // A detached HEAD has no branch lock to clean; writes refuse it later anyway.
  }
  RemoveStaleObjectLocks(impl, journal);
  for (const std::string& path : paths) RemoveTempFile(impl, path);
  std::optional<git_oid> head = impl.HeadOid();
  git::TreePtr tree = head ? impl.TreeOfCommit(*head) : nullptr;
  if (SyncPaths(impl, OpenIndexEditor(impl), tree.get(), paths)) unlink(journal_path.c_str());
}

}  // namespace sijill::store::worktree
