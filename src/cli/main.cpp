#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  sijill::cli::Context context(std::cout, std::cerr, std::cin);
  context.out_is_terminal = isatty(STDOUT_FILENO) != 0;
  context.err_is_terminal = isatty(STDERR_FILENO) != 0;
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = sijill::cli::RunMain(args, context);
  std::cout.flush();
  return code;
}
