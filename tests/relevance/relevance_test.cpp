// The relevance suite (issue #4): recall@10 and MRR of sijill's search on the seed corpus,
// beside Xapian's stock Snowball Arabic (a plain TermGenerator and QueryParser with
// Stem("arabic")) over the same search units. Judgements: tests/relevance/queries.tsv.
// tools/relevance prints the figures; this test also holds sijill above a floor.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>

#include "sijill/index/collect.h"
#include "sijill/index/indexer.h"
#include "sijill/index/searcher.h"
#include "sijill/store/repository.h"

namespace sijill::index {

BOOST_AUTO_TEST_SUITE(relevance)
BOOST_AUTO_TEST_SUITE(relevance_test)

namespace fs = std::filesystem;

struct Judged {
  std::string query;
  std::set<std::string> relevant;
};

std::vector<Judged> LoadQueries() {
  std::ifstream in(std::string(SIJILL_SOURCE_DIR) + "/tests/relevance/queries.tsv");
  std::vector<Judged> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    Judged judged{line.substr(0, tab), {}};
    std::istringstream ids(line.substr(tab + 1));
    for (std::string id; ids >> id;) judged.relevant.insert(id);
    out.push_back(judged);
  }
  return out;
}

struct Scores {
  double recall = 0, mrr = 0;
  std::vector<std::string> misses;
};

// Ranked ids (first occurrence of each id) → recall@10 and reciprocal rank, averaged.
template <typename SearchFn>
Scores Evaluate(const std::vector<Judged>& queries, SearchFn search) {
  Scores scores;
  for (const Judged& judged : queries) {
    std::vector<std::string> ranked;
    for (const std::string& id : search(judged.query))
      if (std::find(ranked.begin(), ranked.end(), id) == ranked.end()) ranked.push_back(id);
    size_t found = 0;
    double reciprocal = 0;
    for (size_t i = 0; i < ranked.size() && i < 10; ++i) {
      if (!judged.relevant.count(ranked[i])) continue;
      ++found;
      if (reciprocal == 0) reciprocal = 1.0 / static_cast<double>(i + 1);
    }
    double recall = static_cast<double>(found) / static_cast<double>(judged.relevant.size());
    scores.recall += recall;
    scores.mrr += reciprocal;
    if (recall < 1 || reciprocal < 1) {
      std::ostringstream miss;
      miss << judged.query << "  recall " << std::setprecision(2) << recall << "  rr "
           << reciprocal << "  top: " << (ranked.empty() ? "-" : ranked[0]);
      scores.misses.push_back(miss.str());
    }
  }
  scores.recall /= static_cast<double>(queries.size());
  scores.mrr /= static_cast<double>(queries.size());
  return scores;
}

// Xapian's stock Arabic: Snowball stemmer, no normalisation, default QueryParser.
Xapian::Database StockIndex(const store::Repository& repo, const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("arabic"));
  Problems problems;
  // tools/relevance --postgres loads the same units into PostgreSQL from this file.
  const char* export_path = std::getenv("SIJILL_RELEVANCE_UNITS");
  std::ofstream units;
  if (export_path) units.open(export_path);
  for (const store::TreeEntry& entry : repo.ListFiles("")) {
    if (!IsIndexedPath(entry.path)) continue;
    for (const IndexDoc& doc : CollectFile(entry.path, *repo.ReadFile(entry.path), problems)) {
      Xapian::Document xdoc;
      generator.set_document(xdoc);
      std::string all = doc.title + "\n" + doc.section + "\n" + doc.text;
      generator.index_text(all);
      if (export_path) {
        for (char& c : all)
          if (c == '\t' || c == '\n' || c == '\r' || c == '\\') c = ' ';
        units << doc.id << '\t' << all << '\n';
      }
      xdoc.set_data(doc.id);
      xdoc.add_boolean_term("Q" + doc.kind + ":" + doc.id);
      db.replace_document("Q" + doc.kind + ":" + doc.id, xdoc);
    }
  }
  db.commit();
  return db;
}

void Report(const char* name, const Scores& scores) {
  BOOST_TEST_MESSAGE(name << ": recall@10 " << std::fixed << std::setprecision(3) << scores.recall
                          << "  MRR " << scores.mrr);
}

BOOST_AUTO_TEST_CASE(SijillBeatsStockSnowballOnArabicQueries) {
  std::vector<Judged> queries = LoadQueries();
  BOOST_REQUIRE(queries.size() >= 40u);
  store::Repository repo = store::Repository::Open(SIJILL_SOURCE_DIR);
  std::string tmp = (fs::temp_directory_path() / ("sijill-relevance-" + std::to_string(getpid()))).string();
  IndexStats stats = UpdateIndex(repo, tmp + "/sijill", Rebuild::kYes);
  Xapian::Database ours(tmp + "/sijill");
  Scores sijill = Evaluate(queries, [&](const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.limit = 10;
    std::vector<std::string> ids;
    for (const SearchHit& hit : Search(ours, request).results) ids.push_back(hit.id);
    return ids;
  });
  // Near each other counts for words that tell texts apart: the pair of the two words of
  // "trafficking in persons", which stand in most of the seeds' texts, is not checked for
  // positions; a rarer pair is.
  auto parsed = [&](const std::string& query) { return Search(ours, {.query = query}).parsed; };
  BOOST_TEST(parsed("الاتجار بالأشخاص").find("NEAR") == std::string::npos, parsed("الاتجار بالأشخاص"));
  BOOST_TEST(parsed("المساعدة القانونية المتبادلة").find("NEAR") != std::string::npos);
  // However large the collection, the pairs are checked in no more texts than
  // proximity_check_limit: with a limit below the rarer word's texts, no pair is left.
  {
    SearchRequest capped{.query = "المساعدة القانونية المتبادلة"};
    capped.proximity_check_limit = 1;
    BOOST_TEST(Search(ours, capped).parsed.find("NEAR") == std::string::npos);
  }
  // The check is on the stems, so it sees through proclitics: the query بالقطاع الخاص meets
  // "والقطاع الخاص" (A/RES/64/293 ¶2, annex ¶53) side by side, and those texts are on the first
  // page. (So, now, are the paragraphs under the heading "القطاعين العام والخاص", whose stems
  // stand near each other too; the surface forms of the schema-4 index kept them apart.)
  BOOST_TEST(parsed("بالقطاع الخاص").find("Zقطاع NEAR 3 Zخاص") != std::string::npos,
             parsed("بالقطاع الخاص"));
  {
    std::vector<std::string> ranked;
    for (const SearchHit& hit : Search(ours, {.query = "بالقطاع الخاص", .limit = 10}).results)
      ranked.push_back(hit.id);
    for (const char* side_by_side : {"a-res-64-293.p2", "a-res-64-293.annex.p53"})
      BOOST_TEST((std::find(ranked.begin(), ranked.end(), side_by_side) != ranked.end()),
                 side_by_side);
  }
  // A UN symbol names a document, which comes first: before its own paragraphs and records
  // (they carry its symbol too) and before the texts that cite it.
  for (const auto& [symbol, named] : {std::pair{"A/RES/64/293", "a-res-64-293"},
                                      std::pair{"٦٤/٢٩٣", "a-res-64-293"},
                                      std::pair{"CTOC/COP/WG.4/2013/5", "ctoc-cop-wg.4-2013-5"},
                                      std::pair{"CTOC/COP/2018/2", "ctoc-cop-2018-2"}}) {
    SearchRequest request;
    request.query = symbol;
    request.limit = 1;
    std::vector<SearchHit> hits = Search(ours, request).results;
    BOOST_TEST((!hits.empty() && hits[0].id == named), symbol << " → " << named);
  }
  Xapian::Database stock = StockIndex(repo, tmp + "/stock");
  Scores snowball = Evaluate(queries, [&](const std::string& query) {
    Xapian::QueryParser qp;
    qp.set_stemmer(Xapian::Stem("arabic"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_database(stock);
    Xapian::Enquire enquire(stock);
    enquire.set_query(qp.parse_query(query));
    std::vector<std::string> ids;
    Xapian::MSet mset = enquire.get_mset(0, 20);
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(it.get_document().get_data());
    return ids;
  });
  fs::remove_all(tmp);
  BOOST_TEST_MESSAGE(queries.size() << " queries, " << stats.total_documents << " documents");
  Report("sijill", sijill);
  Report("xapian-snowball-arabic", snowball);
  for (const std::string& miss : sijill.misses) BOOST_TEST_MESSAGE("  sijill miss: " << miss);
  // Floors, not targets: they catch a regression in the analysis (the aim is 0.95 / 0.95).
  BOOST_TEST(sijill.recall >= 0.90);
  BOOST_TEST(sijill.mrr >= 0.90);
  BOOST_TEST(sijill.recall > snowball.recall);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::index
