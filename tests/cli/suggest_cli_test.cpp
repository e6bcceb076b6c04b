// End-to-end tests of `sijill suggest` with the real binary (issue #5 item 2; DESIGN.md §4 ⚑
// `suggest ID --json` prints {"id", "suggestions": [{"id", "symbol", "paragraph", "score",
// "snippet"}]}, best first).
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support/run_cli.h"
#include "support/test_repo.h"
#include "unit/index/suggest_fixture.h"

namespace sijill::testing {

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(suggest)

constexpr const char* kRecord = "ctoc-cop-wg.4-2013-5.p22";

BOOST_AUTO_TEST_CASE(JsonIsTheContractBestFirst) {
  TestRepo repo = TestRepo::FromText(index::testing::kSuggestCorpus);
  CliResult result = RunSijill({"--repo", repo.root(), "suggest", kRecord, "--json"});
  BOOST_TEST(result.exit_code == 0, result.err);
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(result.out);
  BOOST_TEST(json.size() == 2u);
  BOOST_TEST(json["id"] == kRecord);
  const nlohmann::ordered_json& list = json["suggestions"];
  BOOST_REQUIRE(list.size() >= 2u);
  BOOST_TEST(list.size() <= 5u);  // the default limit
  for (const auto& s : list) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : s.items()) keys.push_back(key);
    BOOST_TEST(keys == (std::vector<std::string>{"id", "symbol", "paragraph", "score", "snippet"}),
               boost::test_tools::per_element());
  }
  BOOST_TEST(list[0]["id"] == "ctoc-cop-2018-2.p52");
  BOOST_TEST(list[0]["symbol"] == "CTOC/COP/2018/2");
  BOOST_TEST(list[0]["paragraph"] == 52);
  for (size_t i = 1; i < list.size(); ++i)
    BOOST_TEST(list[i - 1]["score"].get<double>() >= list[i]["score"].get<double>());
}

BOOST_AUTO_TEST_CASE(SuggestingWritesNothing) {
  TestRepo repo = TestRepo::FromText(index::testing::kSuggestCorpus);
  std::string head = repo.Git("rev-parse HEAD");
  std::string before = repo.Read("recommendations/ctoc-cop-wg.4-2013-5/p22.yaml");
  CliResult result = RunSijill({"--repo", repo.root(), "suggest", kRecord});
  BOOST_TEST(result.exit_code == 0, result.err);
  BOOST_TEST(repo.Git("rev-parse HEAD") == head);
  BOOST_TEST(repo.Read("recommendations/ctoc-cop-wg.4-2013-5/p22.yaml") == before);
  BOOST_TEST(repo.Git("status --porcelain").empty());
}

BOOST_AUTO_TEST_CASE(HumanOutputListsIdScoreSnippetAndEndsWithTheConfirmCommand) {
  TestRepo repo = TestRepo::FromText(index::testing::kSuggestCorpus);
  CliResult result = RunSijill({"--repo", repo.root(), "suggest", kRecord, "--limit", "2"});
  BOOST_TEST(result.exit_code == 0, result.err);
  BOOST_TEST(result.out.find(std::string(kRecord) + ": 2 suggestions") != std::string::npos,
             result.out);
  BOOST_TEST(result.out.find("1. ctoc-cop-2018-2.p52  ") != std::string::npos, result.out);
  BOOST_TEST(result.out.find("«") != std::string::npos);  // matched words marked
  std::string last = "sijill status " + std::string(kRecord) +
                     " STATUS --evidence CTOC/COP/2018/2#p52\n";
  BOOST_TEST(result.out.size() >= last.size());
  BOOST_TEST(result.out.substr(result.out.size() - last.size()) == last, result.out);
}

BOOST_AUTO_TEST_CASE(AllPrintsOneJsonArrayOfTheSameObjects) {
  TestRepo repo = TestRepo::FromText(index::testing::kSuggestCorpus);
  CliResult result = RunSijill({"--repo", repo.root(), "suggest", "--all", "--json"});
  BOOST_TEST(result.exit_code == 0, result.err);
  nlohmann::json json = nlohmann::json::parse(result.out);
  BOOST_REQUIRE(json.is_array());
  BOOST_REQUIRE(json.size() == 2u);  // every record, in id order
  BOOST_TEST(json[0]["id"] == kRecord);
  BOOST_TEST(json[1]["id"] == "ctoc-cop-wg.4-2015-3.p3");
  BOOST_TEST(json[0]["suggestions"][0]["id"] == "ctoc-cop-2018-2.p52");
}

BOOST_AUTO_TEST_CASE(AnUnknownIdExitsOneNamingIt) {
  TestRepo repo = TestRepo::FromText(index::testing::kSuggestCorpus);
  CliResult result =
      RunSijill({"--repo", repo.root(), "suggest", "ctoc-cop-wg.4-2013-5.p99", "--json"});
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.out.empty());
  BOOST_TEST(result.err.find("ctoc-cop-wg.4-2013-5.p99") != std::string::npos, result.err);
}

BOOST_AUTO_TEST_CASE(BadUsageExitsTwo) {
  TestRepo repo = TestRepo::FromText(index::testing::kSuggestCorpus);
  BOOST_TEST(RunSijill({"--repo", repo.root(), "suggest"}).exit_code == 2);
  BOOST_TEST(RunSijill({"--repo", repo.root(), "suggest", kRecord, "--all"}).exit_code == 2);
  BOOST_TEST(RunSijill({"--repo", repo.root(), "suggest", kRecord, "--limit", "x"}).exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
