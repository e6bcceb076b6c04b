// Runs the real `sijill` binary (build/sijill) as a user would, for end-to-end tests.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sijill::testing {

struct CliResult {
  int exit_code = -1;  // 128 + signal number when killed
  std::string out;
  std::string err;
};

struct CliOptions {
  std::string cwd;                           // empty = the test's working directory
  std::map<std::string, std::string> env;    // added to (or replacing in) the environment
  std::string input;                         // standard input
  std::string binary;                        // empty = build/sijill
};

CliResult RunSijill(const std::vector<std::string>& args, const CliOptions& options = {});

// Starts `sijill ARGS` without waiting; returns the pid (stdout/stderr go to /dev/null).
int StartSijill(const std::vector<std::string>& args, const CliOptions& options = {});

}  // namespace sijill::testing
