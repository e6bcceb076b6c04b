#include "sijill/text/slug.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace sijill::text {

BOOST_AUTO_TEST_SUITE(text)
BOOST_AUTO_TEST_SUITE(slug)

BOOST_AUTO_TEST_CASE(SymbolsOfTheSeedsBecomeTheDesignSlugs) {
  BOOST_TEST(Slug("CTOC/COP/WG.4/2013/5") == "ctoc-cop-wg.4-2013-5");
  BOOST_TEST(Slug("CTOC/COP/2012/6") == "ctoc-cop-2012-6");
  BOOST_TEST(Slug("A/RES/55/25") == "a-res-55-25");
}

BOOST_AUTO_TEST_CASE(CharactersOutsideTheSetAreDropped) {
  BOOST_TEST(Slug("A/HRC/RES/5/1 (Part I)") == "a-hrc-res-5-1parti");
  BOOST_TEST(Slug("E/CN.15/2013/L.4*") == "e-cn.15-2013-l.4");
  BOOST_TEST(Slug("رمز") == "");
  BOOST_TEST(Slug("") == "");
}

BOOST_AUTO_TEST_CASE(OnlySafePathComponentsAreValidSlugs) {
  BOOST_TEST(IsValidSlug("ctoc-cop-wg.4-2013-5"));
  BOOST_TEST(!IsValidSlug(""));
  BOOST_TEST(!IsValidSlug("."));
  BOOST_TEST(!IsValidSlug(".."));
  BOOST_TEST(!IsValidSlug("a..b"));
  BOOST_TEST(!IsValidSlug(".hidden"));
  BOOST_TEST(!IsValidSlug("a/b"));
  BOOST_TEST(!IsValidSlug("A-B"));
  BOOST_TEST(!IsValidSlug(std::string("a\0b", 3)));
  BOOST_TEST(!IsValidSlug(std::string(kMaxSlugLength + 1, 'a')));
  BOOST_TEST(IsValidSlug(std::string(kMaxSlugLength, 'a')));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::text
