// The safe repairs of CORPUS.md §2A, each on the real seed lines CORPUS.md cites (issue #3).
#include "sijill/ingest/line_repair.h"

#include <boost/test/unit_test.hpp>

#include "sijill/ingest/symptoms.h"

namespace sijill::ingest {

BOOST_AUTO_TEST_SUITE(ingest)
BOOST_AUTO_TEST_SUITE(line_repair)

BOOST_AUTO_TEST_CASE(TatweelIsRemovedA1) {
  BOOST_TEST(RemoveTatweel("وبخاصــــة النســــاء") == "وبخاصة النساء");  // 000:24
  BOOST_TEST(RemoveTatweel("كمـــا قـــرَّر") == "كما قرَّر");                // 001:10
}

BOOST_AUTO_TEST_CASE(TatweelIsKeptInTheItemLabelAndAfterAProcliticA1) {
  BOOST_TEST(RemoveTatweel("و(هـ) حماية") == "و(هـ) حماية");        // 003:69
  BOOST_TEST(RemoveTatweel(")هـ(") == ")هـ(");                      // 004:204
  BOOST_TEST(RemoveTatweel("لمدة لـ ١١ سنة") == "لمدة لـ ١١ سنة");  // 003:127
  BOOST_TEST(RemoveTatweel("ــاً لمكافحــة") == "اً لمكافحة");  // 001:9: a chunk edge is not a label
}

BOOST_AUTO_TEST_CASE(SpacesCollapseA2) {
  BOOST_TEST(CollapseSpaces("  جيـدة                  الأطرافُ  ") == "جيـدة الأطرافُ");  // 001:77
}

BOOST_AUTO_TEST_CASE(LeadingPunctuationMovesToTheEndA7) {
  BOOST_TEST(MoveLeadingPunctuation(".اعدتهم الاتجار") == "اعدتهم الاتجار.");      // 001:39
  BOOST_TEST(MoveLeadingPunctuation("؛الاتجار بالأشخاص") == "الاتجار بالأشخاص؛");  // 004:212
  BOOST_TEST(MoveLeadingPunctuation(". بالأشخاص") == "بالأشخاص.");
}

BOOST_AUTO_TEST_CASE(ReversedParenthesesA8) {
  BOOST_TEST(FixReversedParentheses(")١(٢٠٠٠سبتمبر") == "(١)٢٠٠٠سبتمبر");  // 004:22
  BOOST_TEST(FixReversedParentheses("المنظمة )أ(") == "المنظمة (أ)");      // 004:188
  BOOST_TEST(FixReversedParentheses(")1( CTOC/COP/WG.4/2011/8") ==
             "(1) CTOC/COP/WG.4/2011/8");  // 001:30
  BOOST_TEST(FixReversedParentheses("الملحق رقم )A/63/53 (٥٣") == "الملحق رقم (A/63/53)٥٣");  // 004:112
  BOOST_TEST(FixReversedParentheses("])A/64/L.64( الإحالة إلى لجنة رئيسية دون[") ==
             "[(A/64/L.64) الإحالة إلى لجنة رئيسية دون]");  // 004:3
  BOOST_TEST(FixReversedParentheses("[نص] آخر") == "[نص] آخر");
}

BOOST_AUTO_TEST_CASE(MonthPairsAndVisualDateClustersA9) {
  BOOST_TEST(FixMonthPairs("٢٠١٠يوليه / تموز٣٠قرار") == "٣٠ تموز/يوليه ٢٠١٠قرار");  // 004:1
  BOOST_TEST(FixMonthPairs("ديسمبر / كانون الأول") == "كانون الأول/ديسمبر");
  BOOST_TEST(FixMonthPairs("هيوني/حزيران") == "حزيران/يونيه");  // 004:124, a split يونيه
  BOOST_TEST(FixMonthPairs("ممارسات") == "ممارسات");  // مارس inside a word is not a month
}

BOOST_AUTO_TEST_CASE(NumberRangesAreReversedNotSortedA10) {
  BOOST_TEST(FixReversedRanges("١٩-١٥فيينا") == "١٥-١٩فيينا");          // 000:2
  BOOST_TEST(FixReversedRanges("الغاية ٢-١٦") == "الغاية ١٦-٢");        // 000:827, SDG target 16.2
  BOOST_TEST(FixReversedRanges("والمؤشر ٢-٢-١٦") == "والمؤشر ١٦-٢-٢");  // 000:830
  BOOST_TEST(FixReversedRanges("القرار ٦٤/٢٩٣ و٤١/٩٤٢/١٦") == "القرار ٦٤/٢٩٣ و٤١/٩٤٢/١٦");
}

BOOST_AUTO_TEST_CASE(DescendingListsAndRangesInWordsA11) {
  BOOST_TEST(FixReversedNumberLists("٢٠١٨و ٢٠١٧و ٢٠١٦") == "٢٠١٦ و٢٠١٧ و٢٠١٨");  // 000:428
  BOOST_TEST(FixReversedNumberLists("١٥و ١٤ يومي") == "١٤ و١٥ يومي");            // 001:11
  BOOST_TEST(FixReversedNumberLists("٨ إلى ٦في") == "٦ إلى ٨في");                // 001:3
  BOOST_TEST(FixReversedNumberLists("٦ إلى ٨") == "٦ إلى ٨");  // ascending: left alone
}

BOOST_AUTO_TEST_CASE(DateClusterKeepsItsRepairedDayRange) {
  // 001:3 "٢٠١٣نوفمبر / تشرين الثاني٨ إلى ٦في فيينا، من المعقود"
  BOOST_TEST(RepairVisualLine("٢٠١٣نوفمبر / تشرين الثاني٨ إلى ٦في فيينا، من المعقود") ==
             "٦ إلى ٨ تشرين الثاني/نوفمبر ٢٠١٣في فيينا، من المعقود");
}

BOOST_AUTO_TEST_CASE(NzLigatureA12) {
  BOOST_TEST(FixNzLigature("التراعات المسلحة") == "النزاعات المسلحة");  // 004:348
  BOOST_TEST(FixNzLigature("؛تراعالكوارث") == "؛نزاعالكوارث");          // 004:357
  BOOST_TEST(FixNzLigature("تراعى فيها") == "تراعى فيها");              // 004:461, a real word
  BOOST_TEST(FixNzLigature("اختراع") == "اختراع");
}

BOOST_AUTO_TEST_CASE(GluedLatinSymbolsA15) {
  BOOST_TEST(SeparateGluedLatin("CTOC/COP/WG.4/2013/INF.1/Rev.1وترد") ==
             "CTOC/COP/WG.4/2013/INF.1/Rev.1 وترد");  // 001:417
  BOOST_TEST(SeparateGluedLatin(".http://icat.network/publicationsكل") ==
             ".http://icat.network/publications كل");  // 000:385
}

BOOST_AUTO_TEST_CASE(CountryNameGazetteerA17) {
  BOOST_TEST(FixCountryNames("وفن )البوليفارية-جمهورية (زويلا") ==
             "وفن (جمهورية-البوليفارية)زويلا");  // 001:295
  BOOST_TEST(FixCountryNames(")المتعددة القوميات - دولة (") ==
             "(دولة-المتعددة القوميات)");  // 001:381
}

BOOST_AUTO_TEST_CASE(RepairsKeepTheLettersOfARealLine) {
  // 004:357, the whole visual chain on a line with tatweel, ligature and leading punctuation.
  BOOST_TEST(RepairVisualLine(NormalizeLine("  ؛تراعالكوارث الطبيعيـة وبعد انتهـاء ال")) ==
             "نزاعالكوارث الطبيعية وبعد انتهاء ال؛");
}

BOOST_AUTO_TEST_CASE(SymptomsAreDetectedOnScrambledLinesOnly) {
  BOOST_TEST(HasScrambleSymptom(".اعدتهم الاتجار ومس الضرب"));   // 001:39
  BOOST_TEST(HasScrambleSymptom("٢٠١٣نوفمبر / تشرين الثاني٨"));  // 001:3
  BOOST_TEST(HasScrambleSymptom("بالأشخاص، تِّجاربروتوكول منع"));  // 000:8
  BOOST_TEST(!HasScrambleSymptom("أولاً - مقدمة"));               // 003:33
  BOOST_TEST(
      !HasScrambleSymptom("٢- ومنذ تشرين الأول/أكتوبر ٢٠١٠، عندما انعقدت دورة المؤتمر الخامسة"));
  BOOST_TEST(HasBrokenChunk("ــاً لمكافحــة الاتجــار"));  // 001:9
  BOOST_TEST(!HasBrokenChunk("كمـــا قـــرَّر"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::ingest
