// The git index after store commits: what plain git sees (issue 2, items 4 and 7).
#include <boost/test/unit_test.hpp>

#include "sijill/error.h"
#include "sijill/store/repository.h"
#include "store/index_editor.h"
#include "support/test_repo.h"

namespace sijill::store {

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
)";

// Commits through git, so the index carries git's own cache tree (TREE extension).
void GitCommitAll(TestRepo& repo, const std::string& path, const std::string& text) {
  repo.Write(path, text);
  repo.Git("add -A");
  repo.Git("commit -q -m 'by git'");
}

// git's racy-clean case (Documentation/technical/racy-git.txt): a file changed in the same
// second as the index was written, keeping its size and mtime, looks clean to git once a later
// index is written, unless that write smudges the entry (size 0) as git does. The store's next
// commit (of another file) is that later write. core.checkStat=minimal makes git compare only
// the mtime's seconds and the size, so nanoseconds and ctime cannot reveal the change instead.
void CheckRacyChangeStaysVisible(TestRepo& repo) {
  repo.Git("config core.checkStat minimal");
  const std::string old_time = "@1700000000";  // the entry and the index, both long ago
  repo.Shell("touch -d " + old_time + " recommendations/a/p1.yaml && git update-index --refresh");
  repo.Shell("printf 'x1\\n' > recommendations/a/p1.yaml && touch -d " + old_time +
             " recommendations/a/p1.yaml .git/index");
  // (GIT_OPTIONAL_LOCKS=0: a plain `git status` would write the index, smudging the entry itself.)
  BOOST_TEST(repo.Shell("GIT_OPTIONAL_LOCKS=0 git status --porcelain") ==
             " M recommendations/a/p1.yaml\n");
  repo.Commit("-- recommendations/b/p2.yaml --\nb2 by store\n");
  BOOST_TEST(repo.Git("status --porcelain") == " M recommendations/a/p1.yaml\n");
  BOOST_TEST(repo.Git("ls-files --debug recommendations/a/p1.yaml").find("size: 0") !=
             std::string::npos);
}

// A split index as git writes it (`update-index --split-index`), every entry in the shared
// index and older than the main index: the state in which a store commit of a file that is
// there takes the shortest path, without parsing the shared entries.
void SplitWithOldEntries(TestRepo& repo) {
  repo.Git("config core.splitIndex true");
  repo.Git("config splitIndex.maxPercentChange 100");
  repo.Shell("touch -d @1700000000 sijill.yaml recommendations/*/*.yaml && "
             "git update-index -q --refresh && git update-index --split-index");
}

// What HEAD holds, in `git ls-files -s` form.
std::string HeadAsStaged(TestRepo& repo) {
  return repo.Git("ls-tree -r HEAD --format='%(objectmode) %(objectname) 0\t%(path)'");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(index_editor)

BOOST_AUTO_TEST_CASE(CommitsOverASplitIndexReplaceEntriesWithoutANewSharedIndex) {
  TestRepo repo = TestRepo::FromText(kFiles);
  SplitWithOldEntries(repo);
  std::string shared = repo.Shell("ls .git | grep sharedindex");
  size_t before = worktree::ReplacementOnlyIndexWrites();
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v2\n");
  repo.Commit("-- recommendations/b/p2.yaml --\nb2 v2\n");
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v3\n");  // a replacement replaced
  BOOST_TEST(worktree::ReplacementOnlyIndexWrites() - before == 3u);
  BOOST_TEST(repo.Shell("ls .git | grep sharedindex") == shared);
  BOOST_TEST(repo.Shell("ls .git | grep -c sijill-shared-offsets") == "1\n");
  BOOST_TEST(repo.Git("status --porcelain") == "");
  BOOST_TEST(repo.Git("ls-files -s") == HeadAsStaged(repo));
  BOOST_TEST(repo.Git("write-tree") == repo.Git("rev-parse HEAD^{tree}"));
  BOOST_TEST(repo.Git("fsck --strict --no-dangling 2>&1") == "");
  // An added file needs the whole index: the long path, with the same result.
  repo.Commit("-- recommendations/c/p1.yaml --\nc1\n");
  BOOST_TEST(worktree::ReplacementOnlyIndexWrites() - before == 3u);
  BOOST_TEST(repo.Git("status --porcelain") == "");
  BOOST_TEST(repo.Git("ls-files -s") == HeadAsStaged(repo));
}

BOOST_AUTO_TEST_CASE(ADamagedOffsetsSidecarIsNotTrusted) {
  TestRepo repo = TestRepo::FromText(kFiles);
  SplitWithOldEntries(repo);
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v2\n");  // writes the sidecar
  // The second entry's offset (bytes 52-55) zeroed: trusted, it would point into the header.
  repo.Shell("printf '\\000\\000\\000\\000' | "
             "dd of=.git/sijill-shared-offsets bs=1 seek=52 conv=notrunc 2>/dev/null");
  repo.Commit("-- recommendations/b/p2.yaml --\nb2 v2\n");
  BOOST_TEST(repo.Git("status --porcelain") == "");
  BOOST_TEST(repo.Git("ls-files -s") == HeadAsStaged(repo));
  // ... and it was written again from a scan.
  BOOST_TEST(repo.Shell("od -An -tx1 -j52 -N4 .git/sijill-shared-offsets") != " 00 00 00 00\n");
}

BOOST_AUTO_TEST_CASE(ARacilyCleanReplacementIsSmudgedOnTheShortPath) {
  TestRepo repo = TestRepo::FromText(kFiles);
  SplitWithOldEntries(repo);
  repo.Git("config core.checkStat minimal");
  // a/p1 becomes a replacement in the main index, then changes behind the same stat data, and
  // the index is given the file's mtime (as in CheckRacyChangeStaysVisible).
  repo.Commit("-- recommendations/a/p1.yaml --\na1 v2\n");
  repo.Shell("t=$(stat -c %.9Y recommendations/a/p1.yaml) && printf 'x1 v2\\n' > "
             "recommendations/a/p1.yaml && touch -d @$t recommendations/a/p1.yaml .git/index");
  size_t before = worktree::ReplacementOnlyIndexWrites();
  repo.Commit("-- recommendations/b/p2.yaml --\nb2 by store\n");
  BOOST_TEST(worktree::ReplacementOnlyIndexWrites() - before == 1u);
  BOOST_TEST(repo.Git("status --porcelain") == " M recommendations/a/p1.yaml\n");
  BOOST_TEST(repo.Git("ls-files --debug recommendations/a/p1.yaml").find("size: 0") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(ARacilyCleanChangeStaysVisibleAfterAStoreCommit) {
  TestRepo repo = TestRepo::FromText(kFiles);
  CheckRacyChangeStaysVisible(repo);
}

BOOST_AUTO_TEST_CASE(ARacilyCleanChangeStaysVisibleInASplitIndex) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Git("config core.splitIndex true");
  repo.Git("config splitIndex.maxPercentChange 100");
  repo.Commit("-- recommendations/b/p1.yaml --\nb1 v2\n");  // the index is split from here on
  CheckRacyChangeStaysVisible(repo);
}

BOOST_AUTO_TEST_CASE(AnEntryOlderThanTheIndexInTheSameSecondIsNotRacy) {
  // git (built with USE_NSEC, as Debian's is) calls an entry racy only when its mtime is not
  // before the index's to the nanosecond; sijill's updates each leave one such entry, and
  // re-reading every one of them was ~1 ms of each `sijill status` in a busy second. So an
  // entry a few hundred milliseconds older than the index, even with its content changed
  // behind matching stat data, is kept as it is: git itself would not look at it either.
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Shell("touch -d @1700000000.2 recommendations/a/p1.yaml && git update-index --refresh");
  repo.Shell("printf 'x1\\n' > recommendations/a/p1.yaml && touch -d @1700000000.2 "
             "recommendations/a/p1.yaml && touch -d @1700000000.5 .git/index");
  repo.Commit("-- recommendations/b/p2.yaml --\nb2 by store\n");
  std::string entry = repo.Git("ls-files --debug recommendations/a/p1.yaml");
  BOOST_TEST(entry.find("size: 0") == std::string::npos, entry);
  BOOST_TEST(entry.find("mtime: 1700000000:200000000") != std::string::npos, entry);
}

BOOST_AUTO_TEST_CASE(PlainGitCommitAfterAStoreCommitKeepsTheStoreChange) {
  // A cache tree left valid along the written path would make git commit the old tree.
  TestRepo repo = TestRepo::FromText(kFiles);
  GitCommitAll(repo, "notes.txt", "by git\n");
  repo.Commit(
      "-- recommendations/b/p2.yaml --\nb2 by store\n-- recommendations/c/p1.yaml --\nc1\n");
  BOOST_TEST(repo.Git("status --porcelain") == "");
  GitCommitAll(repo, "notes.txt", "by git again\n");
  BOOST_TEST(repo.Git("show HEAD:recommendations/b/p2.yaml") == "b2 by store\n");
  BOOST_TEST(repo.Git("show HEAD:recommendations/c/p1.yaml") == "c1\n");
  BOOST_TEST(repo.Git("diff --name-only HEAD~1 HEAD") == "notes.txt\n");
  BOOST_TEST(repo.Git("write-tree") == repo.Git("rev-parse HEAD^{tree}"));
  BOOST_TEST(repo.Git("fsck --strict --no-dangling 2>&1") == "");
}

BOOST_AUTO_TEST_CASE(IndexEntriesHaveRealStatDataAndNothingIsStaged) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Commit("-- recommendations/a/p1.yaml --\na1 changed\n");
  // --debug shows stat data; a zero size would mean the entry was written without a stat.
  std::string debug = repo.Git("ls-files --debug recommendations/a/p1.yaml");
  BOOST_TEST(debug.find("size: 11") != std::string::npos, debug);
  BOOST_TEST(repo.Git("diff-index --cached HEAD") == "");
  BOOST_TEST(repo.Git("diff-files") == "");
}

BOOST_AUTO_TEST_CASE(DeletingTheLastFileOfADirectoryRemovesTheDirectory) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.repo().Commit({"", {{"recommendations/a/p1.yaml", std::nullopt}}},
                     sijill::testing::TestAuthor(), "rm");
  BOOST_TEST(repo.Git("status --porcelain --ignored") == "");
  BOOST_TEST(repo.Git("ls-files") ==
             "recommendations/b/p1.yaml\nrecommendations/b/p2.yaml\nsijill.yaml\n");
  BOOST_CHECK_THROW(repo.Read("recommendations/a/p1.yaml"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(IndexVersionFourIsHandledByTheLibgit2Fallback) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Git("update-index --index-version 4");
  repo.Commit("-- recommendations/b/p1.yaml --\nb1 changed\n-- recommendations/d/p9.yaml --\nd9\n");
  BOOST_TEST(repo.Git("status --porcelain") == "");
  BOOST_TEST(repo.Git("ls-files recommendations/d") == "recommendations/d/p9.yaml\n");
}

BOOST_AUTO_TEST_CASE(UnmergedPathIsNotWritten) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string blob = repo.Git("rev-parse HEAD:recommendations/a/p1.yaml");
  blob.pop_back();
  repo.Git("update-index --index-info <<'EOF'\n0 " + std::string(40, '0') +
           "\trecommendations/a/p1.yaml\n100644 " + blob +
           " 2\trecommendations/a/p1.yaml\n"
           "100644 " +
           blob + " 3\trecommendations/a/p1.yaml\nEOF");
  BOOST_CHECK_THROW(repo.Commit("-- recommendations/a/p1.yaml --\nx\n"), Error);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::store
