// Two processes writing through the store at once: no update lost, every commit exactly once
// (issue 2, items 4 and 6).
#include <boost/test/unit_test.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "sijill/error.h"
#include "sijill/store/repository.h"
#include "support/child_process.h"
#include "support/test_repo.h"

namespace sijill::store {

using sijill::testing::TestAuthor;
using sijill::testing::TestRepo;

namespace {

constexpr int kCommitsPerWriter = 50;

// Appends `line` to `path` the way a follow-up update does: read at HEAD, write against that
// base, and start again when the store reports that somebody else changed the file meanwhile.
void AppendLine(Repository& repository, const std::string& path, const std::string& line) {
  for (int attempt = 0; attempt < 1000; ++attempt) {
    std::string base = repository.Head();
    std::string text = repository.ReadFile(path, base).value_or("") + line + "\n";
    try {
      repository.Commit({base, {{path, text}}}, TestAuthor(), line);
      return;
    } catch (const Error& error) {
      if (error.kind() != Error::Kind::kConflict) throw;
    }
  }
  throw std::runtime_error("no progress writing " + path);
}

void Writer(const std::string& root, const std::string& name, const std::string& path) {
  Repository repository = Repository::Open(root);
  for (int i = 0; i < kCommitsPerWriter; ++i) {
    AppendLine(repository, path, name + " " + std::to_string(i));
  }
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void CheckEveryCommitOnce(TestRepo& repo) {
  std::vector<std::string> subjects = Lines(repo.Git("log --format=%s"));
  BOOST_TEST(subjects.size() == 2u * kCommitsPerWriter + 1);
  std::set<std::string> unique(subjects.begin(), subjects.end());
  BOOST_TEST(unique.size() == subjects.size());
  for (const char* name : {"first", "second"}) {
    for (int i = 0; i < kCommitsPerWriter; ++i) {
      BOOST_TEST(unique.count(name + (" " + std::to_string(i))) == 1u);
    }
  }
  BOOST_TEST(repo.Git("fsck --strict --no-dangling 2>&1") == "");
  BOOST_TEST(repo.Git("status --porcelain") == "");
}

void RunWriters(TestRepo& repo, const std::string& first_path, const std::string& second_path) {
  pid_t first = sijill::testing::StartChild([&] { Writer(repo.root(), "first", first_path); });
  pid_t second = sijill::testing::StartChild([&] { Writer(repo.root(), "second", second_path); });
  BOOST_TEST(sijill::testing::WaitChild(first) == 0);
  BOOST_TEST(sijill::testing::WaitChild(second) == 0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(concurrency)

BOOST_AUTO_TEST_CASE(TwoProcessesWritingDifferentFilesLoseNothing) {
  TestRepo repo = TestRepo::FromText("-- sijill.yaml --\ntitle: test\n");
  RunWriters(repo, "recommendations/a/p1.yaml", "recommendations/b/p1.yaml");
  std::vector<std::string> first = Lines(*repo.repo().ReadFile("recommendations/a/p1.yaml"));
  std::vector<std::string> second = Lines(*repo.repo().ReadFile("recommendations/b/p1.yaml"));
  BOOST_REQUIRE(first.size() == size_t{kCommitsPerWriter});
  BOOST_REQUIRE(second.size() == size_t{kCommitsPerWriter});
  for (int i = 0; i < kCommitsPerWriter; ++i) {
    BOOST_TEST(first[i] == "first " + std::to_string(i));
    BOOST_TEST(second[i] == "second " + std::to_string(i));
  }
  CheckEveryCommitOnce(repo);
}

BOOST_AUTO_TEST_CASE(TwoProcessesWritingTheSameFileLoseNothing) {
  TestRepo repo = TestRepo::FromText("-- sijill.yaml --\ntitle: test\n");
  RunWriters(repo, "recommendations/x/p1.yaml", "recommendations/x/p1.yaml");
  std::vector<std::string> lines = Lines(*repo.repo().ReadFile("recommendations/x/p1.yaml"));
  BOOST_TEST(lines.size() == 2u * kCommitsPerWriter);
  std::set<std::string> unique(lines.begin(), lines.end());
  BOOST_TEST(unique.size() == lines.size());
  CheckEveryCommitOnce(repo);
  BOOST_TEST(repo.Read("recommendations/x/p1.yaml") ==
             *repo.repo().ReadFile("recommendations/x/p1.yaml"));
}

BOOST_AUTO_TEST_CASE(TwoThreadsSharingOneRepositoryLoseNothing) {
  TestRepo repo = TestRepo::FromText("-- sijill.yaml --\ntitle: test\n");
  auto write = [&](const std::string& name, const std::string& path) {
    for (int i = 0; i < kCommitsPerWriter; ++i) {
      AppendLine(repo.repo(), path, name + " " + std::to_string(i));
    }
  };
  std::thread first(write, "first", "recommendations/x/p1.yaml");
  std::thread second(write, "second", "recommendations/x/p1.yaml");
  first.join();
  second.join();
  BOOST_TEST(Lines(*repo.repo().ReadFile("recommendations/x/p1.yaml")).size() ==
             2u * kCommitsPerWriter);
  CheckEveryCommitOnce(repo);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::store
