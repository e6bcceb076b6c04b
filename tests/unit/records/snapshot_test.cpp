#include "sijill/records/snapshot.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "support/test_repo.h"

namespace sijill::records {

BOOST_AUTO_TEST_SUITE(records)
BOOST_AUTO_TEST_SUITE(snapshot)

const char kFiles[] = R"(
-- sijill.yaml --
title: test
statuses: [open, done]
-- corpus/b-2.md --
---
symbol: B/2
title: Later
type: report
body: WG
date: 2014-01-01
language: en
---

1. Later text.
-- corpus/a-1.md --
---
symbol: A/1
title: Earlier
type: report
body: WG
date: 2013-01-01
language: en
---

1. States should act.

2. States are encouraged to share.
-- recommendations/a-1/p2.yaml --
id: a-1.p2
source: {symbol: A/1, paragraph: "2"}
text: States are encouraged to share.
language: en
addressees: [states]
modality: encouraged
status: open
-- recommendations/a-1/p1.yaml --
id: a-1.p1
source: {symbol: A/1, paragraph: "1"}
text: States should act.
language: en
addressees: [states]
modality: should
status: open
-- briefs/consent.md --
---
title: Consent
date: 2026-01-02
status: draft
---
Body.
-- README.md --
not read
)";

BOOST_AUTO_TEST_CASE(ReadsEveryKindOfFileSorted) {
  testing::TestRepo repo = testing::TestRepo::FromText(kFiles);
  Snapshot snapshot = LoadSnapshot(repo.repo());
  BOOST_TEST(snapshot.commit == repo.repo().Head());
  for (const Problem& problem : snapshot.problems) BOOST_TEST_MESSAGE(problem.ToString());
  BOOST_TEST(snapshot.problems.empty());
  BOOST_REQUIRE(snapshot.reports.size() == 2u);
  BOOST_TEST(snapshot.reports[0].report.slug == "a-1");  // by date
  BOOST_TEST(snapshot.reports[0].paragraphs.size() >= 2u);
  BOOST_REQUIRE(snapshot.records.size() == 2u);
  BOOST_TEST(snapshot.records[0].id == "a-1.p1");
  BOOST_REQUIRE(snapshot.briefs.size() == 1u);
  BOOST_TEST(!snapshot.briefs[0].Published());
  BOOST_TEST(snapshot.settings.statuses.size() == 2u);
  BOOST_TEST(snapshot.blob_ids.count("recommendations/a-1/p1.yaml") == 1u);
  BOOST_TEST(snapshot.blob_ids.count("README.md") == 0u);
  BOOST_TEST(snapshot.FindRecord("a-1.p2")->modality == "encouraged");
  BOOST_TEST(snapshot.FindRecord("a-1.p3") == nullptr);
  BOOST_TEST(snapshot.FindReportBySymbol("B/2")->report.slug == "b-2");
  BOOST_TEST(snapshot.RecordsOf("A/1").size() == 2u);
}

BOOST_AUTO_TEST_CASE(AnOlderRevisionIsReadAsItWas) {
  testing::TestRepo repo = testing::TestRepo::FromText(kFiles);
  std::string first = repo.repo().Head();
  repo.Commit("-- recommendations/a-1/p1.yaml --\n"
              "id: a-1.p1\nsource: {symbol: A/1, paragraph: \"1\"}\ntext: States should act.\n"
              "language: en\nstatus: done\n");
  BOOST_TEST(LoadSnapshot(repo.repo()).FindRecord("a-1.p1")->status == "done");
  BOOST_TEST(LoadSnapshot(repo.repo(), first).FindRecord("a-1.p1")->status == "open");
}

BOOST_AUTO_TEST_CASE(MetadataOnlyKeepsNoBodies) {
  testing::TestRepo repo = testing::TestRepo::FromText(kFiles);
  Snapshot snapshot = LoadSnapshot(repo.repo(), "HEAD", {.paragraphs = false, .briefs = false});
  BOOST_TEST(snapshot.reports[0].report.meta.title == "Earlier");
  BOOST_TEST(snapshot.reports[0].paragraphs.empty());
  BOOST_TEST(snapshot.reports[0].report.body.empty());
  BOOST_TEST(snapshot.briefs.empty());
}

BOOST_AUTO_TEST_CASE(ABadRecordIsAProblemAndTheRestIsRead) {
  testing::TestRepo repo = testing::TestRepo::FromText(std::string(kFiles) +
                                                       "-- recommendations/a-1/p9.yaml --\n"
                                                       "id: [unclosed\n");
  Snapshot snapshot = LoadSnapshot(repo.repo());
  BOOST_TEST(snapshot.records.size() == 2u);
  BOOST_REQUIRE(!snapshot.problems.empty());
  BOOST_TEST(snapshot.problems[0].ToString().find("recommendations/a-1/p9.yaml:") == 0u);
}

BOOST_AUTO_TEST_CASE(AnUnknownRevisionIsNotFound) {
  testing::TestRepo repo = testing::TestRepo::FromText(kFiles);
  BOOST_CHECK_THROW(LoadSnapshot(repo.repo(), "no-such-branch"), Error);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::records
