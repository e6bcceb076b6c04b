// A rebuild written as shards on worker threads and merged (src/index/sharded_rebuild.h)
// against one written by one thread: the same search answers, the same catch-up, and the old
// index kept when the rebuild fails. Issue 4 item 5.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sijill/index/indexer.h"
#include "sijill/index/searcher.h"
#include "sijill/index/terms.h"
#include "support/test_repo.h"
#include "unit/index/index_fixture.h"

namespace sijill::index {

BOOST_AUTO_TEST_SUITE(index)
BOOST_AUTO_TEST_SUITE(sharded_rebuild)

namespace fs = std::filesystem;
using sijill::testing::TestRepo;

fs::path Scratch(const std::string& name) {
  return fs::temp_directory_path() / ("sijill-sharded-" + name + "-" + std::to_string(getpid()));
}

// The queries of the relevance judgements (first column), skipping comments.
std::vector<std::string> RelevanceQueries() {
  std::ifstream in(std::string(SIJILL_SOURCE_DIR) + "/tests/relevance/queries.tsv");
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') queries.push_back(line.substr(0, line.find('\t')));
  return queries;
}

// id, kind and score of every hit of the first 50, one per line, then the total and facets.
std::string Answer(const Xapian::Database& db, const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = 50;
  SearchResponse response = Search(db, request);
  std::ostringstream out;
  for (const SearchHit& hit : response.results)
    out << hit.id << ' ' << hit.kind << ' ' << hit.score << ' ' << hit.snippet << '\n';
  out << "total " << response.total << '\n';
  for (const auto& [facet, counts] : response.facets)
    for (const auto& [value, count] : counts) out << facet << ' ' << value << ' ' << count << '\n';
  return out.str();
}

// Everything of every document, by document id, and the metadata.
std::string Dump(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::ostringstream out;
  out << "lastdocid " << db.get_lastdocid() << " commit " << db.get_metadata(kMetaCommit) << '\n';
  for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
    Xapian::Document doc = db.get_document(*id);
    out << "docid " << *id << '\n';
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
      out << *term << ' ' << term.get_wdf() << " @";
      for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
        out << ' ' << *pos;
      out << '\n';
    }
    for (auto value = doc.values_begin(); value != doc.values_end(); ++value)
      out << "value " << value.get_valueno() << ' ' << *value << '\n';
    out << "data " << doc.get_data() << '\n';
  }
  return out.str();
}

// The seeds of this repository (372 units in 100-odd files): four threads make 64 shards.
BOOST_AUTO_TEST_CASE(ShardedAndOneWriterRebuildsAnswerEveryQueryAlike) {
  store::Repository repo = store::Repository::Open(SIJILL_SOURCE_DIR);
  fs::path tmp = Scratch("seeds");
  IndexStats one = UpdateIndex(repo, (tmp / "one").string(), Rebuild::kYes, 1);
  IndexStats sharded = UpdateIndex(repo, (tmp / "sharded").string(), Rebuild::kYes, 4);
  BOOST_TEST(one.files > 64u);  // more files than ranges, so every shard has some
  BOOST_TEST(sharded.files == one.files);
  BOOST_TEST(sharded.documents == one.documents);
  BOOST_TEST(sharded.total_documents == one.total_documents);
  BOOST_TEST(sharded.problems.size() == one.problems.size());
  for (size_t i = 0; i < one.problems.size() && i < sharded.problems.size(); ++i)
    BOOST_TEST(sharded.problems[i].ToString() == one.problems[i].ToString());
  Xapian::Database one_db((tmp / "one").string());
  Xapian::Database sharded_db((tmp / "sharded").string());
  std::vector<std::string> queries = RelevanceQueries();
  BOOST_TEST(queries.size() > 40u);
  for (const std::string& query : queries)
    BOOST_TEST(Answer(sharded_db, query) == Answer(one_db, query), query);
  BOOST_TEST(!fs::exists(tmp / "sharded.new.shards"));
  fs::remove_all(tmp);
}

// The merged database is caught up as any other: same document ids for the new units.
BOOST_AUTO_TEST_CASE(AMergedIndexCatchesUpAsAOneWriterIndexDoes) {
  TestRepo repo = TestRepo::FromText(testing::kCorpus);
  fs::path tmp = Scratch("catchup");
  std::string one = (tmp / "one").string(), sharded = (tmp / "sharded").string();
  UpdateIndex(repo.repo(), one, Rebuild::kYes, 1);
  UpdateIndex(repo.repo(), sharded, Rebuild::kYes, 3);  // a shard per file
  BOOST_TEST(Dump(sharded) == Dump(one));
  std::string record = repo.Read("recommendations/ctoc-cop-wg.4-2013-5/p22.yaml");
  record.replace(record.find("status: open"), 12, "status: implemented");
  repo.Commit("-- recommendations/ctoc-cop-wg.4-2013-5/p22.yaml --\n" + record);
  store::ChangeSet changes;
  changes.files.push_back({"corpus/a-res-64-293.md", std::nullopt});
  repo.repo().Commit(changes, sijill::testing::TestAuthor(), "remove");
  IndexStats one_stats = UpdateIndex(repo.repo(), one, Rebuild::kNo, 1);
  IndexStats sharded_stats = UpdateIndex(repo.repo(), sharded, Rebuild::kNo, 3);
  BOOST_TEST(!sharded_stats.rebuilt);
  BOOST_TEST(sharded_stats.files == one_stats.files);
  BOOST_TEST(sharded_stats.removed_files == 1u);
  BOOST_TEST(Dump(sharded) == Dump(one));
  BOOST_TEST(Xapian::Database(sharded).get_termfreq("XSTATUSimplemented") == 1u);
  fs::remove_all(tmp);
}

// A blob that cannot be read fails the rebuild in one shard while others are written: the
// index keeps what it had, and no shard or staging database is left behind.
BOOST_AUTO_TEST_CASE(AFailedRebuildLeavesTheOldIndexAsItWas) {
  TestRepo repo = TestRepo::FromText(testing::kCorpus);
  fs::path tmp = Scratch("failure");
  std::string db = (tmp / "db").string();
  UpdateIndex(repo.repo(), db, Rebuild::kYes, 3);
  std::string before = Dump(db);
  std::string blob = *repo.repo().BlobId("corpus/ctoc-cop-2012-9.md");
  fs::path object = fs::path(repo.root()) / ".git" / "objects" / blob.substr(0, 2) / blob.substr(2);
  BOOST_REQUIRE(fs::exists(object));
  fs::remove(object);
  // A new handle: the first one may still hold the blob in libgit2's object cache.
  store::Repository reopened = store::Repository::Open(repo.root());
  BOOST_CHECK_THROW(UpdateIndex(reopened, db, Rebuild::kYes, 3), Error);
  BOOST_TEST(Dump(db) == before);
  BOOST_TEST(!fs::exists(db + ".new"));
  BOOST_TEST(!fs::exists(db + ".new.shards"));
  fs::remove_all(tmp);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::index
