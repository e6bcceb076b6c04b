// New objects are written by store/loose_writer.cpp (libdeflate), and git reads them.
#include "store/loose_writer.h"

#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include "sijill/store/repository.h"
#include "support/test_repo.h"

namespace sijill::store {

using sijill::testing::TestRepo;

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(loose_writer)

BOOST_AUTO_TEST_CASE(CommitsAreWrittenByTheWriterAndGitReadsThem) {
  TestRepo repo = TestRepo::FromText("-- recommendations/a/p1.yaml --\na1\n");
  size_t before = LooseObjectsWritten();
  // A blob, three trees (a/, recommendations/, the root) and the commit.
  std::string text(100000, 'x');  // large enough for several deflate blocks
  repo.Commit("-- recommendations/a/p2.yaml --\n" + text + "\n");
  BOOST_TEST(LooseObjectsWritten() - before == 5u);
  BOOST_TEST(repo.Git("cat-file -p HEAD:recommendations/a/p2.yaml") == text + "\n");
  BOOST_TEST(repo.Git("fsck --strict --no-dangling 2>&1") == "");
  std::string blob = repo.Git("rev-parse HEAD:recommendations/a/p2.yaml");
  struct stat st;
  std::string file = repo.root() + "/.git/objects/" + blob.substr(0, 2) + "/" + blob.substr(2, 38);
  BOOST_REQUIRE(stat(file.c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0444u);  // read-only, as git writes objects
  BOOST_TEST(repo.Shell("ls .git/objects | grep -c tmp_ || true") == "0\n");
}

BOOST_AUTO_TEST_CASE(AnObjectThatExistsIsNotWrittenAgain) {
  TestRepo repo = TestRepo::FromText("-- recommendations/a/p1.yaml --\nsame\n");
  // The same file under another directory: its blob and b/'s tree (the same as a/'s) are
  // there already (libgit2 asks every backend first), so only recommendations/, the root tree
  // and the commit are new.
  size_t before = LooseObjectsWritten();
  repo.Commit("-- recommendations/b/p1.yaml --\nsame\n");
  BOOST_TEST(LooseObjectsWritten() - before == 3u);
  BOOST_TEST(repo.Git("rev-parse HEAD:recommendations/a/p1.yaml") ==
             repo.Git("rev-parse HEAD:recommendations/b/p1.yaml"));
  BOOST_TEST(repo.Git("fsck --strict --no-dangling 2>&1") == "");
  BOOST_TEST(repo.Git("status --porcelain") == "");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::store
