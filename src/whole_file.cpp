#include "sijill/whole_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sijill/error.h"

namespace sijill {

std::optional<std::string> ReadWholeFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  // One sized read for the usual case (the site's manifest is 10 MB), then to the end, in case
  // the file grew meanwhile or its size is not known.
  struct stat st;
  std::string content;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) content.resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  ssize_t n = 0;
  while (done < content.size()) {
    n = read(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  content.resize(done);
  if (n >= 0) {
    char buffer[1 << 14];
    while ((n = read(fd, buffer, sizeof buffer)) != 0) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      content.append(buffer, static_cast<size_t>(n));
    }
  }
  close(fd);
  if (n < 0) return std::nullopt;
  return content;
}

void ReplaceFile(const std::string& path, std::string_view bytes) {
  std::string temporary = path + ".tmp." + std::to_string(getpid());
  auto fail = [&](const std::string& what) {
    std::string reason = std::strerror(errno);
    unlink(temporary.c_str());
    throw Error(Error::Kind::kIo, "cannot write " + what + ": " + reason);
  };
  int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) fail(temporary);
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = errno;
      close(fd);
      errno = saved;
      fail(temporary);
    }
    done += static_cast<size_t>(n);
  }
  if (close(fd) != 0) fail(temporary);
  if (rename(temporary.c_str(), path.c_str()) != 0) fail(path);
}

bool CreateNewFile(const std::string& path, std::string_view bytes) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0 && errno == EEXIST) return false;
  auto fail = [&]() {
    std::string reason = std::strerror(errno);
    if (fd >= 0) unlink(path.c_str());
    throw Error(Error::Kind::kIo, "cannot write " + path + ": " + reason);
  };
  if (fd < 0) fail();
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = n < 0 ? errno : EIO;
      close(fd);
      errno = saved;
      fail();
    }
    done += static_cast<size_t>(n);
  }
  if (close(fd) != 0) fail();
  return true;
}

}  // namespace sijill
