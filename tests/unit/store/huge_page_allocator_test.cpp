// store::HugePageAllocator (store/huge_page_allocator.h): large arrays come 2 MB aligned, so the
// kernel can back them with huge pages, and behave as any vector; small ones as usual.
#include "store/huge_page_allocator.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <numeric>
#include <vector>

namespace sijill::store {

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(huge_page_allocator)

BOOST_AUTO_TEST_CASE(LargeArraysAreHugePageAlignedAndUsable) {
  std::vector<uint64_t, HugePageAllocator<uint64_t>> large(size_t{5} << 18);  // 10 MB: 5 pages
  if (!HugePageAllocator<char>::kSanitized) {
    BOOST_TEST(reinterpret_cast<uintptr_t>(large.data()) % HugePageAllocator<char>::kHugePage ==
               0u);
  }
  std::iota(large.begin(), large.end(), uint64_t{0});
  large.push_back(7);  // grows into a new mapping; the old one is unmapped
  BOOST_TEST(large[12345] == 12345u);
  BOOST_TEST(large.back() == 7u);
  std::vector<uint64_t, HugePageAllocator<uint64_t>> copy = large;
  BOOST_TEST((copy == large));
}

BOOST_AUTO_TEST_CASE(SmallArraysComeFromTheHeap) {
  std::vector<int, HugePageAllocator<int>> small = {1, 2, 3};
  small.resize(1000, 4);
  BOOST_TEST(small[2] == 3);
  BOOST_TEST(small[999] == 4);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::store
