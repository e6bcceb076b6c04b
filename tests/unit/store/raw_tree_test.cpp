// Trees read from their bytes (store/raw_tree.h): the same entries and order as git's, from
// loose objects and from packs, and a damaged object reported rather than misread.
#include "store/raw_tree.h"

#include <git2.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sijill/error.h"
#include "support/test_repo.h"

namespace sijill::store {

using sijill::testing::TestRepo;

namespace {

// Names git sorts in its own way: a tree "a" is read as "a/", after "a.txt" and "a-b".
const char* const kFiles = R"(
-- sijill.yaml --
title: test
-- a --
file a
-- a-b --
x
-- a.txt --
x
-- b/a/inner.yaml --
x
-- b/a.yaml --
x
-- b/a-z.yaml --
x
-- recommendations/x/p1.yaml --
id: x.p1
)";

// Every entry of tree `rev` as `git ls-tree` prints it: "<mode> <type> <id>\t<name>".
std::vector<std::string> ReadAll(const TestRepo& repo, const std::string& rev) {
  git_repository* raw = nullptr;
  BOOST_REQUIRE(git_repository_open(&raw, repo.root().c_str()) == 0);
  git_oid id;
  std::string hex = repo.Git("rev-parse " + rev);
  BOOST_REQUIRE(git_oid_fromstr(&id, hex.substr(0, 40).c_str()) == 0);
  std::vector<std::string> lines;
  {
    RawTree tree = RawTree::Read(raw, id);
    RawTreeEntry previous, entry;
    bool first = true;
    while (tree.Next(entry)) {
      if (!first) BOOST_TEST(CompareTreeEntries(previous, entry) < 0, entry.name);
      first = false;
      previous = entry;
      char mode[8];
      snprintf(mode, sizeof mode, "%06o", entry.mode);
      git_oid entry_id = entry.Id();
      lines.push_back(std::string(mode) + (entry.IsTree() ? " tree " : " blob ") +
                      git_oid_tostr_s(&entry_id) + "\t" + std::string(entry.name));
    }
  }
  git_repository_free(raw);
  return lines;
}

std::vector<std::string> LsTree(const TestRepo& repo, const std::string& rev) {
  std::vector<std::string> lines;
  std::istringstream out(repo.Git("ls-tree " + rev));
  for (std::string line; std::getline(out, line);) lines.push_back(line);
  return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(raw_tree)

BOOST_AUTO_TEST_CASE(EntriesAreGitsInGitsOrderLooseAndPacked) {
  TestRepo repo = TestRepo::FromText(kFiles);
  BOOST_TEST(ReadAll(repo, "HEAD^{tree}") == LsTree(repo, "HEAD^{tree}"),
             boost::test_tools::per_element());
  BOOST_TEST(ReadAll(repo, "HEAD:b") == LsTree(repo, "HEAD:b"), boost::test_tools::per_element());
  std::string loose = repo.Git("rev-parse HEAD:b").substr(0, 40);
  BOOST_TEST(std::filesystem::exists(repo.root() + "/.git/objects/" + loose.substr(0, 2) + "/" +
                                     loose.substr(2)));
  repo.Git("gc --quiet --prune=now");
  BOOST_TEST(!std::filesystem::exists(repo.root() + "/.git/objects/" + loose.substr(0, 2) + "/" +
                                      loose.substr(2)));
  BOOST_TEST(ReadAll(repo, "HEAD^{tree}") == LsTree(repo, "HEAD^{tree}"),
             boost::test_tools::per_element());
  BOOST_TEST(ReadAll(repo, "HEAD:b") == LsTree(repo, "HEAD:b"), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ChangedFilesAreTheSameWhetherTreesAreLooseOrPacked) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string from = repo.repo().Head();
  repo.Commit("-- b/a/inner.yaml --\nchanged\n-- c/new.yaml --\nnew\n");
  repo.repo().Commit({"", {{"a.txt", std::nullopt}}}, sijill::testing::TestAuthor(), "delete");
  auto paths = [&] {
    std::vector<std::string> out;
    for (const PathChange& change : repo.repo().ChangedFiles(from, "HEAD"))
      out.push_back(change.path + " " + change.blob_id);
    return out;
  };
  std::vector<std::string> loose = paths();
  BOOST_TEST(loose.size() == 3u);  // a.txt (gone), b/a/inner.yaml, c/new.yaml
  repo.Git("gc --quiet --prune=now");
  BOOST_TEST(paths() == loose, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ADamagedLooseTreeIsReportedNotMisread) {
  TestRepo repo = TestRepo::FromText(kFiles);
  std::string from = repo.repo().Head();
  repo.Commit("-- b/a/inner.yaml --\nchanged\n");
  std::string tree = repo.Git("rev-parse HEAD:b/a").substr(0, 40);
  std::filesystem::path object =
      std::filesystem::path(repo.root()) / ".git/objects" / tree.substr(0, 2) / tree.substr(2);
  std::filesystem::permissions(object, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  std::ofstream(object, std::ios::trunc) << "not a zlib stream";
  try {
    repo.repo().ChangedFiles(from, "HEAD");
    BOOST_FAIL("a damaged tree was read");
  } catch (const Error& error) {
    BOOST_TEST(error.kind() == Error::Kind::kIo, error.what());
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::store
