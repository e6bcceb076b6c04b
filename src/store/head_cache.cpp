#include "store/head_cache_internal.h"

#include <ctime>

namespace sijill::store {

namespace {

bool Same(const timespec& a, const timespec& b) {
  return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

bool Same(const HeadCache::Stamp::File& a, const HeadCache::Stamp::File& b) {
  if (a.exists != b.exists) return false;
  if (!a.exists) return true;
  return a.device == b.device && a.inode == b.inode && a.size == b.size &&
         Same(a.mtime, b.mtime) && Same(a.ctime, b.ctime);
}

HeadCache::Stamp::File StatFile(const std::string& path) {
  HeadCache::Stamp::File file;
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return file;  // absent (or unreadable: never trusted)
  file.exists = true;
  file.device = info.st_dev;
  file.inode = info.st_ino;
  file.size = info.st_size;
  file.mtime = info.st_mtim;
  file.ctime = info.st_ctim;
  return file;
}

// True when `file` was last changed at least `window` before `now`.
bool OldEnough(const HeadCache::Stamp::File& file, const timespec& now,
               std::chrono::seconds window) {
  if (!file.exists) return true;
  // Whole seconds, rounded against us: the file's sub-second part is ignored and the window
  // is measured from the start of now's second. (mtime, not ctime: git never sets a ref's
  // mtime back, and tests age the files with utimensat to reach the trusted path.)
  return file.mtime.tv_sec + window.count() < now.tv_sec;
}

}  // namespace

HeadCache::HeadCache(std::string git_dir, std::string common_dir)
    : git_dir_(std::move(git_dir)), common_dir_(std::move(common_dir)) {}

HeadCache::Stamp HeadCache::TakeFor(const std::string& branch_ref) const {
  Stamp stamp;
  stamp.branch_ref = branch_ref;
  clock_gettime(CLOCK_REALTIME, &stamp.taken);
  stamp.files[0] = StatFile(git_dir_ + "HEAD");
  if (!branch_ref.empty()) stamp.files[1] = StatFile(common_dir_ + branch_ref);
  stamp.files[2] = StatFile(common_dir_ + "packed-refs");
  return stamp;
}

HeadCache::Stamp HeadCache::Take() const {
  std::shared_ptr<const Known> known = known_.load();
  return TakeFor(known ? known->stamp.branch_ref : "");
}

std::optional<std::string> HeadCache::Fresh() const {
  std::shared_ptr<const Known> known = known_.load();
  if (!known || !known->trusted) return std::nullopt;
  Stamp now = TakeFor(known->stamp.branch_ref);
  for (size_t i = 0; i < now.files.size(); ++i)
    if (!Same(now.files[i], known->stamp.files[i])) return std::nullopt;
  return known->head;
}

void HeadCache::Remember(const Stamp& stamp, const std::string& branch_ref,
                         const std::string& head) {
  auto known = std::make_shared<Known>();
  known->stamp = stamp;
  known->head = head;
  // Trusted only if the stamp watched the right branch file and nothing in it is racy; a
  // detached HEAD (no branch) is watched through HEAD itself.
  known->trusted = stamp.branch_ref == branch_ref && stamp.files[0].exists;
  for (const Stamp::File& file : stamp.files)
    known->trusted = known->trusted && OldEnough(file, stamp.taken, kRacyWindow);
  known->stamp.branch_ref = branch_ref;  // what the next Take() watches
  known_.store(std::move(known));
}

}  // namespace sijill::store
