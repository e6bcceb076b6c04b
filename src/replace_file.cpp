#include "sijill/replace_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sijill/error.h"

namespace sijill {

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

}  // namespace sijill
