// Follow-up evidence suggestions: later paragraphs only, never the record's own report,
// secretariat reports first, the ⚑ JSON (issue #5 item 2).
#include "sijill/index/suggest.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "sijill/error.h"
#include "sijill/index/indexer.h"
#include "support/test_repo.h"
#include "unit/index/suggest_fixture.h"

namespace sijill::index {

BOOST_AUTO_TEST_SUITE(index)
BOOST_AUTO_TEST_SUITE(suggest)

constexpr const char* kRecord = "ctoc-cop-wg.4-2013-5.p22";

struct Fixture {
  Fixture() : repo(sijill::testing::TestRepo::FromText(testing::kSuggestCorpus)) {
    UpdateIndex(repo.repo(), DefaultIndexPath(repo.root()));
    db = Xapian::Database(DefaultIndexPath(repo.root()));
  }
  std::vector<std::string> Ids(const SuggestOptions& options = {}) {
    std::vector<std::string> ids;
    for (const Suggestion& s : Suggest(db, kRecord, options)) ids.push_back(s.id);
    return ids;
  }
  sijill::testing::TestRepo repo;
  Xapian::Database db;
};

BOOST_FIXTURE_TEST_CASE(TheLaterSecretariatParagraphOnRecruitmentAgenciesComesFirst, Fixture) {
  std::vector<std::string> ids = Ids();
  BOOST_REQUIRE(!ids.empty());
  BOOST_TEST(ids[0] == "ctoc-cop-2018-2.p52");
}

BOOST_FIXTURE_TEST_CASE(NeverItsOwnReportNorAnEarlierDocument, Fixture) {
  for (const std::string& id : Ids({.limit = 50})) {
    BOOST_TEST(id.rfind("ctoc-cop-wg.4-2013-5.", 0) != 0, id);  // ¶47 shares its words
    BOOST_TEST(id.rfind("ctoc-cop-2012-9.", 0) != 0, id);       // 2012 is before adoption
  }
}

BOOST_FIXTURE_TEST_CASE(ASecretariatReportOutranksALaterRecommendationWithTheSameText, Fixture) {
  std::vector<Suggestion> suggestions = Suggest(db, kRecord, {.limit = 50});
  BOOST_REQUIRE(suggestions.size() >= 2u);
  BOOST_TEST(suggestions[0].id == "ctoc-cop-2018-2.p52");
  BOOST_TEST(suggestions[1].id == "ctoc-cop-wg.4-2015-3.p3");
  BOOST_TEST(suggestions[0].type == "secretariat-report");
  BOOST_TEST(suggestions[1].type == "report");
  // Same words (the titles differ a little, hence the tolerance): the type (×1.5 against ×1.1)
  // and the later paragraph being a recommendation itself (×0.5) make the difference.
  BOOST_TEST(suggestions[0].score / suggestions[1].score ==
                 1.5 / (1.1 * 0.5), boost::test_tools::tolerance(0.05));
}

BOOST_FIXTURE_TEST_CASE(BestFirstAndNoMoreThanTheLimit, Fixture) {
  BOOST_TEST(Ids({.limit = 1}).size() == 1u);
  BOOST_TEST(Ids({.limit = 0}).empty());
  std::vector<Suggestion> all = Suggest(db, kRecord, {.limit = 50});
  for (size_t i = 1; i < all.size(); ++i) BOOST_TEST(all[i - 1].score >= all[i].score);
}

BOOST_FIXTURE_TEST_CASE(TopicWordsJoinTheQuery, Fixture) {
  // The record's topic is "demand"; a label naming the Trust Fund pulls ¶72 in, which the
  // record's own words never reach.
  SuggestOptions options{.limit = 50, .topic_words = {{"demand", "صندوق الاستئماني"}}};
  std::vector<std::string> with = Ids(options);
  BOOST_TEST((std::find(with.begin(), with.end(), "ctoc-cop-2018-2.p72") != with.end()));
  std::vector<std::string> without = Ids({.limit = 50});
  BOOST_TEST((std::find(without.begin(), without.end(), "ctoc-cop-2018-2.p72") == without.end()));
}

BOOST_FIXTURE_TEST_CASE(AnUnknownOrNonRecordIdIsNotFound, Fixture) {
  for (const char* id : {"ctoc-cop-wg.4-2013-5.p99", "ctoc-cop-2018-2.p52", "../etc"}) {
    try {
      Suggest(db, id);
      BOOST_FAIL("no error for " << id);
    } catch (const Error& error) {
      BOOST_TEST(error.kind() == Error::Kind::kNotFound);
      BOOST_TEST(std::string(error.what()).find(id) != std::string::npos, error.what());
    }
  }
}

BOOST_FIXTURE_TEST_CASE(JsonKeepsTheContractShapeAndOrder, Fixture) {
  std::string text = SuggestionsToJson(kRecord, Suggest(db, kRecord));
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  BOOST_TEST(keys == (std::vector<std::string>{"id", "suggestions"}), boost::test_tools::per_element());
  BOOST_TEST(json["id"] == kRecord);
  const nlohmann::ordered_json& first = json["suggestions"][0];
  keys.clear();
  for (const auto& [key, value] : first.items()) keys.push_back(key);
  BOOST_TEST(keys == (std::vector<std::string>{"id", "symbol", "paragraph", "score", "snippet"}),
             boost::test_tools::per_element());
  BOOST_TEST(first["id"] == "ctoc-cop-2018-2.p52");
  BOOST_TEST(first["symbol"] == "CTOC/COP/2018/2");
  BOOST_TEST(first["paragraph"] == 52);
  BOOST_TEST(first["score"].is_number());
  BOOST_TEST(first["snippet"].get<std::string>().find("<mark>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(EvidenceIsTheSymbolAndTheParagraphOfTheId) {
  BOOST_TEST(EvidenceFor({.id = "ctoc-cop-2018-2.p52", .symbol = "CTOC/COP/2018/2"}) ==
             "CTOC/COP/2018/2#p52");
  BOOST_TEST(EvidenceFor({.id = "a-res-64-293.annex.p38", .symbol = "A/RES/64/293"}) ==
             "A/RES/64/293#annex.p38");
  BOOST_TEST(EvidenceFor({.id = "ctoc-cop-2012-provisional.p4", .symbol = ""}).empty());
}

BOOST_FIXTURE_TEST_CASE(RecommendationIdsListsTheRecords, Fixture) {
  BOOST_TEST(RecommendationIds(db) ==
                 (std::vector<std::string>{kRecord, "ctoc-cop-wg.4-2015-3.p3"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::index
