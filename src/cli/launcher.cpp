// `sijill`: the command people and scripts call. It only picks the binary beside it that runs
// the command (launcher_command.h) and replaces itself with it, so the exit code, streams and
// signals are that command's own. Linked statically and without the C++ library, it costs
// ~1.5 ms of CPU; handing `index` and `search` over from sijill-record, whose start loads
// libgit2's TLS and GSSAPI libraries, cost ~8 ms of each (bench/RESULTS.md).
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

#include "cli/launcher_command.h"

int main(int argc, char** argv) {
  const char* target = sijill::cli::LauncherTarget(sijill::cli::LauncherCommand(argc, argv));
  char path[PATH_MAX];
  ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
  size_t directory = 0;
  if (length > 0) {
    path[length] = '\0';
    const char* slash = std::strrchr(path, '/');
    directory = slash != nullptr ? static_cast<size_t>(slash - path) + 1 : 0;
  }
  if (directory == 0) std::strcpy(path, "./"), directory = 2;
  if (directory + std::strlen(target) + 1 > sizeof path) {
    std::fprintf(stderr, "sijill: the path of this binary is too long\n");
    return 1;
  }
  std::strcpy(path + directory, target);
  char name[] = "sijill";
  argv[0] = name;
  execv(path, argv);
  std::fprintf(stderr, "sijill: cannot run %s: %s (it is built beside sijill)\n", path,
               std::strerror(errno));
  return 1;
}
