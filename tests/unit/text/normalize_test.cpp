// Search normalisation on lines of the seed texts (CORPUS.md §2 A1, A12–A16). Issue #4.
#include "sijill/text/normalize.h"

#include <boost/test/unit_test.hpp>

namespace sijill::text {

BOOST_AUTO_TEST_SUITE(text)
BOOST_AUTO_TEST_SUITE(normalize)

BOOST_AUTO_TEST_CASE(HarakatAndTatweelAreRemoved) {
  // 001 L9 (kashida) and 000 (shadda+kasra) forms.
  BOOST_TEST(NormalizeForSearch("لمكافحــة الاتجــار") == "لمكافحه الاتجار");
  BOOST_TEST(NormalizeForSearch("المكمِّل") == "المكمل");
  BOOST_TEST(NormalizeForSearch("الدولُ الأطرافُ") == "الدول الاطراف");
}

BOOST_AUTO_TEST_CASE(AlefYaTaMarbutaAndHamzaAreFolded) {
  BOOST_TEST(NormalizeForSearch("إلى الأمم آخر ٱسم") == "الي الامم اخر اسم");
  BOOST_TEST(NormalizeForSearch("مسؤول") == NormalizeForSearch("مسئول"));
  BOOST_TEST(NormalizeForSearch("الجريمة المنظمة") == "الجريمه المنظمه");
}

BOOST_AUTO_TEST_CASE(ArabicIndicAndPersianDigitsBecomeAscii) {
  BOOST_TEST(NormalizeForSearch("٦٤/٢٩٣") == "64/293");
  BOOST_TEST(NormalizeForSearch("۱۲۳") == "123");
}

BOOST_AUTO_TEST_CASE(PresentationFormsAreUnfoldedByNfkc) {
  // U+FEFB is the lam-alef ligature.
  BOOST_TEST(NormalizeForSearch("\uFEFB") == "لا");
}

BOOST_AUTO_TEST_CASE(ArabicMeetingLatinOrDigitsIsATokenBoundary) {
  // 001 L417 and L3: a symbol glued to Arabic, a day glued to a word.
  BOOST_TEST(NormalizeForSearch("CTOC/COP/WG.4/2013/INF.1/Rev.1وترد") ==
             "CTOC/COP/WG.4/2013/INF.1/Rev.1 وترد");
  BOOST_TEST(NormalizeForSearch("٦في") == "6 في");
}

BOOST_AUTO_TEST_CASE(ShaddaFragmentsBecomeTheirWords) {
  // 000 L8, L6, L11 (CORPUS.md §2 A13).
  BOOST_TEST(NormalizeForSearch("بالأشخاص،  تِّجاربروتوكول") == "بالاشخاص،  اتجار بروتوكول");
  BOOST_TEST(NormalizeForSearch("بها:  نظَّمةالجريمة الم") == "بها:  منظمه الجريمه الم");
  BOOST_TEST(NormalizeForSearch("والجريمة  خدِّراتالأنشطة") == "والجريمه  مخدرات الانشطه");
}

BOOST_AUTO_TEST_CASE(IntactWordsKeepTheirFragmentLetters) {
  BOOST_TEST(NormalizeForSearch("الاتِّجار المنظَّمة") == "الاتجار المنظمه");
}

BOOST_AUTO_TEST_CASE(NzLigatureReadAsTaRaIsRepaired) {
  // 004 L348, and the guarded words of A12.
  BOOST_TEST(NormalizeForSearch("التراعــات المــسلحة") == "النزاعات المسلحه");
  BOOST_TEST(NormalizeForSearch("تراعى اختراع") == "تراعي اختراع");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::text
