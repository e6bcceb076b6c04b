// Golden files for the extract tests: read, compare, and rewrite in update mode
// (SIJILL_UPDATE_GOLDEN=1; then review `git diff` before committing, STYLE.md §9.5).
#pragma once

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace sijill::testing {

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline bool UpdatingGolden() {
  const char* value = std::getenv("SIJILL_UPDATE_GOLDEN");
  return value && std::string(value) == "1";
}

// Compares line by line so that a failure names the first differing line.
inline void CompareGolden(const std::string& expected_path, const std::string& actual) {
  if (UpdatingGolden()) {
    std::ofstream(expected_path, std::ios::binary) << actual;
    BOOST_TEST_MESSAGE("updated " + expected_path);
    return;
  }
  std::istringstream want(ReadText(expected_path)), got(actual);
  std::string want_line, got_line;
  for (int line = 1;; ++line) {
    bool more_want = static_cast<bool>(std::getline(want, want_line));
    bool more_got = static_cast<bool>(std::getline(got, got_line));
    if (!more_want && !more_got) return;
    if (more_want != more_got || want_line != got_line) {
      BOOST_ERROR(expected_path << ":" << line << ": expected [" << (more_want ? want_line : "<end>")
                                << "] got [" << (more_got ? got_line : "<end>")
                                << "] (SIJILL_UPDATE_GOLDEN=1 rewrites; review the diff)");
      return;
    }
  }
}

}  // namespace sijill::testing
