// Forked child processes for tests of concurrent writers and crashes.
#pragma once

#include <sys/types.h>

#include <functional>

namespace sijill::testing {

// Runs `body` in a forked child that exits with 0 when it returns, 1 when it throws (the message
// goes to stderr). The child never returns into the test framework.
pid_t StartChild(const std::function<void()>& body);

// Waits for the child; returns its exit code, or 128 + signal number when it was killed.
int WaitChild(pid_t pid);

}  // namespace sijill::testing
