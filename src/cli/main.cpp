// `sijill-record`: the binary the `sijill` launcher (launcher.cpp) hands every command but
// `index` and `search`, often once per record (`sijill status` in a loop). It links only what
// the record commands need (libgit2, yaml-cpp) and runs them itself; every other command (the
// service, the site, the record, import) it hands to sijill-full beside it, which links
// Xapian, ICU, Poco, cmark and mstch as well. Loading those libraries took ~5 ms of every
// start, a sixth of a `sijill status` (bench/RESULTS.md).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "cli/hand_over_env.h"
#include "cli/runners.h"
#include "sijill/error.h"

namespace sijill::cli {

namespace {

// What this binary runs itself. A command added here must not pull in the libraries it leaves
// to the others: tests/cli/front_binary_test.cpp reads this binary's needed libraries.
const Runner kRunners[] = {
    {"init", RunInit},     {"check", RunCheck},     {"show", RunShow},
    {"status", RunStatus}, {"history", RunHistory}, {"summary", RunSummary},
};

// The binary beside this one that runs `command`.
const char* BinaryFor(std::string_view command) {
  return command == "index" || command == "search" ? "sijill-search" : "sijill-full";
}

// Replaces this process with the binary that runs `command` (same arguments and streams; the
// environment with HandOverEnvironment's additions), so the exit code, output and signals are
// that command's own.
int RunInOtherBinary(const char* command, const std::vector<std::string>& argv) {
  std::error_code error;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  std::filesystem::path binary =
      (error ? std::filesystem::path(".") : self.parent_path()) / BinaryFor(command);
  std::vector<char*> args = {const_cast<char*>("sijill")};
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  for (const EnvironmentSetting& setting : HandOverEnvironment(command, environ)) {
    setenv(setting.name.c_str(), setting.value.c_str(), 1);
  }
  std::cout.flush();
  execv(binary.c_str(), args.data());
  throw Error(Error::Kind::kIo, "cannot run " + binary.string() + ": " + std::strerror(errno) +
                                    " (it is built beside sijill)");
}

}  // namespace

}  // namespace sijill::cli

int main(int argc, char** argv) {
  return sijill::cli::RunProcess(argc, argv, sijill::cli::kRunners, sijill::cli::RunInOtherBinary);
}
