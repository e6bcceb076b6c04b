#include "sijill/model/record_edit.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "sijill/error.h"
#include "sijill/model/record_yaml.h"
#include "support/model_print.h"

namespace sijill::model {

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(record_edit)

// Issue 2 item 3: a status update changes only the `status:` line and appends one entry.

FollowUp Entry() {
  return {"2026-11-23",
          "implemented",
          "اعتُمد قانون جديد",
          {{"CTOC/COP/2018/2", "22", ""}},
          "Amal Haddad <amal@example.org>"};
}

const char kEntryAt2[] =
    "  - date: 2026-11-23\n"
    "    status: implemented\n"
    "    note: اعتُمد قانون جديد\n"
    "    evidence:\n"
    "      - symbol: CTOC/COP/2018/2\n"
    "        paragraph: 22\n"
    "    by: Amal Haddad <amal@example.org>\n";

// A hand-edited record (seed 001, recommendation 11): comments, an unknown key, its own order.
const char kHandEdited[] =
    "# reviewed by the secretariat\n"
    "id: ctoc-cop-wg.4-2013-5.p11\n"
    "status: open   # set at extraction\n"
    "source: {symbol: CTOC/COP/WG.4/2013/5, paragraph: '11'}\n"
    "text: >\n"
    "  ينبغي للدول الأطراف أن توضِّح وتحسِّن تشريعها\n"
    "  المتعلق بمفهوم الموافقة الأساسي\n"
    "language: ar\n"
    "reviewer: {name: ليلى, checked: true}\n"
    "followup:\n"
    "  - date: 2018-07-23\n"
    "    status: open\n"
    "    by: x <x@example.org>\n"
    "    source_page: 9   # unknown key inside an entry\n"
    "\n"
    "# topics were set by hand\n"
    "topics: [consent]\n";

BOOST_AUTO_TEST_CASE(OnlyTheStatusLineChangesAndTheEntryIsAppended) {
  std::string edited = ApplyFollowUp(kHandEdited, Entry());
  std::string expected =
      "# reviewed by the secretariat\n"
      "id: ctoc-cop-wg.4-2013-5.p11\n"
      "status: implemented   # set at extraction\n"
      "source: {symbol: CTOC/COP/WG.4/2013/5, paragraph: '11'}\n"
      "text: >\n"
      "  ينبغي للدول الأطراف أن توضِّح وتحسِّن تشريعها\n"
      "  المتعلق بمفهوم الموافقة الأساسي\n"
      "language: ar\n"
      "reviewer: {name: ليلى, checked: true}\n"
      "followup:\n"
      "  - date: 2018-07-23\n"
      "    status: open\n"
      "    by: x <x@example.org>\n"
      "    source_page: 9   # unknown key inside an entry\n" +
      std::string(kEntryAt2) +
      "\n"
      "# topics were set by hand\n"
      "topics: [consent]\n";
  BOOST_TEST(edited == expected);
}

BOOST_AUTO_TEST_CASE(AnEmptyFlowListBecomesABlockList) {
  std::string original =
      "id: x.p1\nsource:\n  symbol: X\n  paragraph: 1\ntext: t\nlanguage: ar\n"
      "status: open\nfollowup: []  # none yet\n";
  std::string expected =
      "id: x.p1\nsource:\n  symbol: X\n  paragraph: 1\ntext: t\nlanguage: ar\n"
      "status: implemented\nfollowup:  # none yet\n" +
      std::string(kEntryAt2);
  BOOST_TEST(ApplyFollowUp(original, Entry()) == expected);
}

BOOST_AUTO_TEST_CASE(AMissingFollowUpKeyIsAddedAtTheEnd) {
  std::string original = "id: x.p1\nstatus: open\ntext: t\nlanguage: ar";  // no final newline
  std::string expected =
      "id: x.p1\nstatus: implemented\ntext: t\nlanguage: ar\nfollowup:\n" + std::string(kEntryAt2);
  BOOST_TEST(ApplyFollowUp(original, Entry()) == expected);
}

BOOST_AUTO_TEST_CASE(AMissingStatusIsAddedBeforeFollowUp) {
  std::string original = "id: x.p1\nfollowup:\ntopics: []\n";
  std::string expected =
      "id: x.p1\nstatus: implemented\nfollowup:\n" + std::string(kEntryAt2) + "topics: []\n";
  BOOST_TEST(ApplyFollowUp(original, Entry()) == expected);
}

BOOST_AUTO_TEST_CASE(TheIndentationOfExistingItemsIsKept) {
  std::string original =
      "status: \"in-progress\"\nfollowup:\n- date: 2020-01-01\n  status: in-progress\n  by: a\n";
  std::string expected =
      "status: implemented\nfollowup:\n- date: 2020-01-01\n  status: in-progress\n  by: a\n"
      "- date: 2026-11-23\n  status: implemented\n  note: اعتُمد قانون جديد\n  evidence:\n"
      "    - symbol: CTOC/COP/2018/2\n      paragraph: 22\n  by: Amal Haddad <amal@example.org>\n";
  BOOST_TEST(ApplyFollowUp(original, Entry()) == expected);
}

BOOST_AUTO_TEST_CASE(AKeptBlockScalarAtTheEndKeepsItsBlankLines) {
  std::string original =
      "status: open\nfollowup:\n  - date: 2020-01-01\n    status: open\n    by: a\n"
      "    note: |+\n      two blank lines follow\n\n\nlanguage: ar\n";
  std::string edited = ApplyFollowUp(original, Entry());
  ParsedRecord parsed = ParseRecord("r.yaml", edited);
  BOOST_REQUIRE(parsed.record.followup.size() == 2u);
  BOOST_TEST(parsed.record.followup[0].note == "two blank lines follow\n\n\n");
  BOOST_TEST(edited.ends_with(std::string(kEntryAt2) + "language: ar\n"));
}

BOOST_AUTO_TEST_CASE(AFlowListWithItemsIsRewrittenAsBlock) {
  std::string original = "status: open\nfollowup: [{date: 2020-01-01, status: open, by: a}]\n";
  std::string edited = ApplyFollowUp(original, Entry());
  ParsedRecord parsed = ParseRecord("r.yaml", edited);
  BOOST_REQUIRE(parsed.record.followup.size() == 2u);
  BOOST_TEST(parsed.record.followup[0].by == "a");
  BOOST_TEST(parsed.record.followup[1] == Entry());
  BOOST_TEST(edited.ends_with(kEntryAt2));
}

BOOST_AUTO_TEST_CASE(AFlowListWithQuotedScalarsIsRewrittenAsBlock) {
  // The emitter drops quotes a scalar does not need; the entry still reads back the same.
  std::string original =
      "status: open\nfollowup: [{date: '2020-01-01', status: \"open\", by: 'a'}]\n";
  std::string edited = ApplyFollowUp(original, Entry());
  ParsedRecord parsed = ParseRecord("r.yaml", edited);
  BOOST_REQUIRE(parsed.record.followup.size() == 2u);
  BOOST_TEST(parsed.record.followup[0].date == "2020-01-01");
  BOOST_TEST(parsed.record.followup[1] == Entry());
}

BOOST_AUTO_TEST_CASE(RecordsThatCannotBeEditedAreRefused) {
  for (const char* bad : {"status: [\n", "- a\n", "{status: open}\n", "status: open\nfollowup: 3\n",
                          "text: \xFF\n"}) {
    BOOST_TEST_CONTEXT(bad) {
      try {
        ApplyFollowUp(bad, Entry());
        BOOST_FAIL("accepted");
      } catch (const Error& error) {
        BOOST_TEST(error.kind() == Error::Kind::kInvalid);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(UpdateTextReplacesOnlyTheTextValue) {
  std::string edited = UpdateText(kHandEdited, "نص مصحَّح\nسطر ثانٍ\n");
  std::string expected = kHandEdited;
  size_t begin = expected.find("text: >");
  size_t end = expected.find("language: ar");
  expected.replace(begin, end - begin, "text: |\n  نص مصحَّح\n  سطر ثانٍ\n");
  BOOST_TEST(edited == expected);
  BOOST_TEST(UpdateText("text: a\nstatus: open\n", "b") == "text: b\nstatus: open\n");
}

// Re-extraction after a hand-fixed report (A/RES/64/293 annex ¶8, issue #3): the fields read
// from the text follow it; status and the follow-up history stay.
BOOST_AUTO_TEST_CASE(UpdateExtractedRewritesOnlyTheFieldsReadFromTheText) {
  Recommendation record;
  record.id = "a-res-64-293.annex.p8";
  record.source = {"A/RES/64/293", "annex.8", "المرفق"};
  record.text = "المقرر الخاص … بولاية للمكلفينوينبغي";
  record.addressees = {"member-states"};
  record.modality = "support";
  std::string original = ApplyFollowUp(WriteRecord(record), Entry());
  Recommendation extracted = record;
  extracted.text = "دعم دور وولاية كل من المقرر الخاص … وينبغي للمكلفين بولاية";
  extracted.addressees = {"member-states", "mandate-holders"};
  std::string edited = UpdateExtracted(original, extracted);
  ParsedRecord parsed = ParseRecord("", edited);
  BOOST_REQUIRE(parsed.parsed);
  BOOST_TEST(parsed.record.text == extracted.text);
  BOOST_TEST(parsed.record.addressees == extracted.addressees);
  BOOST_TEST(parsed.record.modality == "support");
  BOOST_TEST(parsed.record.status == "implemented");
  BOOST_TEST(parsed.record.followup.size() == 1u);
  BOOST_TEST(edited.find("addressees: [member-states, mandate-holders]\n") != std::string::npos);
  // A record written without modality (none was detected) gets it where WriteRecord puts it.
  Recommendation without = record;
  without.modality = "";
  std::string added = UpdateExtracted(WriteRecord(without), record);
  BOOST_TEST(added == WriteRecord(record));
  // Nothing to change: the file is returned as it is, comments and all.
  std::string commented = "# kept\n" + edited;
  BOOST_TEST(UpdateExtracted(commented, parsed.record) == commented);
}

BOOST_AUTO_TEST_CASE(AnUpdateOfACanonicalRecordMatchesTheParsedRecordPlusTheEntry) {
  Recommendation record;
  record.id = "ctoc-cop-wg.4-2013-5.p13";
  record.source = {"CTOC/COP/WG.4/2013/5", "13", ""};
  record.text = "ينبغي للدول الأطراف إذكاء وعي سلطاتها الوطنية ذات الصلة\n";
  record.addressees = {"states-parties"};
  std::string original = WriteRecord(record);
  std::string edited = ApplyFollowUp(original, Entry());
  record.status = "implemented";
  record.followup.push_back(Entry());
  BOOST_TEST(edited == WriteRecord(record));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::model
