// The search index's JSON is written by hand (src/site/json_text_internal.h): it must be what
// nlohmann::json printed before, byte for byte, or every search file of a site would change.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "site/json_text_internal.h"

namespace sijill::site::testing {

namespace {

std::string Nlohmann(const std::string& value) {
  return nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Ours(const std::string& value) {
  std::string out = "x";  // appended to, not replaced
  internal::AppendJsonString(out, value);
  return out.substr(1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(json_text)

BOOST_AUTO_TEST_CASE(StringsPrintAsNlohmannPrintsThem) {
  const std::vector<std::string> values = {
      "",
      "plain",
      "a \"quoted\" back\\slash",
      "tab\tline\nfeed\fcr\rbs\b",
      std::string("nul\0and\x01\x1f end", 14),
      "del \x7f kept",
      "مكافحة الاتجار بالأشخاص",
      "~شرك",
      "\xff bad byte",
      "cut \xd8",
      "overlong \xc0\xaf",
      "surrogate \xed\xa0\x80",
  };
  for (const std::string& value : values) BOOST_TEST(Ours(value) == Nlohmann(value), value);
}

// Every line of the seeds (Arabic and English text as the index carries it).
BOOST_AUTO_TEST_CASE(EveryLineOfTheSeedsPrintsAsNlohmannPrintsIt) {
  size_t lines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(SIJILL_SOURCE_DIR) + "/corpus")) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    for (std::string line; std::getline(in, line); ++lines)
      BOOST_TEST(Ours(line) == Nlohmann(line), entry.path().filename().string() << ": " << line);
  }
  BOOST_TEST(lines > 100u);
}

BOOST_AUTO_TEST_CASE(NumbersPrintAsNlohmannPrintsThem) {
  for (uint64_t value : {uint64_t{0}, uint64_t{7}, uint64_t{4294967295u}, ~uint64_t{0}}) {
    std::string out;
    internal::AppendJsonNumber(out, value);
    BOOST_TEST(out == nlohmann::json(value).dump());
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::site::testing
