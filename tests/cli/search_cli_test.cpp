// End-to-end tests of `sijill index` and `sijill search` with the real binary (issue #4).
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support/run_cli.h"
#include "support/test_repo.h"
#include "unit/index/index_fixture.h"

namespace sijill::testing {

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(search)

BOOST_AUTO_TEST_CASE(SearchBuildsAMissingIndexAndPrintsTheContractJson) {
  TestRepo repo = TestRepo::FromText(index::testing::kCorpus);
  CliResult result = RunSijill({"--repo", repo.root(), "search", "وكالات التوظيف", "--json"});
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.err.find("built the search index") != std::string::npos);  // never silent
  nlohmann::json json = nlohmann::json::parse(result.out);
  BOOST_TEST(json["query"] == "وكالات التوظيف");
  BOOST_TEST(json["total"] == 1);
  const nlohmann::json& hit = json["results"][0];
  for (const char* key : {"id", "kind", "symbol", "paragraph", "title", "snippet", "status", "score"})
    BOOST_TEST(hit.contains(key), key);
  BOOST_TEST(hit["id"] == "ctoc-cop-wg.4-2013-5.p22");
  BOOST_TEST(hit["kind"] == "recommendation");
  BOOST_TEST(hit["paragraph"] == 22);
  BOOST_TEST(hit["status"] == "open");
  BOOST_TEST(json["facets"]["status"]["open"] == 1);
  BOOST_TEST(repo.Git("status --porcelain").empty());  // the index stays out of git
}

BOOST_AUTO_TEST_CASE(IndexCatchesUpOneCommitByItsChangedFile) {
  TestRepo repo = TestRepo::FromText(index::testing::kCorpus);
  BOOST_TEST(RunSijill({"--repo", repo.root(), "index"}).exit_code == 0);
  std::string record = repo.Read("recommendations/ctoc-cop-wg.4-2013-5/p22.yaml");
  record.replace(record.find("status: open"), 12, "status: closed");
  repo.Commit("-- recommendations/ctoc-cop-wg.4-2013-5/p22.yaml --\n" + record);
  CliResult result = RunSijill({"--repo", repo.root(), "index", "--json"});
  BOOST_TEST(result.exit_code == 0);
  nlohmann::json json = nlohmann::json::parse(result.out);
  BOOST_TEST(json["files"] == 1);
  BOOST_TEST(json["documents"] == 1);
  BOOST_TEST(json["rebuilt"] == false);
  CliResult closed =
      RunSijill({"--repo", repo.root(), "search", "--filter", "status=closed", "--json"});
  BOOST_TEST(nlohmann::json::parse(closed.out)["total"] == 1);
}

BOOST_AUTO_TEST_CASE(HumanOutputIsolatesArabicLines) {
  TestRepo repo = TestRepo::FromText(index::testing::kCorpus);
  CliResult result = RunSijill({"--repo", repo.root(), "search", "الشراكات"});
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.find("1. ctoc-cop-2012-9.p3  [paragraph]") != std::string::npos);
  BOOST_TEST(result.out.find("\u2067") != std::string::npos);
  BOOST_TEST(result.out.find("«الشراكات»") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(BadUsageAndMissingRepositoryAreReported) {
  TestRepo repo = TestRepo::FromText(index::testing::kCorpus);
  CliResult bad_filter = RunSijill({"--repo", repo.root(), "search", "x", "--filter", "colour=red"});
  BOOST_TEST(bad_filter.exit_code == 2);
  BOOST_TEST(bad_filter.err.find("unknown filter 'colour'") != std::string::npos);
  CliResult nothing = RunSijill({"--repo", "/nonexistent-sijill", "search", "x"});
  BOOST_TEST(nothing.exit_code == 1);
  BOOST_TEST(nothing.err.find("no search index") != std::string::npos);
  CliResult unknown_id = RunSijill({"--repo", repo.root(), "search", "--similar", "nope.p1"});
  BOOST_TEST(unknown_id.exit_code == 1);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
