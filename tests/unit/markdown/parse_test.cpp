#include "sijill/markdown/parse.h"

#include <boost/test/unit_test.hpp>

namespace sijill::markdown {

BOOST_AUTO_TEST_SUITE(markdown)
BOOST_AUTO_TEST_SUITE(parse)

const char* const kResolution = R"(---
symbol: A/RES/64/293
title: خطة عمل
body: الجمعية العامة
type: resolution
date: "2010-07-30"
language: ar
---
# ٦٤/٢٩٣ - خطة عمل

إن الجمعية العامة،

إذ تسترشد بمقاصد الميثاق،

1. تتخذ هذا القرار ومرفقه[^1]؛

2. تقرر أن تعلن
   (أ) بندا أول <!-- sijill: order-unverified -->

الجلسة العامة ١٠٩

# المرفق

نحن الدول الأعضاء في الأمم المتحدة:

## أولا - منع الاتجار بالأشخاص

12. التصدي للعوامل الاجتماعية؛

12. صيغة ثانية؛

[^1]: انظر القرار ٥٥/٢.
)";

BOOST_AUTO_TEST_CASE(ResolutionPartsGetTheirIds) {
  ParseResult result = ParseReport("corpus/a-res-64-293.md", kResolution);
  const Document& doc = result.document;
  BOOST_TEST(doc.report.slug == "a-res-64-293");
  BOOST_TEST(doc.report.meta.symbol == "A/RES/64/293");
  std::vector<std::string> ids;
  for (const Paragraph& p : doc.paragraphs) ids.push_back(p.id);
  BOOST_TEST(ids == (std::vector<std::string>{
                        "a-res-64-293.preamble", "a-res-64-293.p1", "a-res-64-293.p2",
                        "a-res-64-293", "a-res-64-293.annex", "a-res-64-293.annex.p12",
                        "a-res-64-293.annex.p12-dup"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(PreambleTextIsMergedIntoOneParagraph) {
  Document doc = ParseReport("corpus/a-res-64-293.md", kResolution).document;
  const Paragraph* preamble = doc.Find("a-res-64-293.preamble");
  BOOST_REQUIRE(preamble);
  BOOST_TEST(preamble->text == "إن الجمعية العامة،\nإذ تسترشد بمقاصد الميثاق،");
  BOOST_TEST(preamble->part == Part::kPreamble);
  BOOST_TEST(preamble->line == 11);
}

BOOST_AUTO_TEST_CASE(FootnoteReferencesAreLiftedOutOfTheText) {
  Document doc = ParseReport("corpus/a-res-64-293.md", kResolution).document;
  const Paragraph* p1 = doc.Find("a-res-64-293.p1");
  BOOST_REQUIRE(p1);
  BOOST_TEST(p1->text == "تتخذ هذا القرار ومرفقه؛");
  BOOST_TEST(p1->number == "1");
  BOOST_TEST(p1->footnotes == (std::vector<std::string>{"انظر القرار ٥٥/٢."}),
             boost::test_tools::per_element());
  BOOST_TEST(p1->line == 15);
  BOOST_TEST(p1->markdown == "1. تتخذ هذا القرار ومرفقه[^1]؛\n");
}

BOOST_AUTO_TEST_CASE(OrderUnverifiedCommentFlagsTheParagraph) {
  Document doc = ParseReport("corpus/a-res-64-293.md", kResolution).document;
  const Paragraph* p2 = doc.Find("a-res-64-293.p2");
  BOOST_REQUIRE(p2);
  BOOST_TEST(p2->flagged);
  BOOST_TEST(p2->text == "تقرر أن تعلن (أ) بندا أول");
  BOOST_TEST(!doc.Find("a-res-64-293.p1")->flagged);
}

BOOST_AUTO_TEST_CASE(AnnexParagraphsKnowTheirSection) {
  ParseResult result = ParseReport("corpus/a-res-64-293.md", kResolution);
  const Paragraph* p12 = result.document.Find("a-res-64-293.annex.p12");
  BOOST_REQUIRE(p12);
  BOOST_TEST(p12->part == Part::kAnnex);
  BOOST_TEST(p12->section == "أولا - منع الاتجار بالأشخاص");
  BOOST_TEST(p12->heading_path ==
                 (std::vector<std::string>{"المرفق", "أولا - منع الاتجار بالأشخاص"}),
             boost::test_tools::per_element());
  BOOST_TEST(p12->Rest("a-res-64-293") == "annex.p12");
  BOOST_REQUIRE(result.problems.size() == 1u);
  BOOST_TEST(result.problems[0].ToString() ==
             "corpus/a-res-64-293.md:30:1: warning: paragraph number 12 seen again; its id is "
             "a-res-64-293.annex.p12-dup");
}

BOOST_AUTO_TEST_CASE(UnnumberedTextOfAReportIsTheReportItself) {
  ParseResult result = ParseReport("corpus/x.md", "---\nsymbol: X/1\ntitle: t\ntype: report\nbody: b\ndate: \"2013-11-08\"\nlanguage: ar\n---\nمقدمة\n\n1. نص\n");
  BOOST_TEST(result.problems.empty());
  BOOST_REQUIRE(result.document.paragraphs.size() == 2u);
  BOOST_TEST(result.document.paragraphs[0].id == "x");
  BOOST_TEST(result.document.paragraphs[1].id == "x.p1");
}

BOOST_AUTO_TEST_CASE(MissingFrontMatterIsAProblemNotAnError) {
  ParseResult result = ParseReport("corpus/x.md", "1. نص\n");
  BOOST_REQUIRE(result.problems.size() == 1u);
  BOOST_TEST(result.problems[0].where.line == 1);
  BOOST_TEST(result.document.paragraphs.size() == 1u);
}

BOOST_AUTO_TEST_CASE(BrokenFrontMatterNamesItsLine) {
  ParseResult result = ParseReport("corpus/x.md", "---\nsymbol: a\ntitle: [unclosed\n---\n1. x\n");
  BOOST_REQUIRE(!result.problems.empty());
  BOOST_TEST(result.problems[0].where.file == "corpus/x.md");
  BOOST_TEST(result.problems[0].where.line >= 3);
}

BOOST_AUTO_TEST_CASE(ManyNumberedParagraphsParseQuickly) {
  // STYLE.md §9.5 hostile inputs: 10^5 numbered paragraphs (asserts the result, not a time).
  std::string body = "---\ntype: report\n---\n";
  for (int i = 1; i <= 100000; ++i) body += std::to_string(i) + ". نص\n\n";
  ParseResult result = ParseReport("corpus/big.md", body);
  BOOST_TEST(result.document.paragraphs.size() == 100000u);
  BOOST_TEST(result.document.paragraphs.back().id == "big.p100000");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::markdown
