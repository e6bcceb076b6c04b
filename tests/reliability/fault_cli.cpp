#include "reliability/fault_cli.h"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sijill::testing {

namespace {

[[noreturn]] void ExecWithFault(const std::vector<std::string>& args, const Fault& fault,
                                int out_fd, int err_fd) {
  dup2(out_fd, 1);
  dup2(err_fd, 2);
  if (fault.unprivileged && geteuid() == 0) {
    // nobody's own HOME: libgit2 fails on a global config it may not stat (/root/.gitconfig).
    setenv("HOME", "/nonexistent", 1);
    if (setgid(65534) != 0 || setuid(65534) != 0) _exit(125);
  }
  if (fault.file_size_limit >= 0) {
    signal(SIGXFSZ, SIG_IGN);  // inherited across exec: write() then fails with EFBIG
    rlimit limit{static_cast<rlim_t>(fault.file_size_limit),
                 static_cast<rlim_t>(fault.file_size_limit)};
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(125);
  }
  std::vector<char*> argv = {const_cast<char*>(SIJILL_BINARY)};
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  execv(SIJILL_BINARY, argv.data());
  _exit(127);
}

// Reads both pipes to their end (either may fill up while the other is read).
void Drain(int out_fd, int err_fd, std::string& out, std::string& err) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {&out, &err};
  int open_fds = 2;
  char buffer[4096];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) throw std::runtime_error("poll failed");
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
}

}  // namespace

CliResult RunSijillWithFault(const std::vector<std::string>& args, const Fault& fault) {
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid == 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    ExecWithFault(args, fault, out_pipe[1], err_pipe[1]);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  CliResult result;
  Drain(out_pipe[0], err_pipe[0], result.out, result.err);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

void SetReadOnly(const std::string& root, bool read_only) {
  namespace fs = std::filesystem;
  // Read-only for everyone, but readable (and enterable) by the unprivileged user as well.
  const fs::perms write = fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;
  const fs::perms read = fs::perms::group_read | fs::perms::others_read;
  const fs::perms enter = fs::perms::group_exec | fs::perms::others_exec;
  auto set = [&](const fs::path& path, bool directory) {
    if (!read_only) return fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
    fs::permissions(path, read | (directory ? enter : fs::perms::none), fs::perm_options::add);
    fs::permissions(path, write, fs::perm_options::remove);
  };
  set(root, true);
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (!entry.is_symlink()) set(entry.path(), entry.is_directory());
}

void ChangeOwner(const std::string& root, unsigned uid) {
  auto set = [&](const std::filesystem::path& path) {
    if (lchown(path.c_str(), uid, uid) != 0)
      throw std::runtime_error("chown " + path.string() + " failed");
  };
  set(root);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) set(entry.path());
}

std::string Snapshot(const std::string& root) {
  namespace fs = std::filesystem;
  std::ostringstream state;
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    std::string relative = fs::relative(it->path(), root).string();
    if (relative == ".git" || relative == ".sijill") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(relative);
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    std::ifstream in(root + "/" + file, std::ios::binary);
    state << "-- " << file << " --\n" << in.rdbuf() << "\n";
  }
  return state.str();
}

}  // namespace sijill::testing

namespace sijill::testing {

namespace {

std::string ReadSource(const std::string& path) {
  std::ifstream in(std::string(SIJILL_SOURCE_DIR) + "/" + path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

const char* const kSeedIds[3] = {"a-res-64-293.p5", "a-res-64-293.p6", "a-res-64-293.p7"};

TestRepo SeedRepo(bool with_records) {
  std::string files = "-- sijill.yaml --\n" + ReadSource("sijill.yaml") +
                      "-- corpus/a-res-64-293.md --\n" + ReadSource("corpus/a-res-64-293.md");
  for (const char* record : {"p5", "p6", "p7"}) {
    if (!with_records) break;
    std::string path = std::string("recommendations/a-res-64-293/") + record + ".yaml";
    files += "-- " + path + " --\n" + ReadSource(path);
  }
  return TestRepo::FromText(files);
}

int KillRounds(int fallback) {
  const char* value = std::getenv("SIJILL_RELIABILITY_KILLS");
  int rounds = value ? std::atoi(value) : 0;
  return rounds > 0 ? rounds : fallback;
}

}  // namespace sijill::testing
