// A writer killed with SIGKILL at random moments (issue 2, item 4: "A crash at any moment
// (kill -9) leaves a repository that git fsck accepts and that holds either the whole change or
// none of it").
#include <signal.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <random>
#include <thread>

#include "sijill/store/repository.h"
#include "support/child_process.h"
#include "support/test_repo.h"

namespace sijill::store {

using sijill::testing::TestAuthor;
using sijill::testing::TestRepo;

namespace {

constexpr int kRounds = 24;

// Commits for ever; every commit writes the same stamp into two files in different trees, and
// rewrites or deletes a third, so a torn commit would show.
[[noreturn]] void CommitForever(const std::string& root, int round) {
  Repository repository = Repository::Open(root);
  for (int i = 0;; ++i) {
    std::string stamp = "round " + std::to_string(round) + " commit " + std::to_string(i) + "\n";
    std::optional<std::string> third;
    if (i % 3 != 2) third = stamp;
    repository.Commit({"",
                       {{"recommendations/a/p1.yaml", stamp},
                        {"recommendations/b/p" + std::to_string(i % 4) + ".yaml", stamp},
                        {"corpus/third.md", third}}},
                      TestAuthor(), stamp);
  }
}

// Kills `rounds` writers at random moments, checking the repository after each.
void KillWritersAtRandomMoments(TestRepo& repo, int rounds) {
  std::mt19937 random(20131007);  // deterministic kill moments
  std::uniform_int_distribution<int> delay_us(0, 25000);
  for (int round = 0; round < rounds; ++round) {
    BOOST_TEST_CONTEXT("round " << round) {
      pid_t child = sijill::testing::StartChild([&] { CommitForever(repo.root(), round); });
      std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
      kill(child, SIGKILL);
      BOOST_TEST(sijill::testing::WaitChild(child) == 128 + SIGKILL);

      // Before any repair: git accepts the repository, and HEAD is one whole commit.
      BOOST_TEST(repo.Git("fsck --strict --no-dangling 2>&1") == "");
      Repository reader = Repository::Open(repo.root());  // repairs the working tree
      std::string head = reader.Head();
      std::string message = repo.Git("log -1 --format=%B").substr(0, 1000);
      message.pop_back();  // git log's own newline
      if (message != "initial\n" && message != "parent\n") {
        BOOST_TEST(*reader.ReadFile("recommendations/a/p1.yaml") == message);
        std::vector<std::string> changed = reader.ChangedPaths(head + "~1", head);
        BOOST_TEST(changed.size() >= 2u);
        for (const std::string& path : changed) {
          std::optional<std::string> text = reader.ReadFile(path);
          BOOST_TEST((!text || *text == message), path);
        }
      }
      BOOST_TEST(repo.Git("status --porcelain") == "");
      // The next write goes through, and leaves a clean working tree.
      reader.Commit({"", {{"parent.txt", std::to_string(round) + "\n"}}}, TestAuthor(), "parent");
      BOOST_TEST(repo.Git("status --porcelain") == "");
    }
  }
  BOOST_TEST(repo.Git("fsck --strict --no-dangling 2>&1") == "");
}

const char* const kStartFiles = R"(
-- sijill.yaml --
title: test
-- recommendations/a/p1.yaml --
start
-- corpus/third.md --
start
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(crash)

BOOST_AUTO_TEST_CASE(WriterKilledAtAnyMomentLeavesAWholeCommitOrNone) {
  TestRepo repo = TestRepo::FromText(kStartFiles);
  KillWritersAtRandomMoments(repo, kRounds);
}

BOOST_AUTO_TEST_CASE(WriterKilledWhileSplittingTheIndexLeavesAValidIndex) {
  // Every write makes a new shared index (maxPercentChange 0), so kills also land between the
  // shared index's rename and the main index's: the old main index must still be whole.
  TestRepo repo = TestRepo::FromText(kStartFiles);
  repo.Git("config core.splitIndex true");
  repo.Git("config splitIndex.maxPercentChange 0");
  KillWritersAtRandomMoments(repo, kRounds / 2);
  BOOST_TEST(repo.Read(".git/index").find("link") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(JournalLeftByADeadWriterIsRepairedByTheNextCommit) {
  TestRepo repo = TestRepo::FromText("-- a.yaml --\nold\n-- b.yaml --\nold\n");
  // A writer that died after moving the branch but before touching the working tree: HEAD
  // already has the new a.yaml, the working tree and index still the old one.
  repo.repo().Commit({"", {{"a.yaml", "new\n"}}}, TestAuthor(), "new");
  repo.Write("a.yaml", "old\n");
  repo.Git("update-index --cacheinfo 100644," + repo.Git("rev-parse HEAD~1:a.yaml").substr(0, 40) +
           ",a.yaml");
  repo.Write(".git/sijill-pending", "a.yaml\n");
  repo.Write(".git/index.lock", "");  // a lock it held when it died
  BOOST_TEST(repo.Git("status --porcelain") != "");
  Repository next = Repository::Open(repo.root());
  BOOST_TEST(repo.Read("a.yaml") == "new\n");
  BOOST_TEST(repo.Git("status --porcelain") == "");
  next.Commit({"", {{"b.yaml", "new\n"}}}, TestAuthor(), "next");
  BOOST_TEST(repo.Git("status --porcelain") == "");
  BOOST_CHECK_THROW(repo.Read(".git/sijill-pending"), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::store
