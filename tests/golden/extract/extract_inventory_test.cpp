// Agreement of what `sijill extract` reads from the tool's own import output (report.md here,
// tests/golden/extract/<slug>/) with the hand-made inventories: the figures of the tool alone.
// Fails on any disagreement not listed in allow.tsv, and on an allow.tsv entry that no longer
// disagrees (so the list cannot go stale). Issue #3 item 3. The hand-fixed sample corpus is
// held to the inventories by extract_sample_test.cpp.
#include <boost/test/unit_test.hpp>

#include "golden/extract/inventory_support.h"

namespace sijill::testing {

BOOST_AUTO_TEST_SUITE(golden)
BOOST_AUTO_TEST_SUITE(extract_inventory)

BOOST_AUTO_TEST_CASE(WorkingGroupRecommendationsMatchRecs001) {
  const std::string slug = "ctoc-cop-wg.4-2013-5";
  std::vector<Expected> expected = Recs001(slug);
  BOOST_TEST(expected.size() == 44u);
  Compare("recs-001", expected, ExtractFile(slug, kInventoryDir + slug + "/report.md"),
          kInventoryDir + "allow.tsv");
}

BOOST_AUTO_TEST_CASE(ResolutionParagraphsAndActionsMatchOps004) {
  const std::string slug = "a-res-64-293";
  std::vector<Expected> expected = Ops004(slug);
  BOOST_TEST(expected.size() == 68u);
  Compare("ops-004", expected, ExtractFile(slug, kInventoryDir + slug + "/report.md"),
          kInventoryDir + "allow.tsv");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
