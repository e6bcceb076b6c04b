// The light Arabic stemmer on words of the seed texts. Issue #4.
#include "sijill/text/stem.h"

#include <boost/test/unit_test.hpp>

#include "sijill/text/normalize.h"

namespace sijill::text {

BOOST_AUTO_TEST_SUITE(text)
BOOST_AUTO_TEST_SUITE(stem)

std::string Stem(const std::string& word) { return StemArabic(NormalizeForSearch(word)); }

BOOST_AUTO_TEST_CASE(PrefixedFormsReachTheSameStem) {
  // Snowball's known gaps: و before ال, the ل prefix, شركات vs الشركات.
  for (const char* form : {"الشركات", "والشركات", "بالشركات", "للشركات", "شركات", "الشركة"})
    BOOST_TEST(Stem(form) == Stem("شركات"), form);
  for (const char* form : {"الاتجار", "بالاتجار", "والاتجار", "للاتجار", "اتِّجار"})
    BOOST_TEST(Stem(form) == "اتجار", form);
  BOOST_TEST(Stem("لمكافحة") == Stem("مكافحة"));
  BOOST_TEST(Stem("ومكافحتها") == Stem("مكافحة"));
}

BOOST_AUTO_TEST_CASE(SuffixesOfNumberAndGenderAreStripped) {
  BOOST_TEST(Stem("المهاجرين") == Stem("مهاجرون"));
  BOOST_TEST(Stem("الدول") == Stem("دولة"));
  BOOST_TEST(Stem("الاتفاقيات") == Stem("الاتفاقية"));
  BOOST_TEST(Stem("قانوناً") == Stem("القانون"));
}

BOOST_AUTO_TEST_CASE(ShortWordsAreLeftAlone) {
  BOOST_TEST(Stem("الرق") == "رق");  // slavery must not meet فرق
  BOOST_TEST(Stem("فرق") == "فرق");
  BOOST_TEST(Stem("بلد") == "بلد");
  BOOST_TEST(Stem("البلد") == "بلد");
}

BOOST_AUTO_TEST_CASE(LatinWordsAreUntouched) {
  BOOST_TEST(StemArabic("unodc") == "unodc");
  BOOST_TEST(StemArabic("2013") == "2013");
}

BOOST_AUTO_TEST_CASE(StopwordsIncludeOrphanPrefixes) {
  BOOST_TEST(IsStopword("في"));
  BOOST_TEST(IsStopword(NormalizeForSearch("على")));
  BOOST_TEST(IsStopword("الم"));
  BOOST_TEST(!IsStopword("اتجار"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::text
