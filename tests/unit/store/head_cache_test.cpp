// Repository::Head() answered from the stat() of the ref files (store/head_cache_internal.h):
// a commit made by another process — the git CLI, a second Repository as `sijill status` opens
// it — is seen by the very next call, on the trusted path too.
#include "store/head_cache_internal.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "sijill/store/repository.h"
#include "support/test_repo.h"

namespace sijill::store {

using sijill::testing::TestAuthor;
using sijill::testing::TestRepo;

namespace {

const char* const kFiles = R"(
-- sijill.yaml --
title: test
-- recommendations/x/p1.yaml --
id: x.p1
status: open
)";

// Sets the mtime of HEAD, the branch's ref and packed-refs an hour back, as if the last commit
// were that old: the stamp taken next is outside the racy window and trusted.
void AgeRefFiles(const TestRepo& repo) {
  namespace fs = std::filesystem;
  auto hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const char* file : {"/.git/HEAD", "/.git/refs/heads/main", "/.git/packed-refs"}) {
    std::error_code absent;
    fs::last_write_time(repo.root() + file, hour_ago, absent);
  }
}

std::string Trimmed(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// A commit by the git CLI, as a person at a shell would make it.
std::string GitCommit(const TestRepo& repo, const std::string& status) {
  repo.Write("recommendations/x/p1.yaml", "id: x.p1\nstatus: " + status + "\n");
  repo.Git("commit -q -a -m 'by hand'");
  return Trimmed(repo.Git("rev-parse HEAD"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(head_cache)

BOOST_AUTO_TEST_CASE(TrustedOnlyOutsideTheRacyWindowAndForTheWatchedBranch) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string head = repo.repo().Head();
  std::string git_dir = repo.root() + "/.git/";
  HeadCache cache(git_dir, git_dir);
  BOOST_TEST(!cache.Fresh());  // nothing remembered yet

  // Just committed: the files are inside the racy window, so nothing is trusted.
  cache.Remember(cache.Take(), "refs/heads/main", head);
  BOOST_TEST(!cache.Fresh());

  AgeRefFiles(repo);
  // The first stamp did not watch the branch's file (the branch was not known yet).
  HeadCache fresh_cache(git_dir, git_dir);
  fresh_cache.Remember(fresh_cache.Take(), "refs/heads/main", head);
  BOOST_TEST(!fresh_cache.Fresh());
  fresh_cache.Remember(fresh_cache.Take(), "refs/heads/main", head);
  BOOST_TEST(fresh_cache.Fresh().value_or("") == head);

  // Any move of the branch changes the stamp.
  std::string moved = GitCommit(repo, "implemented");
  BOOST_TEST(moved != head);
  BOOST_TEST(!fresh_cache.Fresh());
}

BOOST_AUTO_TEST_CASE(CommitsFromOtherProcessesAreSeenByTheNextCall) {
  TestRepo repo = TestRepo::FromText(kFiles);
  Repository& service = repo.repo();  // the long-lived reader, as `sijill serve` holds it
  std::string first = service.Head();
  AgeRefFiles(repo);
  BOOST_TEST(service.Head() == first);  // takes a trusted stamp
  BOOST_TEST(service.Head() == first);  // answered from it

  std::string by_git = GitCommit(repo, "in-progress");
  BOOST_TEST(service.Head() == by_git);

  // `sijill status` from a shell: another Repository over the same directory.
  AgeRefFiles(repo);
  BOOST_TEST(service.Head() == by_git);
  BOOST_TEST(service.Head() == by_git);
  Repository other = Repository::Open(repo.root());
  std::string by_other = other.Commit({"", {{"recommendations/x/p1.yaml",
                                             std::string("id: x.p1\nstatus: closed\n")}}},
                                      TestAuthor(), "status: closed");
  BOOST_TEST(service.Head() == by_other);

  // The ref rewritten in place to a commit of the same length (a reset), then packed.
  AgeRefFiles(repo);
  BOOST_TEST(service.Head() == by_other);
  BOOST_TEST(service.Head() == by_other);
  repo.Git("update-ref refs/heads/main " + first);
  BOOST_TEST(service.Head() == first);
  AgeRefFiles(repo);
  BOOST_TEST(service.Head() == first);
  BOOST_TEST(service.Head() == first);
  repo.Git("update-ref refs/heads/main " + by_git);
  repo.Git("pack-refs --all");
  BOOST_TEST(service.Head() == by_git);
}

BOOST_AUTO_TEST_CASE(ADetachedHeadIsWatchedThroughHeadItself) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string first = repo.repo().Head();
  std::string second = GitCommit(repo, "closed");
  repo.Git("checkout -q --detach " + first);
  AgeRefFiles(repo);
  BOOST_TEST(repo.repo().Head() == first);
  BOOST_TEST(repo.repo().Head() == first);
  repo.Git("checkout -q --detach " + second);
  BOOST_TEST(repo.repo().Head() == second);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::store
