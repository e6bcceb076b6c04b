// UN symbols as single tokens, found in lines of the seeds (CORPUS.md §5). Issue #4.
#include "sijill/text/symbols.h"

#include <boost/test/unit_test.hpp>

#include "sijill/text/normalize.h"

namespace sijill::text {

BOOST_AUTO_TEST_SUITE(text)
BOOST_AUTO_TEST_SUITE(symbols)

using Strings = std::vector<std::string>;

BOOST_AUTO_TEST_CASE(SymbolsGluedToArabicAreCut) {
  // 001 L417, 004 L3, 001 L30.
  BOOST_TEST(FindSymbols(NormalizeForSearch("المCTOC/COP/WG.4/2013/INF.1/Rev.1وترد في")) ==
             Strings{"CTOC/COP/WG.4/2013/INF.1/Rev.1"});
  BOOST_TEST(FindSymbols(NormalizeForSearch("])A/64/L.64( الإحالة")) == Strings{"A/64/L.64"});
  BOOST_TEST(FindSymbols(NormalizeForSearch(")1( CTOC/COP/WG.4/2011/8 ٥١-٤٦، الفقرات.")) ==
             Strings{"CTOC/COP/WG.4/2011/8"});
}

BOOST_AUTO_TEST_CASE(ArabicIndicResolutionNumbersAreSymbols) {
  BOOST_TEST(FindSymbols(NormalizeForSearch("٦٤/٢٩٣ - خطة عمل")) == Strings{"64/293"});
  BOOST_TEST(FindSymbols(NormalizeForSearch("القرار ٤١/٩٤٢/١٦.")) == Strings{"41/942/16"});
}

BOOST_AUTO_TEST_CASE(UrlsAndPlainNumbersAreNotSymbols) {
  BOOST_TEST(FindSymbols("http://icat.network/publications").empty());
  BOOST_TEST(FindSymbols("2013 - 15").empty());
  BOOST_TEST(!IsSymbol("WG.4"));
  BOOST_TEST(IsSymbol("WG.4/2011/8"));
}

BOOST_AUTO_TEST_CASE(KeysAreTheWholeSymbolAndItsTails) {
  BOOST_TEST(SymbolKeys("CTOC/COP/WG.4/2011/8") ==
             (Strings{"ctoc/cop/wg.4/2011/8", "cop/wg.4/2011/8", "wg.4/2011/8", "2011/8"}));
  BOOST_TEST(SymbolKeys("64/293") == Strings{"64/293"});
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::text
