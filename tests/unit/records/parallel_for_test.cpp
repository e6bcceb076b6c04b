#include "sijill/parallel.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace sijill {

BOOST_AUTO_TEST_SUITE(records)
BOOST_AUTO_TEST_SUITE(parallel_for)

BOOST_AUTO_TEST_CASE(EveryIndexRunsOnceWhateverTheThreadCount) {
  for (unsigned threads : {0u, 1u, 2u, 7u}) {
    for (size_t count : {size_t{0}, size_t{1}, size_t{3}, size_t{1000}}) {
      std::vector<std::atomic<int>> runs(count);
      ParallelFor(count, threads, [&](size_t i) { ++runs[i]; });
      for (size_t i = 0; i < count; ++i)
        BOOST_TEST(runs[i] == 1, "threads " << threads << ", count " << count << ", index " << i);
    }
  }
}

// The first failure reaches the caller after every thread has stopped, and no index is taken
// after it (those already running finish).
BOOST_AUTO_TEST_CASE(TheFirstFailureStopsTheLoopAndIsRethrown) {
  std::atomic<size_t> ran{0};
  BOOST_CHECK_EXCEPTION(ParallelFor(100000, 2,
                                    [&](size_t i) {
                                      ++ran;
                                      if (i == 10) throw std::runtime_error("file 10 is bad");
                                      // Work that takes time, as a file's does: otherwise the
                                      // other thread may take all 100,000 indices while the
                                      // failing one waits for a core (seen at load 4 on 2).
                                      std::this_thread::sleep_for(std::chrono::microseconds(20));
                                    }),
                        std::runtime_error,
                        [](const std::runtime_error& e) { return std::string(e.what()) == "file 10 is bad"; });
  BOOST_TEST(ran.load() < 100000u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill
