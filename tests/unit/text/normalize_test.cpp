// Search normalisation on lines of the seed texts (CORPUS.md §2 A1, A12–A16). Issue #4.
#include "sijill/text/normalize.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "text/unicode_internal.h"

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

// The NFKC quick check (text already NFKC is not normalised) gives what normalising gives: on
// every line of the seed texts, and on each with a character that NFKC changes or reorders, an
// ill-formed byte or a NUL put in at its start, middle and end.
BOOST_AUTO_TEST_CASE(NfkcQuickCheckGivesTheNormalisedText) {
  std::vector<std::string> lines = {"", "ascii only", "\xEF\xBB\xBF", "\xD9", "\xED\xA0\x80"};
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(SIJILL_SOURCE_DIR) + "/corpus")) {
    std::ifstream in(entry.path(), std::ios::binary);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  BOOST_REQUIRE_GT(lines.size(), 500u);
  const std::vector<std::string> inserts = {
      "\uFEFB",              // lam-alef presentation form
      "\uFDF2",              // Allah ligature
      "\u0651\u064E",       // shadda then fatha: canonical reordering
      "\u064E\u0651",       // already in order
      "\u0627\u0653",       // alef + madda: composes to آ
      "\u00A0",              // no-break space -> space
      "\uFF21\u2460\u00BD", // fullwidth A, circled 1, one half
      "\u1100\u1161",       // conjoining jamo: composes
      "\xC0\x80",           // overlong: ill-formed
      "\xFF",
      std::string(1, '\0'),
  };
  size_t checked = 0, changed = 0;
  auto check = [&](const std::string& text) {
    std::u32string quick = internal::Nfkc(text, true);
    std::u32string full = internal::Nfkc(text, false);
    BOOST_TEST((quick == full), "NFKC differs on: " << text);
    ++checked;
    changed += internal::ToUtf8(full) != text;
  };
  for (const std::string& line : lines) {
    check(line);
    for (const std::string& insert : inserts)
      for (size_t at : {size_t{0}, line.size() / 2, line.size()}) {
        // At a character boundary: the middle of a UTF-8 sequence would be one more ill-formed text.
        while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
        check(line.substr(0, at) + insert + line.substr(at));
      }
  }
  BOOST_TEST_MESSAGE(checked << " texts, " << changed << " changed by NFKC");
  BOOST_TEST(changed > lines.size());  // the mutations did reach the normalising path
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::text
