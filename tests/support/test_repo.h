// TestRepo: a records repository in a temporary directory, built from one string of files
// (after Hugo's hugolib.Test). Removed with its directory on destruction.
//
//   TestRepo repo = TestRepo::FromText(R"(
//   -- sijill.yaml --
//   title: test
//   -- corpus/x.md --
//   ---
//   symbol: X/1
//   ---
//   )");
//   repo.Git("status --porcelain");  // runs the git CLI in the repository, returns stdout
//
// Not thread-safe; one per test.
#pragma once

#include <map>
#include <string>

#include "sijill/store/repository.h"

namespace sijill::testing {

// "-- path --" lines start a file, whose content runs to the next such line. Text before the
// first marker is ignored.
std::map<std::string, std::string> ParseFiles(const std::string& text);

// The author of TestRepo's commits: "sijill tests <tests@sijill.invalid>".
store::Signature TestAuthor();

class TestRepo {
 public:
  // An initialised repository (branch main) without commits.
  TestRepo();
  // The files of `text` (see ParseFiles), written and committed through the store.
  static TestRepo FromText(const std::string& text, const std::string& message = "initial");

  TestRepo(TestRepo&& other) noexcept;
  TestRepo& operator=(TestRepo&&) = delete;
  ~TestRepo();

  const std::string& root() const { return root_; }
  store::Repository& repo() { return repo_; }

  // Commits the files of `text` through the store; returns the commit id.
  std::string Commit(const std::string& text, const std::string& message = "change");

  // The working tree, bypassing git (to simulate hand edits).
  void Write(const std::string& path, const std::string& text) const;
  std::string Read(const std::string& path) const;

  // Runs `git <args>` in the repository and returns its stdout; throws std::runtime_error when
  // git exits non-zero. One git command: in "a && git b", only `a` runs in the repository.
  std::string Git(const std::string& args) const;
  // Runs a shell command line (pipes, several commands, environment variables) with the
  // repository as its working directory; stdout, or std::runtime_error when it fails.
  std::string Shell(const std::string& command) const;

 private:
  explicit TestRepo(std::string root);
  std::string root_;
  store::Repository repo_;
};

}  // namespace sijill::testing
