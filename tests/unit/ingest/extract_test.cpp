// Recommendation extraction rules on small excerpts of the seeds (issue #3 item 3).
#include "sijill/ingest/extract.h"

#include <boost/test/unit_test.hpp>

#include "sijill/markdown/parse.h"

namespace sijill::ingest {

namespace {

const char* const kReportHead = R"(---
symbol: "CTOC/COP/WG.4/2013/5"
type: report
body: "الفريق العامل المعني بالاتجار بالأشخاص"
date: "2013-11-20"
language: ar
---
# أولاً - مقدِّمة

1. سلَّم مؤتمر الأطراف بأنَّ البروتوكول هو الصك الرئيسي.

# ثانياً - التوصيات

4. اعتمد الفريق العامل التوصيات الواردة أدناه.

## ألف - توصيات عامة

)";

Extraction Extract(const std::string& body, const std::string& tail = "") {
  markdown::ParseResult parsed =
      markdown::ParseReport("corpus/ctoc-cop-wg.4-2013-5.md", kReportHead + body + tail);
  return ExtractRecommendations(parsed.document, "corpus/ctoc-cop-wg.4-2013-5.md");
}

const ExtractedRecord& Only(const Extraction& extraction) {
  BOOST_REQUIRE_EQUAL(extraction.records.size(), 1u);
  return extraction.records.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest)
BOOST_AUTO_TEST_SUITE(extract)

BOOST_AUTO_TEST_CASE(OnlyTheRecommendationsChapterBelowItsChapeauIsExtracted) {
  Extraction extraction = Extract("5. يجب على الدول الأطراف أن تقرّ بدور المجتمع المدني.\n",
                                  "\n# ثالثاً - تنظيم الاجتماع\n\n49. افتتح الاجتماع.\n");
  const ExtractedRecord& record = Only(extraction);
  BOOST_TEST(record.record.id == "ctoc-cop-wg.4-2013-5.p5");
  BOOST_TEST(record.record.source.symbol == "CTOC/COP/WG.4/2013/5");
  BOOST_TEST(record.record.source.paragraph == "5");
  BOOST_TEST(record.record.source.section == "ألف - توصيات عامة");
  BOOST_TEST(record.record.modality == "must");
  BOOST_TEST(record.record.addressees == (std::vector<std::string>{"states-parties"}),
             boost::test_tools::per_element());
  BOOST_TEST(record.record.topics == (std::vector<std::string>{"general"}),
             boost::test_tools::per_element());
  BOOST_TEST(record.record.status == "open");
  BOOST_TEST(record.record.followup.empty());
}

BOOST_AUTO_TEST_CASE(AdoptionDateComesFromTheAdoptionChapter) {
  // 001 ¶71 as imported: the date is reversed and glued ("٢٠١٣نوفمبر /الثاني").
  Extraction extraction = Extract(
      "6. ينبغي للمكتب أن يواصل عمله.\n",
      "\n# رابعاً - اعتماد التقرير\n\n71. تشرين ٨لة شفوياً، في واعتمد الفريق العامل التقرير\n"
      "    ٢٠١٣نوفمبر /الثاني (CTOC/COP/WG.7/2013/L.1الوثيقة ).\n");
  BOOST_TEST(Only(extraction).record.adopted == "2013-11-08");
}

BOOST_AUTO_TEST_CASE(WithoutAnAdoptionChapterTheFrontMatterDateIsUsed) {
  Extraction extraction = Extract("6. ينبغي للمكتب أن يواصل عمله.\n");
  BOOST_TEST(Only(extraction).record.adopted == "2013-11-20");
}

// CORPUS.md §2 C4: "rule-based verb matching missed ¶12, ¶16 and ¶18 of 001". These rules
// read them; no override table is needed.
BOOST_AUTO_TEST_CASE(ReversedLettersOfTheEncouragedCueAreRead) {
  Extraction extraction = Extract("12. على أن تنظر في ما ذكرته بعض الدول من ممارسات جيدة الأطرافُ ع الدولُ جَّشَتُ\n");
  const ExtractedRecord& record = Only(extraction);
  BOOST_TEST(record.record.modality == "encouraged");
  BOOST_TEST(record.record.addressees == (std::vector<std::string>{"states-parties"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ShouldCueWithItsFirstLetterSplitOffIsRead) {
  Extraction extraction = Extract(
      "16. نبغي للدول الأطراف أن تبحث في الأسباب الجذرية للاتجار بالأشخاص وأن ي\n");
  const ExtractedRecord& record = Only(extraction);
  BOOST_TEST(record.record.modality == "should");
  BOOST_TEST(record.record.addressees == (std::vector<std::string>{"states-parties"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(CueGluedToTheNextChunkIsSplitOff) {
  // 001 ¶29: "الأطرافينبغي للدول" — the name's second word glued before the cue.
  Extraction extraction = Extract(
      "29. ة، وأن تتخذ عند الاقتضاء أن تُراجِع سياساتها الاشترائي الأطرافينبغي للدول\n");
  const ExtractedRecord& record = Only(extraction);
  BOOST_TEST(record.record.modality == "should");
  BOOST_TEST(record.record.addressees == (std::vector<std::string>{"states-parties"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(RequestGoesToTheBodyAfterTheSpeaker) {
  Extraction extraction = Extract(
      "45. طلب الفريق العامل المعني بالاتجار بالأشخاص إلى الأمانة أن تعد سجلاً موحَّداً.\n");
  const ExtractedRecord& record = Only(extraction);
  BOOST_TEST(record.record.modality == "requested");
  BOOST_TEST(record.record.addressees == (std::vector<std::string>{"secretariat"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(AssistingBodyIsAnAddresseeToo) {
  Extraction extraction = Extract(
      "24. تُشَجَّع الدولُ الأطرافُ على أن تقوم، بمساعدة المكتب، بوضع برامج محدَّدة الهدف.\n");
  const ExtractedRecord& record = Only(extraction);
  BOOST_TEST(record.record.addressees == (std::vector<std::string>{"states-parties", "unodc"}),
             boost::test_tools::per_element());
}

const char* const kResolution = R"(---
symbol: "A/RES/64/293"
type: resolution
body: "الجمعية العامة"
date: "2010-07-30"
---
إن الجمعية العامة،

1. تتخذ هذا القرار ومرفقه؛

4. تقرر أن تنشئ صندوقا، وتطلب إلى الأمين العام أن يتخذ جميع التدابير، وتنوه بالتبرعات؛

# المرفق

نحن الدول الأعضاء في الأمم المتحدة، نعقد النية على القيام بما يلي:

## أولا - منع الاتجار بالأشخاص

12. التصدي للعوامل الاجتماعية والاقتصادية؛

24. تشجيع الأمم المتحدة على تحديد أفضل الممارسات؛
)";

BOOST_AUTO_TEST_CASE(ResolutionGivesOperativeParagraphsAndAnnexActions) {
  markdown::ParseResult parsed = markdown::ParseReport("corpus/a-res-64-293.md", kResolution);
  Extraction extraction = ExtractRecommendations(parsed.document, "corpus/a-res-64-293.md");
  BOOST_REQUIRE_EQUAL(extraction.records.size(), 4u);
  const ExtractedRecord& p4 = extraction.records[1];
  BOOST_TEST(p4.record.id == "a-res-64-293.p4");
  BOOST_TEST(p4.modalities == (std::vector<std::string>{"decides", "requests", "notes"}),
             boost::test_tools::per_element());
  BOOST_TEST(p4.record.addressees ==
                 (std::vector<std::string>{"general-assembly", "secretary-general"}),
             boost::test_tools::per_element());
  BOOST_TEST(p4.record.topics == (std::vector<std::string>{"general"}),
             boost::test_tools::per_element());
  const ExtractedRecord& a12 = extraction.records[2];
  BOOST_TEST(a12.record.id == "a-res-64-293.annex.p12");
  BOOST_TEST(a12.record.source.paragraph == "annex.12");
  BOOST_TEST(a12.record.modality == "address");
  BOOST_TEST(a12.record.addressees == (std::vector<std::string>{"member-states"}),
             boost::test_tools::per_element());
  BOOST_TEST(a12.record.topics == (std::vector<std::string>{"prevention"}),
             boost::test_tools::per_element());
  const ExtractedRecord& a24 = extraction.records[3];
  BOOST_TEST(a24.record.modality == "encourage");
  BOOST_TEST(a24.record.addressees == (std::vector<std::string>{"united-nations"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ParagraphWithoutCueIsReportedNotDropped) {
  Extraction extraction = Extract("7. نص بلا فعل.\n");
  BOOST_TEST(Only(extraction).record.modality.empty());
  BOOST_REQUIRE_EQUAL(extraction.problems.size(), 2u);
  BOOST_TEST((extraction.problems[0].severity == Severity::kWarning));
  BOOST_TEST(extraction.problems[0].where.line == 18);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::ingest
