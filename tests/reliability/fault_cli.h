// Runs the real `sijill` binary under an injected fault (tests/reliability): a file-size limit
// that makes every write past it fail like a full disk, or an unprivileged user that cannot
// write a read-only tree even when the tests run as root.
#pragma once

#include <string>
#include <vector>

#include "support/run_cli.h"
#include "support/test_repo.h"

namespace sijill::testing {

struct Fault {
  // RLIMIT_FSIZE in bytes (SIGXFSZ ignored, so write() fails with EFBIG as on a full disk);
  // negative = no limit. Output goes through pipes, which the limit does not touch.
  long long file_size_limit = -1;
  // Run as uid/gid 65534 (nobody) when the tests run as root: root ignores file modes, and a
  // bind mount or chattr +i needs privileges and cleanup a CI runner may not allow.
  bool unprivileged = false;
};

CliResult RunSijillWithFault(const std::vector<std::string>& args, const Fault& fault);

// Makes every file and directory under `root` read-only (chmod a-w) and readable by all, or
// writable by its owner again.
void SetReadOnly(const std::string& root, bool read_only);

// chown -R uid:uid (needs root).
void ChangeOwner(const std::string& root, unsigned uid);

// Every file's bytes under the working tree (outside .git and the .sijill cache): equal before
// and after a refused write (with HEAD and `git status`) = nothing changed.
std::string Snapshot(const std::string& root);

}  // namespace sijill::testing

namespace sijill::testing {

// A repository made of this repository's own sijill.yaml, corpus/a-res-64-293.md and (unless
// `with_records` is false) the records a-res-64-293.p5, .p6, .p7 (kSeedIds), committed.
TestRepo SeedRepo(bool with_records = true);
extern const char* const kSeedIds[3];

// SIJILL_RELIABILITY_KILLS when set (a positive number), else `fallback`.
int KillRounds(int fallback);

}  // namespace sijill::testing
