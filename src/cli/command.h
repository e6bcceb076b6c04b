// Subcommands as a table (ninja's kTools[], libgit2's cli_cmds[]): each row names a command,
// its synopsis and options; a second table gives the function that runs it in the binary that
// links it. See src/cli/README.md.
#pragma once

#include <iosfwd>
#include <span>
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
};

// Every command's row, whichever binary runs it: usage and help come from here.
const std::vector<Command>& Commands();

// Returns the exit code; throws Error for failures (mapped in RunMain).
using RunFunction = int (*)(Context& context, const Args& args);

// Which function runs a command, in the binary that links it (src/cli/README.md).
struct Runner {
  const char* name;
  RunFunction run;
};

// Every command's runner; linking this pulls in every library sijill uses.
std::span<const Runner> AllRunners();

// Runs a command this binary has no runner for in another process image, with the same
// arguments (argv without the program name); returns only when that cannot be done. `command`
// is the command's row name, found in argv past the global options.
using HandOver = int (*)(const char* command, const std::vector<std::string>& argv);

// Runs `sijill ARGV...` (argv without the program name) and returns the exit code. Errors are
// printed to context.err as "sijill: <message>". A command missing from `runners` goes to
// `hand_over`. Used by the binaries' mains and by in-process tests.
int RunMain(const std::vector<std::string>& argv, Context& context,
            std::span<const Runner> runners = AllRunners(), HandOver hand_over = nullptr);

// A binary's main: RunMain on the process's streams and arguments.
int RunProcess(int argc, char** argv, std::span<const Runner> runners, HandOver hand_over);

}  // namespace sijill::cli
