// Facets packed into one value slot (src/index/facets.h): what is packed is read back, empty
// values are left out, and a damaged value yields no invented facet.
#include "index/facets.h"

#include <boost/test/unit_test.hpp>

namespace sijill::index {

BOOST_AUTO_TEST_SUITE(index)
BOOST_AUTO_TEST_SUITE(facets)

std::vector<std::pair<std::string, std::string>> Unpack(std::string_view packed) {
  std::vector<std::pair<std::string, std::string>> out;
  ForEachFacet(packed, [&](std::string_view name, std::string_view value) {
    out.emplace_back(name, value);
  });
  return out;
}

BOOST_AUTO_TEST_CASE(PackedFacetsAreReadBackInOrderWithoutEmptyValues) {
  std::string packed = PackFacets({{"kind", "recommendation"}, {"type", ""}, {"status", "open"},
                                   {"topic", "الشراكات"}, {"topic", "حماية الضحايا"},
                                   {"addressee", "الدول الأطراف"}});
  std::vector<std::pair<std::string, std::string>> expected = {
      {"kind", "recommendation"}, {"status", "open"}, {"topic", "الشراكات"},
      {"topic", "حماية الضحايا"}, {"addressee", "الدول الأطراف"}};
  BOOST_TEST((Unpack(packed) == expected));
  BOOST_TEST(PackFacets({{"type", ""}}).empty());
}

BOOST_AUTO_TEST_CASE(ADamagedValueYieldsOnlyItsWholeEntries) {
  BOOST_TEST(Unpack("").empty());
  BOOST_TEST(Unpack("no separator\n\x1Fno name\nkind\x1F\n").empty());
  BOOST_TEST((Unpack("kind\x1Freport") ==
              std::vector<std::pair<std::string, std::string>>{{"kind", "report"}}));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::index
