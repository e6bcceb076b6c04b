#include "support/run_cli.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sijill::testing {

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// In the child: set up directory, environment and descriptors, then exec sijill.
[[noreturn]] void ExecSijill(const std::vector<std::string>& args, const CliOptions& options,
                             int in_fd, int out_fd, int err_fd) {
  if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(126);
  for (const auto& [name, value] : options.env) setenv(name.c_str(), value.c_str(), 1);
  dup2(in_fd, 0);
  dup2(out_fd, 1);
  dup2(err_fd, 2);
  const char* binary = options.binary.empty() ? SIJILL_BINARY : options.binary.c_str();
  std::vector<char*> argv = {const_cast<char*>(binary)};
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  execv(binary, argv.data());
  _exit(127);
}

}  // namespace

CliResult RunSijill(const std::vector<std::string>& args, const CliOptions& options) {
  char dir_template[] = "/tmp/sijill-cli-XXXXXX";
  if (!mkdtemp(dir_template)) throw std::runtime_error("mkdtemp failed");
  std::string dir = dir_template;
  std::string in_path = dir + "/in", out_path = dir + "/out", err_path = dir + "/err";
  std::ofstream(in_path, std::ios::binary) << options.input;
  int in_fd = open(in_path.c_str(), O_RDONLY);
  int out_fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = fork();
  if (pid == 0) ExecSijill(args, options, in_fd, out_fd, err_fd);
  close(in_fd);
  close(out_fd);
  close(err_fd);
  int status = 0;
  waitpid(pid, &status, 0);
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = Slurp(out_path);
  result.err = Slurp(err_path);
  std::string cleanup = "rm -rf '" + dir + "'";
  if (std::system(cleanup.c_str()) != 0) {
  }
  return result;
}

int StartSijill(const std::vector<std::string>& args, const CliOptions& options) {
  pid_t pid = fork();
  if (pid == 0) {
    int null_in = open("/dev/null", O_RDONLY);
    int null_out = open("/dev/null", O_WRONLY);
    ExecSijill(args, options, null_in, null_out, null_out);
  }
  return pid;
}

}  // namespace sijill::testing
