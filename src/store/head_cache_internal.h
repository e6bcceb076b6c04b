// The commit HEAD pointed at, kept with the stat() of the files it was read from, so that
// Repository::Head() answers from memory while none of those files changed. A busy service
// asks for HEAD several times per request; libgit2 opens and fstat()s .git/HEAD and the
// branch's ref file each time, under the repository's lock (bench/RESULTS.md, "Service load").
// Checking three stat() results costs a few microseconds and takes no lock.
//
// What is watched: <git dir>/HEAD, the loose ref file of HEAD's branch and packed-refs (both
// in the common dir). Every way git moves a branch rewrites one of them (a loose ref is written
// to a lock file and renamed over the old one; `git pack-refs` rewrites packed-refs and deletes
// the loose file), so a commit from another process — `git commit`, `sijill status` — is seen
// by the next call.
//
// Racy stamps: a file's mtime comes from the kernel's coarse clock (a tick of up to 10 ms, or
// a whole second on some file systems), so a file rewritten twice within one tick, to the same
// size and a recycled inode, could keep its stamp. A stamp is therefore trusted only when every
// watched file is older than kRacyWindow at the moment the stamp was taken (git's "racy git"
// rule); until then each call resolves HEAD through libgit2 as before. Not handled: a branch
// ref that is itself symbolic, reftable repositories (libgit2 reads neither), file systems
// whose clock is another machine's (NFS with skew).
//
// Thread-safety: all members may be called concurrently.
#pragma once

#include <sys/stat.h>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace sijill::store {

class HeadCache {
 public:
  static constexpr std::chrono::seconds kRacyWindow{2};

  // What the watched files looked like at one moment.
  struct Stamp {
    struct File {
      bool exists = false;
      dev_t device = 0;
      ino_t inode = 0;
      off_t size = 0;
      timespec mtime{};
      timespec ctime{};
    };
    std::string branch_ref;  // the loose ref file watched, "" when HEAD's branch was unknown
    std::array<File, 3> files;  // HEAD, the branch's loose ref, packed-refs
    timespec taken{};           // wall clock before the first stat()
  };

  // `git_dir` holds HEAD, `common_dir` refs/ and packed-refs (the same for a main worktree);
  // both with a trailing slash, as libgit2 gives them.
  HeadCache(std::string git_dir, std::string common_dir);

  // The remembered HEAD if the watched files are exactly as they were when it was read;
  // nullopt when something changed or the stamp is racy (the caller resolves HEAD then).
  std::optional<std::string> Fresh() const;

  // Stats the files now: call it BEFORE resolving HEAD, so a commit that lands in between
  // makes the stamp stale rather than pairing the old files with the new commit.
  Stamp Take() const;

  // Keeps `head` (read after `stamp` was taken) for Fresh(); `branch_ref` is HEAD's branch,
  // e.g. "refs/heads/main" ("" when detached). The stamp is used only if it watched that
  // branch's file and is not racy.
  void Remember(const Stamp& stamp, const std::string& branch_ref, const std::string& head);

 private:
  struct Known {
    Stamp stamp;
    std::string head;
    bool trusted = false;  // false: kept only to learn which branch file to watch next time
  };
  Stamp TakeFor(const std::string& branch_ref) const;

  std::string git_dir_;
  std::string common_dir_;
  std::atomic<std::shared_ptr<const Known>> known_;  // null until the first Remember
};

}  // namespace sijill::store
