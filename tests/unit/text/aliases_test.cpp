// Entity aliases (CORPUS.md §5) and the n-gram fallback. Issue #4.
#include "sijill/text/aliases.h"

#include <boost/test/unit_test.hpp>

#include "sijill/text/normalize.h"

namespace sijill::text {

BOOST_AUTO_TEST_SUITE(text)
BOOST_AUTO_TEST_SUITE(aliases)

using Strings = std::vector<std::string>;

BOOST_AUTO_TEST_CASE(EveryVariantOfUnodcIsFound) {
  for (const char* variant : {"مكتب الأمم المتحدة المعني بالمخدِّرات والجريمة",
                              "مكتب المخدِّرات والجريمة",
                              "مكتب الأمم المتحدة المعني بالجريمة والمخدرات"})
    BOOST_TEST(EntityAliases(NormalizeForSearch(variant)) == Strings{"unodc"}, variant);
}

BOOST_AUTO_TEST_CASE(IcatAndTheMisspelledTrustFundAreFound) {
  BOOST_TEST(EntityAliases(NormalizeForSearch(
                 "فريق التنسيق المشترك بين الوكالات لمكافحة الاتجار بالأشخاص")) ==
             Strings{"icat"});
  // 003 ¶4 spells الاستئماني as الاستثماري.
  BOOST_TEST(EntityAliases(NormalizeForSearch("صندوق الأمم المتحدة الاستثماري للتبرعات")) ==
             Strings{"trust fund"});
}

BOOST_AUTO_TEST_CASE(TrigramsSpanScatteredLetters) {
  // 000 L24: المكم ل lost its shadda and was split.
  Strings grams = CharTrigrams(NormalizeForSearch("المكم ل"));
  BOOST_TEST(grams == (Strings{"الم", "لمك", "مكم", "كمل"}));
}

BOOST_AUTO_TEST_CASE(GluedWordsAreSplitAtTheirArticle) {
  // 001 ¶22: الشركاتالتوظيف.
  BOOST_TEST(GluedParts(NormalizeForSearch("تشمل الشركاتالتوظيف والتشغيل")) ==
             (Strings{"الشركات", "التوظيف"}));
  BOOST_TEST(GluedParts("الاستقلال اعمالها").empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::text
