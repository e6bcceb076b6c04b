// Building and catching up the index from a repository (DESIGN.md §2). Issue #4.
#include "sijill/index/indexer.h"

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
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

// Everything a document holds, as text: its id, terms with wdf and positions, values, data.
std::string Describe(const Xapian::Database& db, Xapian::docid id) {
  Xapian::Document doc = db.get_document(id);
  std::string out = "docid " + std::to_string(id) + "\n";
  for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    out += *term + " wdf " + std::to_string(term.get_wdf()) + " @";
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
      out += " " + std::to_string(*pos);
    out += "\n";
  }
  for (auto value = doc.values_begin(); value != doc.values_end(); ++value)
    out += "value " + std::to_string(value.get_valueno()) + " " + *value + "\n";
  return out + "data " + doc.get_data();
}

// unique term -> Describe, for every document of the database.
std::map<std::string, std::string> Contents(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, std::string> contents;
  for (auto term = db.allterms_begin("Q"); term != db.allterms_end("Q"); ++term)
    for (auto id = db.postlist_begin(*term); id != db.postlist_end(*term); ++id)
      contents[*term] += Describe(db, *id);
  return contents;
}

// A report with one paragraph gone and another rewritten: the caught-up index holds what a
// rebuild holds, and the record that did not change keeps its document (replaced in place, not
// deleted and added again).
BOOST_AUTO_TEST_CASE(ACaughtUpIndexHoldsWhatARebuildHolds) {
  TestRepo repo = TestRepo::FromText(testing::kCorpus);
  std::string db = DefaultIndexPath(repo.root());
  UpdateIndex(repo.repo(), db);
  Xapian::docid record =
      *Xapian::Database(db).postlist_begin("Qrecommendation:ctoc-cop-wg.4-2013-5.p22");
  std::string report = repo.Read("corpus/ctoc-cop-2012-9.md");
  report.erase(report.find("5. ة الجريم"), report.find("[^1]:") - report.find("5. ة الجريم"));
  report.replace(report.find("زاد عدد الدول"), std::string("زاد عدد الدول").size(),
                 "ارتفع عدد الدول");
  std::string record_text = repo.Read("recommendations/ctoc-cop-wg.4-2013-5/p22.yaml");
  record_text.replace(record_text.find("status: open"), 12, "status: implemented");
  repo.Commit("-- corpus/ctoc-cop-2012-9.md --\n" + report +
              "-- recommendations/ctoc-cop-wg.4-2013-5/p22.yaml --\n" + record_text);
  IndexStats stats = UpdateIndex(repo.repo(), db);
  BOOST_TEST(!stats.rebuilt);
  BOOST_TEST(stats.files == 2u);
  std::string rebuilt = repo.root() + "/rebuilt-index";
  BOOST_TEST(UpdateIndex(repo.repo(), rebuilt, Rebuild::kYes).rebuilt);
  std::map<std::string, std::string> caught_up = Contents(db), expected = Contents(rebuilt);
  BOOST_TEST(caught_up.count("Qparagraph:ctoc-cop-2012-9.p5") == 0u);
  BOOST_TEST(caught_up.size() == expected.size());
  // Docids differ (a rebuild numbers the documents afresh); nothing else may.
  auto without_docid = [](const std::string& text) {
    return text.find('\n') == std::string::npos ? text : text.substr(text.find('\n'));
  };
  for (const auto& [unique_term, contents] : expected)
    BOOST_TEST(without_docid(caught_up[unique_term]) == without_docid(contents), unique_term);
  BOOST_TEST(*Xapian::Database(db).postlist_begin("Qrecommendation:ctoc-cop-wg.4-2013-5.p22") ==
             record);
}

// The seeds of this repository, analysed on one thread and on four (issue 4 item 5): the
// writer adds the documents in path order, so nothing of the database may differ.
BOOST_AUTO_TEST_CASE(WorkerThreadsBuildTheSameDatabaseAsOne) {
  store::Repository repo = store::Repository::Open(SIJILL_SOURCE_DIR);
  std::filesystem::path tmp = std::filesystem::temp_directory_path() /
                              ("sijill-index-threads-" + std::to_string(getpid()));
  IndexStats one = UpdateIndex(repo, (tmp / "one").string(), Rebuild::kYes, 1);
  IndexStats four = UpdateIndex(repo, (tmp / "four").string(), Rebuild::kYes, 4);
  BOOST_TEST(one.documents > 300u);  // 372 at the time of writing
  BOOST_TEST(four.documents == one.documents);
  BOOST_TEST(four.problems.size() == one.problems.size());
  std::map<std::string, std::string> expected = Contents((tmp / "one").string());
  std::map<std::string, std::string> actual = Contents((tmp / "four").string());
  BOOST_TEST(actual.size() == expected.size());
  size_t differing = 0;
  for (const auto& [term, description] : expected) {
    if (actual[term] == description) continue;
    if (++differing <= 3) BOOST_TEST(actual[term] == description, term);
  }
  BOOST_TEST(differing == 0u);
  std::filesystem::remove_all(tmp);
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
