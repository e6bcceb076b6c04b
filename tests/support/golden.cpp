#include "support/golden.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace sijill::testing {

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

bool UpdateGolden() {
  const char* value = std::getenv("SIJILL_UPDATE_GOLDEN");
  return value && std::string(value) == "1";
}

std::vector<std::filesystem::path> GoldenCases(const std::string& stage) {
  std::vector<std::filesystem::path> cases;
  std::filesystem::path root = std::filesystem::path(SIJILL_SOURCE_DIR) / "tests/golden" / stage;
  if (!std::filesystem::is_directory(root)) return cases;
  for (const auto& entry : std::filesystem::directory_iterator(root))
    if (entry.is_directory()) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

void ExpectGolden(const std::filesystem::path& expected, const std::string& actual) {
  if (UpdateGolden()) {
    WriteText(expected, actual);
    BOOST_TEST_MESSAGE("updated " << expected.string());
    return;
  }
  BOOST_REQUIRE_MESSAGE(std::filesystem::exists(expected),
                        expected.string() << " missing; run tools/update-golden");
  std::string want = ReadText(expected);
  if (want == actual) return;
  std::istringstream a(want), b(actual);
  std::string la, lb;
  int line = 1;
  while (std::getline(a, la) && std::getline(b, lb) && la == lb) ++line;
  BOOST_ERROR(expected.string() << ":" << line << ": differs from the output\n  expected: " << la
                                << "\n  actual:   " << lb
                                << "\n(SIJILL_UPDATE_GOLDEN=1 rewrites it)");
}

}  // namespace sijill::testing
