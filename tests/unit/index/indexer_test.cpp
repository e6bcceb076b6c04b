// Building and catching up the index from a repository (DESIGN.md §2). Issue #4.
#include "sijill/index/indexer.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "sijill/index/terms.h"
#include "support/test_repo.h"
#include "unit/index/index_fixture.h"

namespace sijill::index {

BOOST_AUTO_TEST_SUITE(index)
BOOST_AUTO_TEST_SUITE(indexer)

using sijill::testing::TestRepo;

std::set<std::string> UniqueTerms(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::set<std::string> terms;
  for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) terms.insert(*it);
  return terms;
}

BOOST_AUTO_TEST_CASE(EveryUnitGetsItsDesignId) {
  TestRepo repo = TestRepo::FromText(testing::kCorpus);
  std::string db = DefaultIndexPath(repo.root());
  IndexStats stats = UpdateIndex(repo.repo(), db);
  BOOST_TEST(stats.rebuilt);
  BOOST_TEST(stats.files == 3u);
  std::set<std::string> expected = {
      "Qreport:ctoc-cop-2012-9",          "Qparagraph:ctoc-cop-2012-9.p1",
      "Qparagraph:ctoc-cop-2012-9.p2",    "Qparagraph:ctoc-cop-2012-9.p3",
      "Qparagraph:ctoc-cop-2012-9.p4",    "Qparagraph:ctoc-cop-2012-9.p5",
      "Qreport:a-res-64-293",             "Qparagraph:a-res-64-293.preamble",
      "Qparagraph:a-res-64-293.p1",       "Qparagraph:a-res-64-293.annex",
      "Qparagraph:a-res-64-293.annex.p1", "Qparagraph:a-res-64-293.annex.p38",
      "Qrecommendation:ctoc-cop-wg.4-2013-5.p22"};
  BOOST_TEST(UniqueTerms(db) == expected, boost::test_tools::per_element());
  BOOST_TEST(Xapian::Database(db).get_metadata(kMetaCommit) == repo.repo().Head());
}

BOOST_AUTO_TEST_CASE(OneChangedRecordIsTheOnlyFileReindexed) {
  TestRepo repo = TestRepo::FromText(testing::kCorpus);
  std::string db = DefaultIndexPath(repo.root());
  UpdateIndex(repo.repo(), db);
  std::string record = repo.Read("recommendations/ctoc-cop-wg.4-2013-5/p22.yaml");
  record.replace(record.find("status: open"), 12, "status: implemented");
  repo.Commit("-- recommendations/ctoc-cop-wg.4-2013-5/p22.yaml --\n" + record);
  IndexStats stats = UpdateIndex(repo.repo(), db);
  BOOST_TEST(!stats.rebuilt);
  BOOST_TEST(stats.files == 1u);
  BOOST_TEST(stats.documents == 1u);
  Xapian::Database xdb(db);
  BOOST_TEST(xdb.get_termfreq("XSTATUSimplemented") == 1u);
  BOOST_TEST(xdb.get_termfreq("XSTATUSopen") == 0u);
  BOOST_TEST(UpdateIndex(repo.repo(), db).files == 0u);  // nothing more to do
}

BOOST_AUTO_TEST_CASE(ADeletedFileLeavesTheIndex) {
  TestRepo repo = TestRepo::FromText(testing::kCorpus);
  std::string db = DefaultIndexPath(repo.root());
  UpdateIndex(repo.repo(), db);
  store::ChangeSet changes;
  changes.files.push_back({"corpus/a-res-64-293.md", std::nullopt});
  repo.repo().Commit(changes, sijill::testing::TestAuthor(), "remove");
  IndexStats stats = UpdateIndex(repo.repo(), db);
  BOOST_TEST(stats.removed_files == 1u);
  BOOST_TEST(Xapian::Database(db).get_termfreq("XFILEcorpus/a-res-64-293.md") == 0u);
  BOOST_TEST(Xapian::Database(db).get_termfreq("XFILEcorpus/ctoc-cop-2012-9.md") == 6u);
}

BOOST_AUTO_TEST_CASE(ACorruptIndexIsRebuiltForSearch) {
  TestRepo repo = TestRepo::FromText(testing::kCorpus);
  std::string db = DefaultIndexPath(repo.root());
  UpdateIndex(repo.repo(), db);
  for (const auto& entry : std::filesystem::directory_iterator(db))
    if (entry.path().extension() == ".glass") std::ofstream(entry.path()) << "garbage";
  OpenedIndex opened = OpenForSearch(repo.root(), "");
  BOOST_TEST(opened.db.get_doccount() == 13u);
  BOOST_REQUIRE(opened.notes.size() == 1u);
  BOOST_TEST(opened.notes[0].find("unreadable") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(AMissingIndexWithoutRepositoryIsAnError) {
  try {
    OpenForSearch("/nonexistent-sijill-repo", "/nonexistent-sijill-repo/db");
    BOOST_FAIL("no error");
  } catch (const Error& error) {
    BOOST_TEST(error.kind() == Error::Kind::kNotFound);
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::index
