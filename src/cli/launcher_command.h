// The command a `sijill` command line names, found as RunMain finds it (TakeGlobalOptions in
// commands.cpp): the first argument that is neither a global option (--repo PATH, --db PATH,
// --repo=PATH, --db=PATH) nor its value. Header-only and free of the C++ library, for the
// launcher (launcher.cpp); tests/cli/launcher_test.cpp holds it to RunMain's reading.
#pragma once

#include <cstring>

namespace sijill::cli {

// nullptr when there is no command (only global options, or none at all).
inline const char* LauncherCommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const char* arg = argv[i];
    if (std::strcmp(arg, "--repo") == 0 || std::strcmp(arg, "--db") == 0) {
      ++i;  // its value; a missing one is RunMain's usage error to report
      continue;
    }
    if (std::strncmp(arg, "--repo=", 7) == 0 || std::strncmp(arg, "--db=", 5) == 0) continue;
    return arg;
  }
  return nullptr;
}

// The binary beside the launcher that runs `command`: sijill-search for the two commands that
// need Xapian, sijill-record for everything else (it runs the record commands and hands the
// rest to sijill-full, src/cli/main.cpp).
inline const char* LauncherTarget(const char* command) {
  if (command != nullptr &&
      (std::strcmp(command, "index") == 0 || std::strcmp(command, "search") == 0))
    return "sijill-search";
  return "sijill-record";
}

}  // namespace sijill::cli
