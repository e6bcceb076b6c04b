// A read-only repository (issue 8 item 3): writes fail with a clear error and change nothing;
// reading (show, search of an index that is up to date) still works.
//
// Root ignores file modes, so when the tests run as root (CI) the tree is given to uid 65534
// and the command runs as that user (libgit2 refuses a repository its user does not own);
// either way the tree is made read-only with chmod a-w (fault_cli.h). A read-only bind mount or
// chattr +i would need privileges and cleanup that a runner may not allow.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "reliability/fault_cli.h"
#include "support/run_cli.h"
#include "support/test_repo.h"

namespace sijill::testing {

namespace {

// Restores owner and write permission when the test ends, so TestRepo can remove the directory.
class ReadOnlyTree {
 public:
  explicit ReadOnlyTree(const std::string& root) : root_(root) {
    if (geteuid() == 0) ChangeOwner(root_, 65534);
    SetReadOnly(root_, true);
  }
  ~ReadOnlyTree() {
    SetReadOnly(root_, false);
    if (geteuid() == 0) ChangeOwner(root_, 0);
  }
  ReadOnlyTree(const ReadOnlyTree&) = delete;
  ReadOnlyTree& operator=(const ReadOnlyTree&) = delete;

 private:
  std::string root_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(reliability)
BOOST_AUTO_TEST_SUITE(read_only)

BOOST_AUTO_TEST_CASE(WritesToAReadOnlyRepositoryFailAndChangeNothing) {
  TestRepo repo = SeedRepo();
  CliResult indexed = RunSijill({"--repo", repo.root(), "index"});
  BOOST_TEST_REQUIRE(indexed.exit_code == 0, indexed.err);
  // A follow-up after the index was built, so that catching up has something to write.
  CliResult update = RunSijill({"--repo", repo.root(), "status", kSeedIds[1], "in-progress",
                                "--author", "Rw <rw@example.org>", "--date", "2021-04-01"});
  BOOST_TEST_REQUIRE(update.exit_code == 0, update.err);
  std::string head = repo.Git("rev-parse HEAD");
  std::string files = Snapshot(repo.root());
  Fault fault{.unprivileged = true};
  {
    ReadOnlyTree read_only(repo.root());
    // Each write, and what its one-line error must name.
    const std::vector<std::pair<std::vector<std::string>, std::string>> writes = {
        {{"--repo", repo.root(), "status", kSeedIds[0], "implemented", "--note", "ro", "--author",
          "Ro <ro@example.org>", "--date", "2021-05-01"},
         "cannot commit recommendations/a-res-64-293/p5.yaml"},
        {{"--repo", repo.root(), "index", "--rebuild"}, "/.sijill/index"},
        // Catching up opens the index in place: a lock file it cannot create is no other writer.
        {{"--repo", repo.root(), "index"}, "cannot write the search index"},
        {{"--repo", repo.root(), "extract", "--author", "Ro <ro@example.org>"},
         "cannot commit recommendations/a-res-64-293/"},
    };
    for (const auto& [args, names] : writes) {
      CliResult result = RunSijillWithFault(args, fault);
      BOOST_TEST(result.exit_code == 1,
                 args[2] << " exit " << result.exit_code << ": " << result.err);
      BOOST_TEST(result.err.starts_with("sijill: "), args[2] << ": " << result.err);
      BOOST_TEST(result.err.find(names) != std::string::npos, args[2] << ": " << result.err);
      BOOST_TEST(result.err.find("another process") == std::string::npos, result.err);
      BOOST_TEST_MESSAGE(args[2] << ": " << result.err);
    }
    // Readers are not writers: show and search work on the read-only repository.
    CliResult show = RunSijillWithFault({"--repo", repo.root(), "show", kSeedIds[0]}, fault);
    BOOST_TEST(show.exit_code == 0, show.err);
    CliResult search = RunSijillWithFault({"--repo", repo.root(), "search", "الأمين العام"}, fault);
    BOOST_TEST(search.exit_code == 0, search.err);
  }
  BOOST_TEST(repo.Git("rev-parse HEAD") == head);
  BOOST_TEST(repo.Git("status --porcelain") == "");
  BOOST_TEST(Snapshot(repo.root()) == files);
  repo.Git("fsck --strict --no-progress");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
