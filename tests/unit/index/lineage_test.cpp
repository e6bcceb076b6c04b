// Repeated recommendations on the seeds (issue #5 item 3): the Working Group's 2013
// recommendations that repeat or continue the Global Plan of Action (A/RES/64/293, 2010).
// The pairs below were judged by reading both texts; LineageOptions' cut-off was chosen on
// them (docs/suggest.md).
#include "sijill/index/lineage.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <unistd.h>

#include "sijill/index/indexer.h"
#include "sijill/model/id.h"

namespace sijill::index {

BOOST_AUTO_TEST_SUITE(index)
BOOST_AUTO_TEST_SUITE(lineage)

namespace fs = std::filesystem;

struct SeedLineage {
  SeedLineage()
      : tmp((fs::temp_directory_path() / ("sijill-lineage-" + std::to_string(getpid()))).string()),
        repo(store::Repository::Open(SIJILL_SOURCE_DIR)) {
    UpdateIndex(repo, tmp, Rebuild::kYes);
    db = Xapian::Database(tmp);
    snapshot = records::LoadSnapshot(repo, "HEAD", {.paragraphs = false, .briefs = false});
    lineage = FindLineage(db, snapshot);
  }
  ~SeedLineage() { fs::remove_all(tmp); }
  bool Repeats(const std::string& id, const std::string& earlier) const {
    auto it = lineage.find(id);
    return it != lineage.end() &&
           std::find(it->second.begin(), it->second.end(), earlier) != it->second.end();
  }
  std::string tmp;
  store::Repository repo;
  Xapian::Database db;
  records::Snapshot snapshot;
  std::map<std::string, std::vector<std::string>> lineage;
};

BOOST_FIXTURE_TEST_CASE(TheSeedsRealRepeatsAreFound, SeedLineage) {
  for (const auto& [id, earlier] : lineage) {
    std::string list;
    for (const std::string& e : earlier) list += " " + e;
    BOOST_TEST_MESSAGE("lineage: " << id << " repeats" << list);
  }
  // mutual legal assistance and extradition (WG 2013 ¶25; Global Plan annex ¶52)
  BOOST_TEST(Repeats("ctoc-cop-wg.4-2013-5.p25", "a-res-64-293.annex.p52"));
  // trafficking and corruption (¶7; annex ¶47 on corrupt officials, or ¶48 on the crimes linked
  // to trafficking, corruption among them: once both were hand-fixed, ¶48 is the closer text)
  BOOST_TEST((Repeats("ctoc-cop-wg.4-2013-5.p7", "a-res-64-293.annex.p47") ||
              Repeats("ctoc-cop-wg.4-2013-5.p7", "a-res-64-293.annex.p48")));
  // ICAT's coordination (¶6; annex ¶59)
  BOOST_TEST(Repeats("ctoc-cop-wg.4-2013-5.p6", "a-res-64-293.annex.p59"));
}

BOOST_FIXTURE_TEST_CASE(LineageOnlyPointsToEarlierRecordsOfOtherDocuments, SeedLineage) {
  for (const auto& [id, earlier] : lineage) {
    const model::Recommendation* record = snapshot.FindRecord(id);
    BOOST_REQUIRE(record);
    BOOST_TEST(earlier.size() <= LineageOptions{}.max_per_record);
    for (const std::string& e : earlier) {
      const model::Recommendation* before = snapshot.FindRecord(e);
      BOOST_REQUIRE(before);
      BOOST_TEST(before->adopted < record->adopted, id << " → " << e);
      BOOST_TEST(model::ParseRecordId(e).slug != model::ParseRecordId(id).slug);
    }
  }
  // The Global Plan (2010) is the oldest document: nothing before it to repeat.
  for (const auto& [id, earlier] : lineage) BOOST_TEST(id.rfind("a-res-64-293.", 0) != 0, id);
}

BOOST_FIXTURE_TEST_CASE(TheCutOffKeepsUnrelatedRecordsApart, SeedLineage) {
  // Recruitment fees (¶22) and consent (¶10) are new in 2013: the Global Plan has neither.
  BOOST_TEST(!lineage.count("ctoc-cop-wg.4-2013-5.p22"));
  BOOST_TEST(!lineage.count("ctoc-cop-wg.4-2013-5.p10"));
  // Below the cut-off everything is "similar" to something: the cut-off is what selects.
  std::vector<SimilarRecord> loose =
      EarlierSimilar(db, records::AdoptionsOf(snapshot), "ctoc-cop-wg.4-2013-5.p22", 0.0, 3);
  BOOST_TEST(!loose.empty());
  for (const SimilarRecord& s : loose) BOOST_TEST(s.similarity < LineageOptions{}.min_similarity);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::index
