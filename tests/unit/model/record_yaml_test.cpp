#include "sijill/model/record_yaml.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "support/model_print.h"

namespace sijill::model {

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(record_yaml)

// Recommendation 11 of the 2013 Working Group report (seed 001, chunk order restored).
Recommendation SeedRecord() {
  Recommendation record;
  record.id = "ctoc-cop-wg.4-2013-5.p11";
  record.source = {"CTOC/COP/WG.4/2013/5", "11", "ألف - التوصيات"};
  record.text =
      "ينبغي للدول الأطراف أن توضِّح وتحسِّن تشريعها المتعلق بمفهوم الموافقة الأساسي،\n"
      "وأن تنظر في تعديله عند الاقتضاء.\n";
  record.adopted = "2013-11-08";
  record.addressees = {"states-parties"};
  record.modality = "should";
  record.topics = {"consent", "legislation"};
  record.summary = {{"en", "Clarify the concept of consent: in legislation"}};
  record.status = "in-progress";
  record.followup = {
      {"2018-07-23",
       "in-progress",
       "تقرير الأمانة: أنشطة المكتب",
       {{"CTOC/COP/2018/2", "22", ""}, {"", "", "https://undocs.org/CTOC/COP/2018/2"}},
       "Amal Haddad <amal@example.org>"}};
  return record;
}

const char kSeedYaml[] =
    "id: ctoc-cop-wg.4-2013-5.p11\n"
    "source:\n"
    "  symbol: CTOC/COP/WG.4/2013/5\n"
    "  paragraph: 11\n"
    "  section: ألف - التوصيات\n"
    "text: |\n"
    "  ينبغي للدول الأطراف أن توضِّح وتحسِّن تشريعها المتعلق بمفهوم الموافقة الأساسي،\n"
    "  وأن تنظر في تعديله عند الاقتضاء.\n"
    "language: ar\n"
    "adopted: 2013-11-08\n"
    "addressees: [states-parties]\n"
    "modality: should\n"
    "topics: [consent, legislation]\n"
    "summary:\n"
    "  en: \"Clarify the concept of consent: in legislation\"\n"
    "status: in-progress\n"
    "followup:\n"
    "  - date: 2018-07-23\n"
    "    status: in-progress\n"
    "    note: \"تقرير الأمانة: أنشطة المكتب\"\n"
    "    evidence:\n"
    "      - symbol: CTOC/COP/2018/2\n"
    "        paragraph: 22\n"
    "      - url: https://undocs.org/CTOC/COP/2018/2\n"
    "    by: Amal Haddad <amal@example.org>\n";

BOOST_AUTO_TEST_CASE(WriteRecordGivesTheCanonicalText) {
  BOOST_TEST(WriteRecord(SeedRecord()) == kSeedYaml);
}

BOOST_AUTO_TEST_CASE(CanonicalTextParsesBackWithoutProblems) {
  ParsedRecord parsed = ParseRecord("recommendations/x/p11.yaml", kSeedYaml);
  BOOST_TEST(parsed.parsed);
  BOOST_TEST(parsed.problems.empty());
  BOOST_TEST(parsed.record == SeedRecord());
  BOOST_TEST(parsed.At("status").ToString() == "recommendations/x/p11.yaml:16:9");
  BOOST_TEST(parsed.At("followup[0].evidence[0].paragraph").line == 23);
}

BOOST_AUTO_TEST_CASE(AwkwardValuesRoundTrip) {
  const std::string values[] = {
      "",
      "~",
      "null",
      "- dash",
      "key: value",
      "a #b",
      "#c",
      "[x]",
      "\"q\" and \\",
      " lead",
      "trail ",
      "tab\there",
      "x:",
      "@at",
      "multi\nline",
      "no newline\nend",
      "two\n\n",
      "\n\nleading",
      "  indented\nfirst\n",
      "only\n  \n",
      "cr\r\nlf",
      "nel\xC2\x85x",
      "ls\xE2\x80\xA8x",
      "bel\x07",
      "٢٠١٣",
      "a, b",
      "{b}",
      "end\n\n\n",
      "x\n \n",
  };
  for (const std::string& value : values) {
    BOOST_TEST_CONTEXT("value [" << value << "]") {
      Recommendation record = SeedRecord();
      record.text = value;
      record.source.section = value.empty() ? "s" : value;
      record.followup[0].note = value;
      record.topics = {value.empty() ? "t" : value, "b"};
      ParsedRecord parsed = ParseRecord("r.yaml", WriteRecord(record));
      BOOST_TEST(parsed.problems.empty());
      BOOST_TEST(parsed.record.text == record.text);
      BOOST_TEST(parsed.record.source.section == record.source.section);
      BOOST_TEST(parsed.record.followup[0].note == record.followup[0].note);
      BOOST_TEST(parsed.record.topics == record.topics);
    }
  }
}

BOOST_AUTO_TEST_CASE(EmptyFollowUpIsWrittenAsAnEmptyList) {
  Recommendation record = SeedRecord();
  record.followup.clear();
  record.summary.clear();
  std::string yaml = WriteRecord(record);
  BOOST_TEST(yaml.ends_with("status: in-progress\nfollowup: []\n"));
  BOOST_TEST(ParseRecord("r.yaml", yaml).record == record);
}

BOOST_AUTO_TEST_CASE(MalformedYamlIsReportedAtItsLine) {
  ParsedRecord parsed = ParseRecord("recommendations/x/p1.yaml", "id: x.p1\nsource: [\n");
  BOOST_TEST(!parsed.parsed);
  BOOST_REQUIRE(parsed.problems.size() == 1u);
  BOOST_TEST(parsed.problems[0].ToString().starts_with(
      "recommendations/x/p1.yaml:3:1: error: malformed YAML"));
}

BOOST_AUTO_TEST_CASE(InvalidUtf8IsReportedAtLineAndColumn) {
  ParsedRecord parsed = ParseRecord("r.yaml", "id: x.p1\ntext: نص\xFF\n");
  BOOST_REQUIRE(parsed.problems.size() == 1u);
  BOOST_TEST(parsed.problems[0].ToString() == "r.yaml:2:9: error: invalid UTF-8");
}

BOOST_AUTO_TEST_CASE(MissingUnknownAndDuplicateKeysAreAllReported) {
  const char* yaml =
      "id: x.p1\n"
      "source:\n"
      "  symbol: A/1\n"
      "  page: 3\n"
      "text: نص\n"
      "colour: red\n"
      "status: open\n"
      "status: closed\n"
      "followup:\n"
      "  - date: 2020-01-01\n"
      "    status: open\n";
  ParsedRecord parsed = ParseRecord("r.yaml", yaml);
  std::vector<std::string> lines;
  for (const Problem& problem : parsed.problems) lines.push_back(problem.ToString());
  std::vector<std::string> expected = {
      "r.yaml:6:1: error: unknown key 'colour'",
      "r.yaml:8:1: error: duplicate key 'status'",
      "r.yaml:1:1: error: missing key 'language'",
      "r.yaml:4:3: error: unknown key 'source.page'",
      "r.yaml:3:3: error: missing key 'source.paragraph'",
      "r.yaml:10:5: error: missing key 'followup[0].by'",
  };
  BOOST_TEST(lines == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(WrongShapesAreReported) {
  ParsedRecord parsed = ParseRecord("r.yaml",
                                    "id: [a]\nsource: x\ntext: t\nlanguage: ar\nstatus: open\n"
                                    "topics: general\nfollowup: {}\n");
  std::vector<std::string> lines;
  for (const Problem& problem : parsed.problems) lines.push_back(problem.ToString());
  std::vector<std::string> expected = {
      "r.yaml:1:5: error: 'id' must be a single value",
      "r.yaml:2:9: error: 'source' must be a mapping",
      "r.yaml:6:9: error: 'topics' must be a list",
      "r.yaml:7:11: error: 'followup' must be a list",
  };
  BOOST_TEST(lines == expected, boost::test_tools::per_element());
  BOOST_TEST(ParseRecord("r.yaml", "- a\n").problems[0].message == "expected a mapping of keys");
}

BOOST_AUTO_TEST_CASE(EvidenceTextRoundTrips) {
  auto paragraph = ParseEvidence("CTOC/COP/2018/2#p22");
  BOOST_REQUIRE(paragraph);
  BOOST_TEST(paragraph->symbol == "CTOC/COP/2018/2");
  BOOST_TEST(paragraph->paragraph == "22");
  BOOST_TEST(paragraph->ToString() == "CTOC/COP/2018/2#p22");
  auto annex = ParseEvidence("A/RES/64/293#annex.p15");
  BOOST_REQUIRE(annex);
  BOOST_TEST(annex->paragraph == "annex.15");
  BOOST_TEST(annex->ToString() == "A/RES/64/293#annex.p15");
  BOOST_TEST(ParseEvidence("https://undocs.org/x")->url == "https://undocs.org/x");
  BOOST_TEST(!ParseEvidence("CTOC/COP/2018/2"));
  BOOST_TEST(!ParseEvidence("#p1"));
  BOOST_TEST(!ParseEvidence("X#p1/../2"));
  BOOST_TEST(!ParseEvidence("ftp://x"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::model
