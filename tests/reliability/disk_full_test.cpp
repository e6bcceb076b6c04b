// Disk full and a read-only repository (issue 8 item 3): `sijill status`, `index` and `extract`
// fail with a clear error naming what failed, exit 1, and change nothing: HEAD, the working
// tree and `git status` are as before, git fsck is clean, and the next write succeeds.
//
// A full disk is simulated with RLIMIT_FSIZE (fault_cli.h): it works as root and non-root and
// needs no cleanup, unlike a small tmpfs or loop device (root only) — every write past the
// limit fails with EFBIG as it would with ENOSPC. Several limits put the failure at different
// writes (objects, the git index, the ref, the record file, the Xapian tables).
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reliability/fault_cli.h"
#include "support/run_cli.h"
#include "support/test_repo.h"

namespace sijill::testing {

namespace {

const long long kLimits[] = {0, 1, 100, 600, 2000, 8000, 30000, 120000};

struct State {
  std::string head;
  std::string porcelain;
  std::string files;
  friend bool operator==(const State&, const State&) = default;
};

State StateOf(const TestRepo& repo) {
  return {repo.Git("rev-parse HEAD"), repo.Git("status --porcelain"), Snapshot(repo.root())};
}

// A refused write: exit 1, "sijill: ..." on stderr saying what could not be written, and the
// repository exactly as before. An accepted one (the limit was high enough) must be complete.
void ExpectRefusedOrComplete(const TestRepo& repo, const State& before, const CliResult& result,
                             const std::string& what, const std::string& names) {
  if (result.exit_code == 0) {
    // docs/store.md: once the commit is made the write is reported done, even when the working
    // tree could not be brought up to date; the next command repairs it.
    BOOST_TEST(RunSijill({"--repo", repo.root(), "show", kSeedIds[0]}).exit_code == 0);
    BOOST_TEST(repo.Git("status --porcelain") == "", what << " succeeded but left changes");
    return;
  }
  BOOST_TEST(result.exit_code == 1, what << " exit " << result.exit_code << ": " << result.err);
  BOOST_TEST(result.err.starts_with("sijill: "), what << ": " << result.err);
  BOOST_TEST(result.err.find(names) != std::string::npos,
             what << " names " << names << ": " << result.err);
  BOOST_TEST(result.err.find('\n') == result.err.size() - 1, what << ": one line: " << result.err);
  BOOST_TEST((StateOf(repo) == before), what << " changed the repository");
  repo.Git("fsck --strict --no-progress");
}

std::vector<std::string> Status(const TestRepo& repo, const std::string& note) {
  return {"--repo",    repo.root(),   "status",
          kSeedIds[0], "implemented", "--note",
          note,        "--author",    "Full <f@example.org>",
          "--date",    "2021-05-01"};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reliability)
BOOST_AUTO_TEST_SUITE(disk_full)

BOOST_AUTO_TEST_CASE(StatusOnAFullDiskChangesNothing) {
  TestRepo repo = SeedRepo();
  int refused = 0;
  for (long long limit : kLimits) {
    State before = StateOf(repo);
    CliResult result = RunSijillWithFault(Status(repo, "limit " + std::to_string(limit)),
                                          {.file_size_limit = limit});
    refused += result.exit_code != 0;
    ExpectRefusedOrComplete(repo, before, result, "status with a limit of " + std::to_string(limit),
                            "cannot commit recommendations/a-res-64-293/p5.yaml");
  }
  BOOST_TEST(refused > 0);
  CliResult after = RunSijill(Status(repo, "after"));
  BOOST_TEST(after.exit_code == 0, after.err);
  BOOST_TEST(repo.Git("status --porcelain") == "");
}

BOOST_AUTO_TEST_CASE(IndexOnAFullDiskFailsAndSearchRecovers) {
  TestRepo repo = SeedRepo();
  int refused = 0;
  for (long long limit : kLimits) {
    State before = StateOf(repo);
    CliResult result = RunSijillWithFault({"--repo", repo.root(), "index", "--rebuild"},
                                          {.file_size_limit = limit});
    refused += result.exit_code != 0;
    ExpectRefusedOrComplete(repo, before, result, "index with a limit of " + std::to_string(limit),
                            "/.sijill");
    CliResult search = RunSijill({"--repo", repo.root(), "search", "الأمين العام", "--json"});
    BOOST_TEST_REQUIRE(search.exit_code == 0, "after limit " << limit << ": " << search.err);
    BOOST_TEST(nlohmann::json::parse(search.out)["total"].get<int>() > 0);
  }
  BOOST_TEST(refused > 0);
  // Whatever a failed build left in .sijill/index, an explicit rebuild replaces it.
  CliResult rebuilt = RunSijill({"--repo", repo.root(), "index", "--rebuild"});
  BOOST_TEST(rebuilt.exit_code == 0, rebuilt.err);
}

BOOST_AUTO_TEST_CASE(ExtractOnAFullDiskChangesNothing) {
  TestRepo repo = SeedRepo(/*with_records=*/false);
  int refused = 0;
  for (long long limit : kLimits) {
    State before = StateOf(repo);
    CliResult result =
        RunSijillWithFault({"--repo", repo.root(), "extract", "--author", "Full <f@example.org>"},
                           {.file_size_limit = limit});
    refused += result.exit_code != 0;
    ExpectRefusedOrComplete(repo, before, result,
                            "extract with a limit of " + std::to_string(limit),
                            "cannot commit recommendations/a-res-64-293/");
  }
  BOOST_TEST(refused > 0);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
