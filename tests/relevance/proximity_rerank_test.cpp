// The proximity boost reranks the best matches of a query (searcher.cpp): on the seeds, paging
// through a reranked query gives every match once, in order of its shown score, with the same
// total and facets as the boost applied to every match in one pass. Issue 4 item 5.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <set>
#include <unistd.h>

#include "sijill/index/indexer.h"
#include "sijill/index/searcher.h"
#include "sijill/store/repository.h"

namespace sijill::index {

BOOST_AUTO_TEST_SUITE(relevance)
BOOST_AUTO_TEST_SUITE(proximity_rerank)

namespace fs = std::filesystem;

BOOST_AUTO_TEST_CASE(PagesOfARerankedQueryHoldEveryMatchOnceInScoreOrder) {
  store::Repository repo = store::Repository::Open(SIJILL_SOURCE_DIR);
  fs::path path = fs::temp_directory_path() / ("sijill-rerank-" + std::to_string(getpid()));
  UpdateIndex(repo, path.string(), Rebuild::kYes);
  Xapian::Database db(path.string());
  for (const char* query : {"فريق التنسيق المشترك بين الوكالات", "المساعدة القانونية المتبادلة",
                            "بالقطاع الخاص", "الأطفال الضحايا"}) {
    BOOST_TEST_CONTEXT(query) {
      SearchRequest one_pass{.query = query, .limit = 10000};
      one_pass.proximity_rerank_depth = 0;
      SearchResponse all = Search(db, one_pass);
      BOOST_TEST_REQUIRE(all.parsed.find("NEAR") != std::string::npos);  // a pair is checked
      // Pages of 7 cross the rerank depth (5 here) at an offset that is not a multiple of it.
      std::vector<SearchHit> paged;
      for (size_t offset = 0; offset < all.results.size() + 7; offset += 7) {
        SearchRequest request{.query = query, .offset = offset, .limit = 7};
        request.proximity_rerank_depth = 5;
        SearchResponse page = Search(db, request);
        BOOST_TEST(page.total == all.total);
        BOOST_TEST((page.facets == all.facets));
        paged.insert(paged.end(), page.results.begin(), page.results.end());
      }
      std::set<std::string> once, every;
      for (const SearchHit& hit : paged) BOOST_TEST(once.insert(hit.id).second, hit.id);
      for (const SearchHit& hit : all.results) every.insert(hit.id);
      BOOST_TEST((once == every));
      for (size_t i = 1; i < paged.size(); ++i)
        BOOST_TEST(paged[i].score <= paged[i - 1].score,
                   paged[i].id << " after " << paged[i - 1].id);
      // The reranked texts weigh as the boost weighs them in one pass, or more: the second pass
      // checks each pair in each of them, where Xapian's matcher may skip a pair's check for a
      // text it has already placed.
      for (size_t i = 0; i < 5 && i < paged.size(); ++i)
        for (const SearchHit& hit : all.results)
          if (hit.id == paged[i].id) BOOST_TEST(paged[i].score >= hit.score, hit.id);
    }
  }
  fs::remove_all(path);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::index
