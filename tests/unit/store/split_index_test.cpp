// The split index (git's "link" extension) written and read by the fast index editor
// (issue 2, item 7): git must read what the store writes as the same index a whole one would be.
#include <dirent.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <vector>

#include "sijill/error.h"
#include "sijill/store/repository.h"
#include "support/test_repo.h"

namespace sijill::store {

using sijill::testing::TestAuthor;
using sijill::testing::TestRepo;

namespace {

const char* const kFiles = R"(
-- sijill.yaml --
title: test
-- recommendations/a/p1.yaml --
a1
-- recommendations/b/p1.yaml --
b1
-- recommendations/b/p2.yaml --
b2
-- recommendations/c/p1.yaml --
c1
)";

std::vector<std::string> SharedIndexes(const TestRepo& repo) {
  std::vector<std::string> names;
  DIR* dir = opendir((repo.root() + "/.git").c_str());
  while (const dirent* item = readdir(dir)) {
    std::string name = item->d_name;
    if (name.rfind("sharedindex.", 0) == 0) names.push_back(name);
  }
  closedir(dir);
  return names;
}

bool IsSplit(const TestRepo& repo) {
  // The extension's signature follows the entries; a whole index of these paths has no "link".
  return repo.Read(".git/index").find("link") != std::string::npos;
}

// `git ls-files -s` of a whole (never split) index built from HEAD: what the store's index must
// list, since every store commit leaves the index equal to HEAD.
std::string ReferenceListing(const TestRepo& repo) {
  return repo.Shell("git -c core.splitIndex=false read-tree --index-output=.git/reference-index HEAD"
                    " && GIT_INDEX_FILE=.git/reference-index git ls-files -s"
                    " && rm .git/reference-index");
}

// What git must think of the index after store commits.
void CheckGitAccepts(const TestRepo& repo) {
  BOOST_TEST(repo.Git("status --porcelain") == "");
  BOOST_TEST(repo.Git("fsck --strict --no-dangling 2>&1") == "");
  BOOST_TEST(repo.Git("ls-files -s") == ReferenceListing(repo));
  BOOST_TEST(repo.Git("write-tree") == repo.Git("rev-parse HEAD^{tree}"));
}

void Remove(TestRepo& repo, const std::string& path) {
  repo.repo().Commit({"", {{path, std::nullopt}}}, TestAuthor(), "rm " + path);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(split_index)

BOOST_AUTO_TEST_CASE(SmallRepositoryKeepsAWholeIndex) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Commit("-- recommendations/a/p1.yaml --\na1 changed\n");
  BOOST_TEST(!IsSplit(repo));
  BOOST_TEST(SharedIndexes(repo).empty());
  CheckGitAccepts(repo);
}

BOOST_AUTO_TEST_CASE(SplitIndexIsWrittenAndReadBack) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Git("config core.splitIndex true");
  repo.Git("config splitIndex.maxPercentChange 100");  // one shared index throughout
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v2\n");
  BOOST_TEST(IsSplit(repo));
  BOOST_TEST(SharedIndexes(repo).size() == 1u);
  CheckGitAccepts(repo);
  // Replacements, additions and deletions over that shared index, each read back by the next
  // store commit (which refuses to write over a path whose index entry disagrees with HEAD).
  repo.Commit("-- recommendations/b/p2.yaml --\nb2 v2\n-- recommendations/d/p1.yaml --\nd1\n");
  CheckGitAccepts(repo);
  Remove(repo, "recommendations/b/p1.yaml");
  CheckGitAccepts(repo);
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v3\n-- recommendations/d/p1.yaml --\nd1 v2\n");
  repo.Commit("-- recommendations/b/p1.yaml --\nb1 again\n");
  CheckGitAccepts(repo);
  BOOST_TEST(SharedIndexes(repo).size() == 1u);
  BOOST_TEST(repo.Git("ls-files --debug recommendations/a/p1.yaml").find("size: 6") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(ManyChangesWriteANewSharedIndex) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Git("config core.splitIndex true");
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v2\n");
  std::vector<std::string> first = SharedIndexes(repo);
  BOOST_TEST(first.size() == 1u);
  // Two of five entries (40 %) differ from the shared index: past git's default 20 %.
  repo.Commit("-- recommendations/b/p1.yaml --\nb1 v2\n-- recommendations/c/p1.yaml --\nc1 v2\n");
  std::vector<std::string> second = SharedIndexes(repo);
  BOOST_TEST(second.size() == 2u);  // the old one is kept, as git does, until it expires
  CheckGitAccepts(repo);
  // The index links the new one: removing the old one does not matter to git.
  for (const std::string& name : first) std::remove((repo.root() + "/.git/" + name).c_str());
  CheckGitAccepts(repo);
  repo.Commit("-- recommendations/c/p1.yaml --\nc1 v3\n");
  CheckGitAccepts(repo);
}

BOOST_AUTO_TEST_CASE(SplitIndexWrittenByGitIsRead) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Git("update-index --split-index");
  // git's own replacements, deletions and additions (its EWAH bitmaps) over its shared index.
  repo.Write("recommendations/b/p1.yaml", "b1 by git\n");
  repo.Write("recommendations/e/p1.yaml", "e1 by git\n");
  repo.Git("add -A");
  repo.Git("rm -q recommendations/b/p2.yaml");
  repo.Git("commit -q -m 'by git'");
  BOOST_TEST(IsSplit(repo));
  repo.Commit("-- recommendations/c/p1.yaml --\nc1 by store\n-- recommendations/e/p2.yaml --\ne2\n");
  CheckGitAccepts(repo);
  repo.Commit("-- recommendations/b/p1.yaml --\nb1 by store\n");
  CheckGitAccepts(repo);
  BOOST_TEST(IsSplit(repo));  // core.splitIndex unset: a split index stays split
}

BOOST_AUTO_TEST_CASE(PlainGitCommitBetweenStoreCommits) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Git("config core.splitIndex true");
  repo.Git("config splitIndex.maxPercentChange 100");
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v2\n");
  repo.Write("notes.txt", "by git\n");
  repo.Write("recommendations/c/p1.yaml", "c1 by git\n");
  repo.Git("add -A");
  repo.Git("commit -q -m 'by git'");
  CheckGitAccepts(repo);
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v3\n-- recommendations/c/p1.yaml --\nc1 v3\n");
  CheckGitAccepts(repo);
  repo.Write("notes.txt", "by git again\n");
  repo.Git("commit -q -a -m 'by git again'");
  BOOST_TEST(repo.Git("show HEAD:recommendations/c/p1.yaml") == "c1 v3\n");
  BOOST_TEST(repo.Git("diff --name-only HEAD~1 HEAD") == "notes.txt\n");
  CheckGitAccepts(repo);
}

BOOST_AUTO_TEST_CASE(SplitIndexTurnedOffIsWrittenWhole) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Git("config core.splitIndex true");
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v2\n");
  BOOST_TEST(IsSplit(repo));
  repo.Git("config core.splitIndex false");
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v3\n");
  BOOST_TEST(!IsSplit(repo));
  CheckGitAccepts(repo);
}

BOOST_AUTO_TEST_CASE(LargeIndexIsSplitByDefault) {
  TestRepo repo = TestRepo::FromText(kFiles);
  // 10,000 more entries (the threshold), all the same blob, committed by git; their files are
  // not in the working tree, which does not matter to the index.
  std::string blob = repo.Git("rev-parse HEAD:recommendations/a/p1.yaml").substr(0, 40);
  repo.Shell("seq 1 10000 | sed 's|^|100644 " + blob +
                  " 0\tbulk/f|' | git update-index --index-info");
  repo.Git("commit -q -m bulk");
  BOOST_TEST(!IsSplit(repo));
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v2\n");
  BOOST_TEST(IsSplit(repo));
  BOOST_TEST(repo.Git("ls-files -s") == ReferenceListing(repo));
  BOOST_TEST(repo.Git("diff-index --cached HEAD") == "");
  BOOST_TEST(repo.Git("fsck --strict --no-dangling 2>&1") == "");
}

BOOST_AUTO_TEST_CASE(SplitIndexOfVersionFourIsAClearError) {
  // libgit2 (the fallback for version 4) cannot read any split index.
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Git("update-index --index-version 4");
  repo.Git("update-index --split-index");
  BOOST_TEST(IsSplit(repo));
  try {
    repo.Commit("-- recommendations/a/p1.yaml --\na1 v2\n");
    BOOST_FAIL("the commit went through");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()).find("--no-split-index") != std::string::npos, e.what());
  }
  BOOST_TEST(repo.Git("status --porcelain") == "");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::store
