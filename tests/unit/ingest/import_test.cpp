// The importer as a whole (issue #3): refusals that write nothing, reading-order detection,
// structure found in the real seeds (paragraph counts that extract and search rely on).
#include "sijill/ingest/import.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "sijill/error.h"
#include "sijill/ingest/headings.h"
#include "sijill/ingest/layout.h"
#include "support/golden.h"

namespace sijill::ingest {

BOOST_AUTO_TEST_SUITE(ingest)
BOOST_AUTO_TEST_SUITE(import)

namespace {

std::string Seed(const std::string& slug) {
  return testing::ReadText(std::filesystem::path(SIJILL_SOURCE_DIR) / "tests/golden/import" / slug /
                           "input.txt");
}

std::string RefusalOf(const std::string& bytes) {
  try {
    ImportText(bytes, {"x.txt", {}});
  } catch (const Error& error) {
    BOOST_TEST((error.kind() == Error::Kind::kInvalid));
    return error.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(InvalidUtf8IsRefusedWithLineAndColumn) {
  BOOST_TEST(RefusalOf("أولاً - مقدمة\n١- نص \xD9\n") == "x.txt:2:10: invalid UTF-8");
  BOOST_TEST(RefusalOf("ab\xC0\xAF") == "x.txt:1:3: invalid UTF-8");  // overlong '/'
}

BOOST_AUTO_TEST_CASE(EmptyAndBinaryInputsAreRefused) {
  BOOST_TEST(RefusalOf("") == "x.txt: empty input: no text to import");
  BOOST_TEST(RefusalOf("  \n\n \n") == "x.txt: empty input: no text to import");
  BOOST_TEST(RefusalOf(std::string("PK\x03\x04", 4)).find("x.txt:1:3: binary content") == 0);
}

BOOST_AUTO_TEST_CASE(TextWithoutStructureIsRefused) {
  BOOST_TEST(RefusalOf("هذا نص عادي بلا عناوين ولا فقرات مرقمة.\n") ==
             "x.txt: no recognisable structure (no heading and no numbered paragraph)");
}

BOOST_AUTO_TEST_CASE(ReadingOrderIsDetected) {
  BOOST_TEST(
      (ImportText(Seed("ctoc-cop-wg.4-2013-5"), {"001", {}}).stats.order == TextOrder::kVisual));
  BOOST_TEST((ImportText(Seed("ctoc-cop-2012-provisional"), {"003", {}}).stats.order ==
              TextOrder::kLogical));
}

BOOST_AUTO_TEST_CASE(ParagraphCountsOfTheSeeds) {
  // CORPUS.md §1: 000 has 74 paragraphs and ¶51 twice; 001 71; 003 39; 004 7 operative
  // paragraphs, 16 preambular ones and 61 annex actions.
  ImportStats s000 = ImportText(Seed("ctoc-cop-2018-2"), {"000", {}}).stats;
  BOOST_TEST(s000.paragraphs == 75);
  BOOST_TEST(s000.duplicates == 1);
  BOOST_TEST(ImportText(Seed("ctoc-cop-wg.4-2013-5"), {"001", {}}).stats.paragraphs == 71);
  BOOST_TEST(ImportText(Seed("ctoc-cop-2012-provisional"), {"003", {}}).stats.paragraphs == 39);
  ImportStats s004 = ImportText(Seed("a-res-64-293"), {"004", {}}).stats;
  BOOST_TEST(s004.paragraphs == 7);
  BOOST_TEST(s004.annex_paragraphs == 61);
  BOOST_TEST(s004.preamble_paragraphs == 16);
  BOOST_TEST(s004.footnotes == 18);
}

BOOST_AUTO_TEST_CASE(FootnoteBlockIsLiftedAndTheSentenceRejoins) {
  // 004 L29–35: PP5 is cut by a separator and footnotes 1–2; the text resumes at L35.
  std::string md = ImportText(Seed("a-res-64-293"), {"004", {{"symbol", "A/RES/64/293"}}}).markdown;
  BOOST_TEST(md.find("[^1]: ٥٥/٢انظر القرار.\n") != std::string::npos);
  BOOST_TEST(md.find("متضافرة، و يشكل\nوضع وتنفيذ وتوطيد تدابير فعالة") != std::string::npos);
  BOOST_TEST(md.find("_______________") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(AnnexRestartsTheNumbering) {
  std::string md = ImportText(Seed("a-res-64-293"), {"004", {}}).markdown;
  size_t annex = md.find("\n# المرفق\n");
  BOOST_REQUIRE(annex != std::string::npos);
  BOOST_TEST(md.find("\n7. ") < annex);
  BOOST_TEST(md.find("\n1. ", annex) != std::string::npos);
  BOOST_TEST(md.find("\n61. ", annex) != std::string::npos);
  BOOST_TEST(md.find("\n## أولا - منع الاتجار بالأشخاص\n", annex) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(HeadingsInVisualAndLogicalOrder) {
  BOOST_TEST(MatchHeading("مةمقدِّ -أولاً", TextOrder::kVisual)->Text() == "أولاً - مقدِّمة");  // 001:4
  BOOST_TEST(MatchHeading("توصيات عامة - ألف", TextOrder::kVisual)->level == 2);          // 001:35
  BOOST_TEST(
      MatchHeading("تهمحماية ضحايا الاتجار بالأشخاص ومساعد -ا ثاني", TextOrder::kVisual)->Text() ==
      "ثانيا - حماية ضحايا الاتجار بالأشخاص ومساعدتهم");  // 004:409
  BOOST_TEST(MatchHeading("ثانياً- الأنشطة الرامية", TextOrder::kLogical)->Text() ==
             "ثانياً - الأنشطة الرامية");
  BOOST_TEST(MatchHeading("المرفق", TextOrder::kVisual)->annex);
  BOOST_TEST(!MatchHeading("اعتمد الفريق العامل التوصيات الواردة أدناه -٤", TextOrder::kVisual));
}

BOOST_AUTO_TEST_CASE(HeadingInventoryOnlyReordersLetters) {
  for (const auto& [scrambled, repaired] : HeadingInventory()) {
    std::string a = scrambled, b = repaired;
    std::erase(a, ' ');
    std::erase(b, ' ');
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    BOOST_TEST(a == b, "entry '" << repaired << "' changes more than the order");
  }
}

BOOST_AUTO_TEST_CASE(ManyParagraphsKeepTheirNumbers) {
  // Hostile size (STYLE.md §9.5): 999 paragraphs in each reading order (markers have up to three
  // digits in visual order, so that a year after " -" is never taken for one).
  const std::string digits[] = {"٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"};
  auto arabic = [&](int n) {
    std::string out;
    for (char c : std::to_string(n)) out += digits[c - '0'];
    return out;
  };
  std::string logical = "أولاً - مقدمة\n", visual = "   مقدمة  -أولاً\n";
  for (int n = 1; n <= 999; ++n) {
    logical += arabic(n) + "- نص الفقرة عن الاتجار بالأشخاص.\n";
    visual += ".نص الفقرة عن الاتجار بالأشخاص   -" + arabic(n) + "\n\n";
  }
  ImportResult a = ImportText(logical, {"logical.txt", {}});
  ImportResult b = ImportText(visual, {"visual.txt", {}});
  BOOST_TEST(a.stats.paragraphs == 999);
  BOOST_TEST(b.stats.paragraphs == 999);
  BOOST_TEST(b.markdown.find("\n999. نص الفقرة عن الاتجار بالأشخاص.\n") != std::string::npos);
  BOOST_TEST(a.warnings.size() == 2);  // no title, no symbol
}

BOOST_AUTO_TEST_CASE(MetaOverridesTheCoverAndGivesTheSlug) {
  ImportResult result =
      ImportText(Seed("ctoc-cop-2012-provisional"), {"003",
                                                     {{"slug", "ctoc-cop-2012-provisional"},
                                                      {"symbol", "null"},
                                                      {"symbol_confidence", "provisional"}}});
  BOOST_TEST(result.slug == "ctoc-cop-2012-provisional");
  BOOST_TEST(result.markdown.find("symbol: ~\n") != std::string::npos);
  BOOST_TEST(result.markdown.find("date: \"2012-06-29\"\n") != std::string::npos);  // A4 cover
  BOOST_TEST(result.markdown.find("original_language: \"en\"\n") != std::string::npos);
  BOOST_TEST(result.markdown.find("Distr.") == std::string::npos);
  BOOST_TEST(ImportText(Seed("ctoc-cop-2018-2"), {"000", {{"symbol", "CTOC/COP/2018/2"}}}).slug ==
             "ctoc-cop-2018-2");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::ingest
