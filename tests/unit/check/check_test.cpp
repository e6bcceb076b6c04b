#include "sijill/check/check.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <string>

#include "support/test_repo.h"

namespace sijill::check {

BOOST_AUTO_TEST_SUITE(check)
BOOST_AUTO_TEST_SUITE(check_repository)

// Excerpts of corpus/ctoc-cop-wg.4-2013-5.md (seed 001, recommendations 11 and 13, with its
// symbol taken as confirmed here) and corpus/a-res-64-293.md (seed 004, annex paragraph 1),
// plus one record of each.
const char kRepository[] = R"(
-- corpus/ctoc-cop-wg.4-2013-5.md --
---
symbol: "CTOC/COP/WG.4/2013/5"
title: "تقرير عن اجتماع الفريق العامل المعني بالاتجار بالأشخاص"
type: "report"
body: "الفريق العامل المعني بالاتجار بالأشخاص"
date: "2013-11-08"
language: "ar"
symbol_confidence: "confirmed"
---

# ثانياً - التوصيات

## ألف - توصيات عامة

11. ينبغي للدول الأطراف أن توضِّح وتحسِّن تشريعها المتعلق بمفهوم الموافقة الأساسي،

13. ينبغي للدول الأطراف إذكاء وعي سلطاتها الوطنية ذات الصلة وغيرها من الجهات

# المرفق

1. قائمة الوثائق المعروضة على الفريق العامل
-- corpus/a-res-64-293.md --
---
symbol: "A/RES/64/293"
title: "خطة عمل الأمم المتحدة العالمية لمكافحة الاتجار بالأشخاص"
type: "resolution"
body: "الجمعية العامة"
date: "2010-07-30"
language: "ar"
---
# المرفق

1. إدانة الاتجار بالأشخاص إدانة ثابتة وقوية
-- recommendations/ctoc-cop-wg.4-2013-5/p11.yaml --
id: ctoc-cop-wg.4-2013-5.p11
source:
  symbol: CTOC/COP/WG.4/2013/5
  paragraph: 11
text: |
  ينبغي للدول الأطراف أن توضِّح وتحسِّن تشريعها المتعلق بمفهوم الموافقة الأساسي،
language: ar
adopted: 2013-11-08
addressees: [states-parties]
modality: should
topics: [consent, legislation]
status: in-progress
followup:
  - date: 2014-01-10
    status: open
    by: A <a@example.org>
  - date: 2015-03-02
    status: in-progress
    evidence:
      - symbol: A/RES/64/293
        paragraph: annex.1
    by: A <a@example.org>
-- recommendations/ctoc-cop-wg.4-2013-5/annex.p1.yaml --
id: ctoc-cop-wg.4-2013-5.annex.p1
source:
  symbol: CTOC/COP/WG.4/2013/5
  paragraph: annex.1
text: قائمة الوثائق المعروضة على الفريق العامل
language: ar
status: open
followup: []
)";

std::vector<File> Files(const std::map<std::string, std::string>& overrides = {}) {
  std::map<std::string, std::string> files = testing::ParseFiles(kRepository);
  for (const auto& [path, content] : overrides) {
    if (content.empty()) {
      files.erase(path);
    } else {
      files[path] = content;
    }
  }
  std::vector<File> out;
  for (const auto& [path, content] : files) out.push_back({path, content});
  return out;
}

std::vector<std::string> Lines(const Problems& problems) {
  std::vector<std::string> lines;
  for (const Problem& problem : problems) lines.push_back(problem.ToString());
  return lines;
}

std::string Record(const std::string& from, const std::string& to) {
  std::string text =
      testing::ParseFiles(kRepository)["recommendations/ctoc-cop-wg.4-2013-5/p11.yaml"];
  size_t at = text.find(from);
  BOOST_REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

const char kP11[] = "recommendations/ctoc-cop-wg.4-2013-5/p11.yaml";

BOOST_AUTO_TEST_CASE(TheFixtureIsClean) {
  BOOST_TEST(Lines(CheckRepository(Files())) == std::vector<std::string>{},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(MalformedYamlIsReportedAtItsLine) {
  Problems problems =
      CheckRepository(Files({{kP11, Record("modality: should", "modality: should: yes")}}));
  BOOST_TEST(Lines(problems) ==
                 std::vector<std::string>{std::string(kP11) +
                                          ":10:17: error: malformed YAML: illegal map value"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(InvalidUtf8IsReportedAtLineAndColumn) {
  Problems problems = CheckRepository(Files({{kP11, Record("لدول", "لد\xC3ول")}}));
  BOOST_TEST(Lines(problems) ==
                 std::vector<std::string>{std::string(kP11) + ":6:12: error: invalid UTF-8"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(UnknownValuesAreReportedWithTheirField) {
  std::string text = Record("status: in-progress\nfollowup", "status: opne\nfollowup");
  text.replace(text.find("[states-parties]"), 16, "[states-parties, nobody]");
  text.replace(text.find("modality: should"), 16, "modality: shall");
  text.replace(text.find("legislation]"), 12, "legislatoin]");
  std::vector<std::string> expected = {
      std::string(kP11) +
          ":9:30: error: unknown addressee 'nobody' (not in sijill.yaml addressees)",
      std::string(kP11) + ":10:11: error: unknown modality 'shall' (not in sijill.yaml modalities)",
      std::string(kP11) + ":11:19: error: unknown topic 'legislatoin' (not in sijill.yaml topics)",
      std::string(kP11) + ":12:9: error: unknown status 'opne' (not in sijill.yaml statuses)",
      std::string(kP11) +
          ":12:9: warning: status 'opne' differs from the last follow-up entry ('in-progress')",
  };
  BOOST_TEST(Lines(CheckRepository(Files({{kP11, text}}))) == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(SettingsDecideWhatIsKnown) {
  std::string text = Record("status: in-progress\nfollowup", "status: deferred\nfollowup");
  text.replace(text.find("    status: in-progress"), 23, "    status: deferred");
  Problems problems = CheckRepository(
      Files({{kP11, text}, {"sijill.yaml", "statuses: [open, in-progress, deferred]\n"}}));
  BOOST_TEST(Lines(problems) == std::vector<std::string>{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(DuplicateIdsAndIdsNotMatchingTheirPathAreReported) {
  std::string copy = testing::ParseFiles(kRepository)[kP11];
  Problems problems =
      CheckRepository(Files({{"recommendations/ctoc-cop-wg.4-2013-5/p13.yaml", copy}}));
  std::vector<std::string> expected = {
      "recommendations/ctoc-cop-wg.4-2013-5/p13.yaml:1:5: error: id 'ctoc-cop-wg.4-2013-5.p11' "
      "does not match the file path (expected 'ctoc-cop-wg.4-2013-5.p13')",
      "recommendations/ctoc-cop-wg.4-2013-5/p13.yaml:1:5: error: duplicate id "
      "'ctoc-cop-wg.4-2013-5.p11' (also in recommendations/ctoc-cop-wg.4-2013-5/p11.yaml)",
      "recommendations/ctoc-cop-wg.4-2013-5/p13.yaml:4:14: error: source.paragraph '11' does not "
      "match the id (13)",
  };
  BOOST_TEST(Lines(problems) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(RecordsOutsideTheIdGrammarOrWithoutAParagraphAreReported) {
  std::string copy = testing::ParseFiles(kRepository)[kP11];
  Problems problems = CheckRepository(
      Files({{"recommendations/ctoc-cop-wg.4-2013-5/p011.yaml", copy},
             {"recommendations/x/p1.yaml", Record("ctoc-cop-wg.4-2013-5.p11", "x.p1")}}));
  std::vector<std::string> lines = Lines(problems);
  BOOST_REQUIRE(lines.size() >= 2u);
  BOOST_TEST(lines[0] ==
             "recommendations/ctoc-cop-wg.4-2013-5/p011.yaml:1:1: error: not a record "
             "file: records are recommendations/<slug>/<rest>.yaml with rest p<N>, "
             "annex.p<N>, preamble or annex");
  BOOST_TEST(lines[1] ==
             "recommendations/x/p1.yaml:1:5: error: no report corpus/x.md for this record");
}

BOOST_AUTO_TEST_CASE(FollowUpDatesMustBeIsoAndInOrder) {
  std::string text = Record("2015-03-02", "2013-12-31");
  text = text.replace(text.find("2014-01-10"), 10, "10/01/2014");
  std::vector<std::string> expected = {
      std::string(kP11) +
          ":14:11: error: follow-up date '10/01/2014' is not an ISO date (YYYY-MM-DD)",
  };
  BOOST_TEST(Lines(CheckRepository(Files({{kP11, text}}))) == expected,
             boost::test_tools::per_element());
  expected = {
      std::string(kP11) +
      ":17:11: error: follow-up entries out of date order: 2013-12-31 comes after 2014-01-10"};
  BOOST_TEST(
      Lines(CheckRepository(Files({{kP11, Record("2015-03-02", "2013-12-31")}}))) == expected,
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(DanglingEvidenceIsReported) {
  std::vector<std::string> expected = {
      std::string(kP11) +
      ":21:20: error: evidence paragraph 'annex.2' not found in corpus/a-res-64-293.md"};
  BOOST_TEST(Lines(CheckRepository(Files({{kP11, Record("annex.1", "annex.2")}}))) == expected,
             boost::test_tools::per_element());
  expected = {std::string(kP11) +
              ":20:17: error: evidence symbol 'A/RES/64/294' is not the symbol of any report"};
  BOOST_TEST(
      Lines(CheckRepository(Files({{kP11, Record("A/RES/64/293", "A/RES/64/294")}}))) == expected,
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ReportProblemsAreReported) {
  std::string report = testing::ParseFiles(kRepository)["corpus/a-res-64-293.md"];
  std::string bad = report;
  bad.replace(bad.find("body: \"الجمعية العامة\"\n"),
              std::string("body: \"الجمعية العامة\"\n").size(), "");
  bad.replace(bad.find("2010-07-30"), 10, "30 July 2010");
  std::vector<std::string> expected = {
      "corpus/a-res-64-293.md:2:1: error: missing key 'body'",
      "corpus/a-res-64-293.md:5:7: error: date '30 July 2010' is not an ISO date (YYYY-MM-DD)",
  };
  BOOST_TEST(Lines(CheckRepository(Files({{"corpus/a-res-64-293.md", bad}}))) == expected,
             boost::test_tools::per_element());
  // A confirmed symbol fixes the file name.
  Problems renamed =
      CheckRepository(Files({{"corpus/a-res-64-293.md", ""}, {"corpus/resolution.md", report}}));
  BOOST_TEST(Lines(renamed)[0] ==
             "corpus/resolution.md:2:9: error: the file name does not match "
             "the symbol 'A/RES/64/293': expected a-res-64-293.md");
}

BOOST_AUTO_TEST_CASE(AProvisionalSymbolIsOnlyAWarning) {
  std::string report = testing::ParseFiles(kRepository)["corpus/a-res-64-293.md"];
  report.replace(report.find("symbol: \"A/RES/64/293\""), 22,
                 "symbol: ~\nsymbol_confidence: provisional");
  Problems problems = CheckRepository(Files(
      {{"corpus/a-res-64-293.md", ""},
       {"corpus/a-res-provisional.md", report},
       {kP11,
        Record("    evidence:\n      - symbol: A/RES/64/293\n        paragraph: annex.1\n", "")}}));
  std::vector<std::string> expected = {
      "corpus/a-res-provisional.md:3:20: warning: the symbol of this report is provisional: "
      "confirm it, then set symbol_confidence: confirmed"};
  BOOST_TEST(Lines(problems) == expected, boost::test_tools::per_element());
  BOOST_TEST(!HasErrors(problems));
}

BOOST_AUTO_TEST_CASE(ARepeatedParagraphNumberGetsADupIdAndAWarning) {
  std::string report = testing::ParseFiles(kRepository)["corpus/a-res-64-293.md"];
  report += "\n1. مرة ثانية\n";
  Problems problems = CheckRepository(Files({{"corpus/a-res-64-293.md", report}}));
  BOOST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].ToString() ==
             "corpus/a-res-64-293.md:13:1: warning: paragraph number "
             "printed twice: this one is a-res-64-293.annex.p1-dup");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::check
