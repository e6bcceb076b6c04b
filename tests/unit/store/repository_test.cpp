// Store reads, commits and history (issue 2, item 4).
#include "sijill/store/repository.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>
#include <thread>

#include "sijill/error.h"
#include "support/test_repo.h"

namespace sijill::store {

using sijill::testing::TestAuthor;
using sijill::testing::TestRepo;

namespace {

const char* const kFiles = R"(
-- sijill.yaml --
title: test
-- corpus/x.md --
---
symbol: X/1
---
-- recommendations/x/p1.yaml --
id: x.p1
status: open
-- recommendations/x/p2.yaml --
id: x.p2
status: open
)";

Signature At(long long when) {
  Signature author = TestAuthor();
  author.when = when;
  return author;
}

Error::Kind KindOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.kind();
  }
  BOOST_FAIL("no error thrown");
  return Error::Kind::kInternal;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(repository)

BOOST_AUTO_TEST_CASE(FirstCommitCreatesMainAndIsReadable) {
  TestRepo repo;
  BOOST_TEST(repo.repo().Head() == "");
  BOOST_TEST(!repo.repo().ReadFile("sijill.yaml"));
  std::string id = repo.Commit(kFiles);
  BOOST_TEST(repo.repo().Head() == id);
  BOOST_TEST(repo.Git("rev-parse refs/heads/main") == id + "\n");
  BOOST_TEST(*repo.repo().ReadFile("recommendations/x/p1.yaml") == "id: x.p1\nstatus: open\n");
  BOOST_TEST(!repo.repo().ReadFile("recommendations/x/p9.yaml"));
}

BOOST_AUTO_TEST_CASE(FirstCommitGoesToTheBranchHeadNames) {
  TestRepo repo;
  repo.Git("symbolic-ref HEAD refs/heads/trunk");
  Repository opened = Repository::Open(repo.root());
  std::string id = opened.Commit({"", {{"a.yaml", "a\n"}}}, TestAuthor(), "first");
  BOOST_TEST(repo.Git("rev-parse trunk") == id + "\n");
  BOOST_TEST(repo.Git("status --porcelain") == "");
  repo.Git("checkout -q --detach");
  BOOST_TEST((KindOf([&] {
                opened.Commit({"", {{"b.yaml", "b\n"}}}, TestAuthor(), "x");
              }) == Error::Kind::kInvalid));
}

BOOST_AUTO_TEST_CASE(ReadsComeFromCommitsNotTheWorkingTree) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Write("sijill.yaml", "title: edited by hand\n");
  BOOST_TEST(*repo.repo().ReadFile("sijill.yaml") == "title: test\n");
}

BOOST_AUTO_TEST_CASE(ReadsAtRefShortIdAndDate) {
  TestRepo repo;
  ChangeSet first{"", {{"a.yaml", "one\n"}}};
  // 2024-05-01 12:00 UTC, then 2024-05-03 09:00 UTC.
  std::string id1 = repo.repo().Commit(first, At(1714564800), "first");
  repo.Git("tag v1");
  ChangeSet second{"", {{"a.yaml", "two\n"}}};
  std::string id2 = repo.repo().Commit(second, At(1714726800), "second");
  BOOST_TEST(*repo.repo().ReadFile("a.yaml", "v1") == "one\n");
  BOOST_TEST(*repo.repo().ReadFile("a.yaml", id1.substr(0, 8)) == "one\n");
  BOOST_TEST(*repo.repo().ReadFile("a.yaml", "HEAD~1") == "one\n");
  BOOST_TEST(*repo.repo().ReadFile("a.yaml", "main") == "two\n");
  BOOST_TEST(repo.repo().Resolve("2024-05-01") == id1);
  BOOST_TEST(repo.repo().Resolve("2024-05-02") == id1);
  BOOST_TEST(repo.repo().Resolve("2024-05-03") == id2);
  BOOST_TEST(repo.repo().Resolve("2024-05-03T08:59") == id1);
  BOOST_TEST(*repo.repo().ReadFile("a.yaml", "2024-05-02") == "one\n");
  BOOST_TEST((KindOf([&] { repo.repo().Resolve("2024-04-30"); }) == Error::Kind::kNotFound));
  BOOST_TEST((KindOf([&] { repo.repo().Resolve("no-such-ref"); }) == Error::Kind::kNotFound));
}

BOOST_AUTO_TEST_CASE(BlobIdAndListFilesDescribeTheTree) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::vector<TreeEntry> files = repo.repo().ListFiles("recommendations");
  BOOST_REQUIRE(files.size() == 2u);
  BOOST_TEST(files[0].path == "recommendations/x/p1.yaml");
  BOOST_TEST(files[1].path == "recommendations/x/p2.yaml");
  BOOST_TEST(files[0].blob_id == *repo.repo().BlobId("recommendations/x/p1.yaml"));
  BOOST_TEST(repo.Git("rev-parse HEAD:recommendations/x/p1.yaml") == files[0].blob_id + "\n");
  BOOST_TEST(repo.repo().ListFiles("").size() == 4u);
  BOOST_TEST(repo.repo().ListFiles("nowhere").empty());
}

BOOST_AUTO_TEST_CASE(HistoryListsTheCommitsThatChangedOnePathNewestFirst) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string initial = repo.repo().Head();
  std::string c1 = repo.Commit("-- recommendations/x/p1.yaml --\nid: x.p1\nstatus: closed\n", "p1");
  repo.Commit("-- recommendations/x/p2.yaml --\nid: x.p2\nstatus: closed\n", "p2");
  std::string c3 =
      repo.Commit("-- recommendations/x/p1.yaml --\nid: x.p1\nstatus: open\n", "again");
  std::vector<CommitInfo> history = repo.repo().History("recommendations/x/p1.yaml");
  BOOST_REQUIRE(history.size() == 3u);
  BOOST_TEST(history[0].id == c3);
  BOOST_TEST(history[0].message == "again\n");
  BOOST_TEST(history[0].author_name == "sijill tests");
  BOOST_TEST(history[1].id == c1);
  BOOST_TEST(history[2].id == initial);
  BOOST_TEST(repo.repo().History("recommendations/x/p1.yaml", "HEAD", 1).size() == 1u);
  BOOST_TEST(repo.repo().History("recommendations/x/p1.yaml", c1).size() == 2u);
}

// Log is one walk for every path: for each path it must give the commits History gives.
BOOST_AUTO_TEST_CASE(LogGivesEachPathTheCommitsOfItsHistoryWithTheirBlobs) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string c1 = repo.Commit("-- recommendations/x/p1.yaml --\nid: x.p1\nstatus: closed\n", "p1");
  repo.Commit("-- corpus/x.md --\n---\nsymbol: X/2\n---\n", "outside the directory");
  std::string c3 = repo.repo().Commit({"", {{"recommendations/x/p2.yaml", std::nullopt}}},
                                      TestAuthor(), "delete p2");
  std::vector<CommitChanges> log = repo.repo().Log("recommendations");
  BOOST_REQUIRE(log.size() == 3u);  // the commit that only changed corpus/ is left out
  BOOST_TEST(log[0].commit.id == c3);
  BOOST_REQUIRE(log[0].changes.size() == 1u);
  BOOST_TEST(log[0].changes[0].path == "recommendations/x/p2.yaml");
  BOOST_TEST(log[0].changes[0].blob_id == "");  // deleted
  BOOST_TEST(log[1].commit.id == c1);
  BOOST_REQUIRE(log[1].changes.size() == 1u);
  BOOST_TEST(log[1].changes[0].blob_id == *repo.repo().BlobId("recommendations/x/p1.yaml", c1));
  BOOST_TEST(*repo.repo().ReadBlob(log[1].changes[0].blob_id) ==
             "id: x.p1\nstatus: closed\n");
  BOOST_TEST(log[2].changes.size() == 2u);  // the root commit adds both records
  for (const char* path : {"recommendations/x/p1.yaml", "recommendations/x/p2.yaml"}) {
    std::vector<std::string> from_log;
    for (const CommitChanges& entry : log)
      for (const PathChange& change : entry.changes)
        if (change.path == path) from_log.push_back(entry.commit.id);
    std::vector<std::string> from_history;
    for (const CommitInfo& info : repo.repo().History(path)) from_history.push_back(info.id);
    BOOST_TEST(from_log == from_history, path);
  }
  BOOST_TEST(repo.repo().Log("", c1).size() == 2u);
  BOOST_TEST(!repo.repo().ReadBlob("0123456789012345678901234567890123456789"));
  BOOST_TEST(!repo.repo().ReadBlob("not a blob id"));
}

// ReadBlob reads through databases of its own, outside the repository's lock: from several
// threads at once it gives what one thread gives; an object written after its readers were
// opened is read too; an id of a tree or commit is not a blob.
BOOST_AUTO_TEST_CASE(ReadBlobFromSeveralThreadsAtOnce) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::vector<TreeEntry> files = repo.repo().ListFiles("");
  BOOST_REQUIRE(files.size() == 4u);
  std::vector<std::string> expected;
  for (const TreeEntry& file : files) expected.push_back(*repo.repo().ReadFile(file.path));
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (size_t t = 0; t < wrong.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round)
        for (size_t i = 0; i < files.size(); ++i)
          if (repo.repo().ReadBlob(files[(i + t) % files.size()].blob_id) !=
              expected[(i + t) % files.size()])
            ++wrong[t];
    });
  for (std::thread& thread : threads) thread.join();
  BOOST_TEST(wrong == std::vector<int>(4, 0), boost::test_tools::per_element());
  std::string commit = repo.Commit("-- recommendations/x/p3.yaml --\nid: x.p3\n");
  std::optional<std::string> blob = repo.repo().BlobId("recommendations/x/p3.yaml", commit);
  BOOST_REQUIRE(blob);
  BOOST_TEST(*repo.repo().ReadBlob(*blob) == "id: x.p3\n");
  BOOST_TEST(!repo.repo().ReadBlob(commit));
}

BOOST_AUTO_TEST_CASE(ChangedPathsListsWhatTheTreeDiffTouched) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string from = repo.repo().Head();
  repo.Commit("-- recommendations/x/p2.yaml --\nchanged\n-- new.yaml --\nnew\n");
  repo.repo().Commit({"", {{"sijill.yaml", std::nullopt}}}, TestAuthor(), "delete");
  BOOST_TEST(repo.repo().ChangedPaths(from, "HEAD") ==
                 (std::vector<std::string>{"new.yaml", "recommendations/x/p2.yaml", "sijill.yaml"}),
             boost::test_tools::per_element());
  BOOST_TEST(repo.repo().ChangedPaths("", from).size() == 4u);
  BOOST_TEST(!repo.repo().ReadFile("sijill.yaml"));
}

// The changed paths are git's own (`git diff --name-only`): a directory removed whole, a file
// that became a directory (git sorts it as "x.md/", after its neighbour "x.md.old"), an unchanged
// subtree skipped, a change deep in a tree.
BOOST_AUTO_TEST_CASE(ChangedPathsAgreeWithGit) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string from = repo.repo().Head();
  repo.Commit("-- a/b/c/d.yaml --\ndeep\n-- corpus/x.md.old --\nbeside\n");
  repo.repo().Commit({"", {{"recommendations/x/p1.yaml", std::nullopt},
                           {"recommendations/x/p2.yaml", std::nullopt},
                           {"corpus/x.md", std::nullopt}}},
                     TestAuthor(), "remove");
  std::string middle = repo.repo().Head();
  repo.Commit("-- a/b/c/d.yaml --\ndeeper\n-- a/b/e.yaml --\nbeside\n"
              "-- corpus/x.md/inner.md --\nnow a directory\n");
  for (const auto& [a, b] : {std::pair{from, middle}, std::pair{middle, std::string("HEAD")},
                             std::pair{from, std::string("HEAD")}}) {
    std::vector<std::string> expected;
    std::istringstream lines(repo.Git("diff --name-only --no-renames " + a + " " + b));
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) expected.push_back(line);
    std::sort(expected.begin(), expected.end());
    BOOST_TEST(!expected.empty());
    BOOST_TEST(repo.repo().ChangedPaths(a, b) == expected, boost::test_tools::per_element());
    // ChangedFiles: the same paths, each with its blob at `b`, or "" where `b` has none.
    std::vector<PathChange> files = repo.repo().ChangedFiles(a, b);
    BOOST_REQUIRE_EQUAL(files.size(), expected.size());
    for (size_t i = 0; i < files.size(); ++i) {
      BOOST_TEST(files[i].path == expected[i]);
      std::string at_b = repo.Git("ls-tree " + b + " -- " + expected[i]);
      // "100644 blob <id>\t<path>"; a directory there now ("040000 tree ...") is no file.
      std::string blob = at_b.compare(0, 12, "100644 blob ") == 0 ? at_b.substr(12, 40) : "";
      BOOST_TEST(files[i].blob_id == blob, expected[i]);
    }
  }
}

BOOST_AUTO_TEST_CASE(StaleWriteToOtherFilesIsRebased) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string base = repo.repo().Head();
  std::string newer = repo.Commit("-- recommendations/x/p2.yaml --\nid: x.p2\nstatus: closed\n");
  ChangeSet stale{base, {{"recommendations/x/p1.yaml", "id: x.p1\nstatus: closed\n"}}};
  std::string id = repo.repo().Commit(stale, TestAuthor(), "stale but disjoint");
  BOOST_TEST(repo.Git("rev-parse HEAD^") == newer + "\n");
  BOOST_TEST(*repo.repo().ReadFile("recommendations/x/p2.yaml", id) ==
             "id: x.p2\nstatus: closed\n");
  BOOST_TEST(*repo.repo().ReadFile("recommendations/x/p1.yaml", id) ==
             "id: x.p1\nstatus: closed\n");
}

BOOST_AUTO_TEST_CASE(StaleWriteToTheSameFileIsRefusedAndChangesNothing) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string base = repo.repo().Head();
  std::string newer = repo.Commit("-- recommendations/x/p1.yaml --\nid: x.p1\nstatus: closed\n");
  ChangeSet stale{base,
                  {{"recommendations/x/p2.yaml", "x\n"}, {"recommendations/x/p1.yaml", "y\n"}}};
  try {
    repo.repo().Commit(stale, TestAuthor(), "stale");
    BOOST_FAIL("stale write accepted");
  } catch (const Error& error) {
    BOOST_TEST((error.kind() == Error::Kind::kConflict));
    BOOST_TEST(std::string(error.what()) ==
               "conflict: recommendations/x/p1.yaml changed since " + base.substr(0, 7));
  }
  BOOST_TEST(repo.repo().Head() == newer);
  BOOST_TEST(repo.Read("recommendations/x/p2.yaml") == "id: x.p2\nstatus: open\n");
  BOOST_TEST(repo.Git("status --porcelain") == "");
}

BOOST_AUTO_TEST_CASE(PathsThatEscapeTheRepositoryAreRefused) {
  for (const std::string& path : std::vector<std::string>{
           "/etc/passwd", "../x", "a/../../x", "a\\b", "a//b", "a/", ".git/config",
           "x/.GIT/hooks/pre-commit", "", "./a", std::string("a\0b", 3)}) {
    BOOST_TEST_CONTEXT("path " << path) { BOOST_CHECK_THROW(CheckRelativePath(path), Error); }
  }
  BOOST_TEST(CheckRelativePath("recommendations/x/p1.yaml") == "recommendations/x/p1.yaml");
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string head = repo.repo().Head();
  BOOST_TEST((KindOf([&] {
                repo.repo().Commit({"", {{"../outside", "x"}}}, TestAuthor(), "escape");
              }) == Error::Kind::kInvalid));
  BOOST_TEST((KindOf([&] { repo.repo().ReadFile(".git/config"); }) == Error::Kind::kInvalid));
  BOOST_TEST(repo.repo().Head() == head);
}

BOOST_AUTO_TEST_CASE(HandEditedFileIsNotClobbered) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string head = repo.repo().Head();
  repo.Write("recommendations/x/p1.yaml", "id: x.p1\nstatus: edited by hand\n");
  Error::Kind kind = KindOf([&] { repo.Commit("-- recommendations/x/p1.yaml --\nnew\n"); });
  BOOST_TEST((kind == Error::Kind::kConflict));
  BOOST_TEST(repo.repo().Head() == head);
  BOOST_TEST(repo.Read("recommendations/x/p1.yaml") == "id: x.p1\nstatus: edited by hand\n");
  // An untracked file in the way is somebody's work too.
  repo.Write("recommendations/x/p3.yaml", "mine\n");
  kind = KindOf([&] { repo.Commit("-- recommendations/x/p3.yaml --\nnew\n"); });
  BOOST_TEST((kind == Error::Kind::kConflict));
  // Other files still commit.
  repo.Commit("-- recommendations/x/p2.yaml --\nid: x.p2\nstatus: closed\n");
  BOOST_TEST(repo.Git("status --porcelain") ==
             " M recommendations/x/p1.yaml\n?? recommendations/x/p3.yaml\n");
}

BOOST_AUTO_TEST_CASE(WorkingTreeAndIndexFollowEachCommit) {
  TestRepo repo = TestRepo::FromText(kFiles);
  BOOST_TEST(repo.Git("status --porcelain") == "");
  for (int i = 0; i < 5; ++i) {
    std::string text = "id: x.p1\nstatus: round " + std::to_string(i) + "\n";
    repo.Commit("-- recommendations/x/p1.yaml --\n" + text + "-- recommendations/y/p" +
                std::to_string(i) + ".yaml --\nnew\n");
    BOOST_TEST(repo.Read("recommendations/x/p1.yaml") == text);
    BOOST_TEST(repo.Git("status --porcelain") == "");
    BOOST_TEST(repo.Git("diff --cached --stat") == "");
  }
  repo.repo().Commit({"", {{"recommendations/y/p0.yaml", std::nullopt}}}, TestAuthor(), "rm");
  BOOST_TEST(repo.Git("status --porcelain") == "");
  BOOST_TEST(repo.Git("ls-files recommendations/y/p0.yaml") == "");
  BOOST_TEST(repo.Git("fsck --strict --no-dangling 2>&1") == "");
}

BOOST_AUTO_TEST_CASE(CommitsWorkAfterGitGcPackedObjectsAndRefs) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Commit("-- recommendations/x/p1.yaml --\nid: x.p1\nstatus: closed\n");
  repo.Git("gc -q");
  BOOST_TEST(repo.Git("count-objects -v").find("count: 0") != std::string::npos);
  Repository reopened = Repository::Open(repo.root());
  std::string base = reopened.Head();
  reopened.Commit({base, {{"recommendations/x/p2.yaml", "packed\n"}}}, TestAuthor(), "after gc");
  BOOST_TEST(*reopened.ReadFile("recommendations/x/p1.yaml") == "id: x.p1\nstatus: closed\n");
  BOOST_TEST(reopened.History("recommendations/x/p1.yaml").size() == 2u);
  BOOST_TEST(repo.Git("rev-parse HEAD^") == base + "\n");
  BOOST_TEST(repo.Git("status --porcelain") == "");
  BOOST_TEST(repo.Git("fsck --strict --no-dangling 2>&1") == "");
}

BOOST_AUTO_TEST_CASE(SignaturesParseAndOpenRefusesNonRepositories) {
  std::optional<Signature> signature = ParseSignature("  Amina Q. <amina@example.org> ");
  BOOST_REQUIRE(signature);
  BOOST_TEST(signature->name == "Amina Q.");
  BOOST_TEST(signature->email == "amina@example.org");
  BOOST_TEST(!ParseSignature("amina@example.org"));
  BOOST_TEST(!ParseSignature("<amina@example.org>"));
  BOOST_TEST(!ParseSignature("A <b> <c>"));
  BOOST_TEST((KindOf([] { Repository::Open("/nonexistent/sijill"); }) == Error::Kind::kNotFound));
}

BOOST_AUTO_TEST_CASE(DefaultSignatureComesFromGitConfig) {
  TestRepo repo = TestRepo::FromText(kFiles);
  repo.Git("config user.name 'Config Person'");
  repo.Git("config user.email config@example.org");
  std::optional<Signature> signature = Repository::Open(repo.root()).DefaultSignature();
  BOOST_REQUIRE(signature);
  BOOST_TEST(signature->name == "Config Person");
  BOOST_TEST(signature->email == "config@example.org");
}

BOOST_AUTO_TEST_CASE(CommitAuthorAndCommitterAreTheGivenSignature) {
  TestRepo repo = TestRepo::FromText(kFiles);
  Signature author{"Amina Qasem", "amina@example.org", 1714564800, 180};
  repo.repo().Commit({"", {{"a.yaml", "x\n"}}}, author, "status: x.p1 implemented");
  BOOST_TEST(
      repo.Git("log -1 --format='%an <%ae> %ad|%cn <%ce> %cd|%s' --date=iso") ==
      "Amina Qasem <amina@example.org> 2024-05-01 15:00:00 +0300|"
      "Amina Qasem <amina@example.org> 2024-05-01 15:00:00 +0300|status: x.p1 implemented\n");
  BOOST_TEST((KindOf([&] {
                repo.repo().Commit({"", {{"b.yaml", "x"}}}, Signature{"", "a@b", {}, 0}, "m");
              }) == Error::Kind::kInvalid));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::store
