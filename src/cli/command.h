// Subcommands as a table (ninja's kTools[], libgit2's cli_cmds[]): each row names a command,
// its synopsis and options, and the function that runs it. See src/cli/README.md.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/args.h"

namespace sijill::cli {

// What every command receives. Global options (--repo, --db) are already removed from args.
struct Context {
  Context(std::ostream& out_stream, std::ostream& err_stream, std::istream& in_stream)
      : out(out_stream), err(err_stream), in(in_stream) {}

  std::string repo = ".";  // --repo DIR
  std::string db;          // --db PATH; empty = the repository's default
  std::ostream& out;
  std::ostream& err;
  std::istream& in;
  bool out_is_terminal = false;  // progress and colour only when true
  bool err_is_terminal = false;
};

struct Command {
  const char* name;
  const char* synopsis;  // "ID STATUS [--note T] ..."
  const char* summary;   // one line for `sijill --help`
  std::vector<OptionSpec> options;
  // Returns the exit code; throws Error for failures (mapped in main).
  int (*run)(Context& context, const Args& args);
};

const std::vector<Command>& Commands();

// Runs `sijill ARGV...` (argv without the program name) and returns the exit code. Errors are
// printed to context.err as "sijill: <message>". Used by main and by in-process tests.
int RunMain(const std::vector<std::string>& argv, Context& context);

}  // namespace sijill::cli
