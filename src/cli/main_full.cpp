// `sijill-full`: the command line with every command linked in. `sijill` hands it the commands
// it does not run itself (main.cpp); it can also be run directly.
#include "cli/command.h"

int main(int argc, char** argv) {
  return sijill::cli::RunProcess(argc, argv, sijill::cli::AllRunners(), nullptr);
}
