#include "index/replace_database.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "sijill/error.h"

namespace sijill::index::internal {

namespace fs = std::filesystem;

namespace {

void SyncPath(const fs::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw Error(Error::Kind::kIo, path.string() + ": " + std::strerror(errno));
  int result = ::fsync(fd);
  int error = errno;
  ::close(fd);
  if (result != 0) throw Error(Error::Kind::kIo, path.string() + ": fsync: " + std::strerror(error));
}

void SyncParent(const fs::path& path) {
  fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  SyncPath(parent, O_RDONLY | O_DIRECTORY);
}

}  // namespace

std::string StagingPath(const std::string& db_path) { return db_path + ".new"; }

void SyncDirectory(const std::string& dir) {
  for (const fs::directory_entry& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file()) SyncPath(entry.path(), O_RDONLY);
  SyncPath(dir, O_RDONLY | O_DIRECTORY);
}

void ExchangeDirectories(const std::string& staging, const std::string& db_path) {
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, db_path.c_str(), RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS)
      throw Error(Error::Kind::kIo, db_path + ": cannot put the rebuilt index in place: " +
                                        std::strerror(errno));
    // No atomic exchange here: for a moment there is no index, which the next search rebuilds.
    std::string old = db_path + ".old";
    std::error_code ignored;
    fs::remove_all(old, ignored);
    fs::rename(db_path, old);
    fs::rename(staging, db_path);
    fs::rename(old, staging);
  }
  SyncParent(db_path);
}

}  // namespace sijill::index::internal
