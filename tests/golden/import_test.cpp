// Golden tests of `sijill import` (issue #3): each folder tests/golden/import/<slug>/ holds a
// seed UN text (input.txt) and the Markdown the importer must write (expected.md), with the
// front matter from tools/import-meta/<slug>.yaml. Each folder is its own test case (as
// solidity's soltest registers its cases): --run_test=golden/import/<slug>. A second case per
// folder, <slug>_nothing_lost, proves that every letter and digit of the input is still there.
#include "sijill/ingest/import.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <memory>

#include "sijill/ingest/cover.h"
#include "support/golden.h"

namespace sijill::ingest {
namespace {

namespace fs = std::filesystem;
namespace ut = boost::unit_test;

ImportResult ImportCase(const fs::path& folder) {
  ImportOptions options;
  options.file_name = "tests/golden/import/" + folder.filename().string() + "/input.txt";
  fs::path meta =
      fs::path(SIJILL_SOURCE_DIR) / "tools/import-meta" / (folder.filename().string() + ".yaml");
  if (fs::exists(meta)) options.meta = LoadMetaFile(meta.string());
  return ImportText(testing::ReadText(folder / "input.txt"), options);
}

void GoldenCase(const fs::path& folder) {
  ImportResult result = ImportCase(folder);
  BOOST_TEST(result.slug == folder.filename().string());
  testing::ExpectGolden(folder / "expected.md", result.markdown);
}

// ---- nothing lost -------------------------------------------------------------------------
// Multiset of letters (without tatweel U+0640) and digits. The test does not trust the importer
// about what it dropped: it removes from the input only (1) the lines the front matter lists as
// furniture, (2) the English cover lines before the first Arabic letter (A4: they become
// distribution/date/language fields), and it applies the one letter-changing repair, A12
// (تراع → نزاع). The output counted is the body and footnotes, without the front matter.
// Paragraph markers and footnote labels are written with ASCII digits: each such output digit
// may stand for the same digit in either script of the input.
using Counts = std::map<UChar32, int>;

std::string Body(const std::string& markdown) {
  size_t end = markdown.find("\n---\n", 4);
  return end == std::string::npos ? markdown : markdown.substr(end + 5);
}

icu::UnicodeString Replace(const icu::UnicodeString& text, const char* pattern, const char* with) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse;
  std::unique_ptr<icu::RegexPattern> compiled(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse, status));
  std::unique_ptr<icu::RegexMatcher> matcher(compiled->matcher(text, status));
  icu::UnicodeString out = matcher->replaceAll(icu::UnicodeString::fromUTF8(with), status);
  BOOST_REQUIRE(U_SUCCESS(status));
  return out;
}

Counts Count(const icu::UnicodeString& text) {
  Counts counts;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if ((u_isalpha(c) && c != 0x0640) || u_isdigit(c)) ++counts[c];
  }
  return counts;
}

std::vector<std::string> FrontMatterList(const std::string& markdown, const std::string& key) {
  std::vector<std::string> items;
  size_t at = markdown.find("\n" + key + ":\n");
  size_t end = markdown.find("\n---\n", 4);
  if (at == std::string::npos || at > end) return items;
  std::istringstream in(markdown.substr(at + key.size() + 3, end - at));
  std::string line;
  while (std::getline(in, line) && line.rfind("  - ", 0) == 0) {
    std::string item = line.substr(4);
    if (item.size() >= 2 && item.front() == '"') item = item.substr(1, item.size() - 2);
    items.push_back(item);
  }
  return items;
}

icu::UnicodeString InputWithoutFurniture(const std::string& input,
                                         const std::vector<std::string>& furniture) {
  std::istringstream in(input);
  std::string line, kept;
  std::vector<std::string> left = furniture;
  bool arabic_seen = false;
  while (std::getline(in, line)) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(line);
    for (int32_t i = 0; i < u.length(); ++i) arabic_seen |= u[i] >= 0x0621 && u[i] <= 0x064A;
    if (!arabic_seen) continue;  // the English cover block (A4)
    std::string trimmed = line;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t\r") + 1);
    auto found = std::find(left.begin(), left.end(), trimmed);
    if (!trimmed.empty() && found != left.end()) {
      left.erase(found);
      continue;
    }
    kept += line + "\n";
  }
  BOOST_TEST(left.empty(), "every furniture entry is a line of the input");
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(kept);
  text = Replace(text, "\\u0640", "");
  return Replace(text, "(?<!خ)تراع(?![ىي])", "نزاع");
}

// ASCII digits of "N. " paragraph markers and "[^N]" footnote labels.
Counts MarkerDigits(const std::string& body) {
  Counts counts;
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse;
  std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8("(?m)^\\s*([0-9]+)\\. |\\[\\^([0-9]+)\\]"), 0, parse, status));
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(body);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern->matcher(text, status));
  while (matcher->find()) {
    int group = matcher->start(1, status) >= 0 ? 1 : 2;
    icu::UnicodeString digits = matcher->group(group, status);
    for (int32_t i = 0; i < digits.length(); ++i) ++counts[digits[i]];
  }
  return counts;
}

void NothingLostCase(const fs::path& folder) {
  ImportResult result = ImportCase(folder);
  std::string body = Body(result.markdown);
  Counts input = Count(InputWithoutFurniture(testing::ReadText(folder / "input.txt"),
                                             FrontMatterList(result.markdown, "furniture")));
  Counts output = Count(icu::UnicodeString::fromUTF8(body));
  Counts wildcards = MarkerDigits(body);
  for (auto& [digit, n] : wildcards) output[digit] -= n;  // they stand in for either script
  int missing = 0;
  for (auto [c, n] : input) {
    int have = output[c];
    if (have < n && c >= 0x0660 && c <= 0x0669) {
      int take = std::min(n - have, wildcards['0' + (c - 0x0660)]);
      wildcards['0' + (c - 0x0660)] -= take;
      have += take;
    } else if (have < n && c >= '0' && c <= '9') {
      int take = std::min(n - have, wildcards[c]);
      wildcards[c] -= take;
      have += take;
    }
    if (have < n) {
      std::string name;
      icu::UnicodeString(c).toUTF8String(name);
      BOOST_ERROR("lost " << (n - have) << " of " << n << " '" << name << "' (U+" << std::hex << c
                          << std::dec << ")");
      ++missing;
    }
  }
  BOOST_TEST(missing == 0);
}

struct Register {
  Register() {
    for (const fs::path& folder : testing::GoldenCases("import")) {
      std::string name = folder.filename().string();
      ut::ut_detail::auto_test_unit_registrar(
          ut::make_test_case([folder] { GoldenCase(folder); }, name, __FILE__, __LINE__),
          ut::decorator::collector_t::instance());
      ut::ut_detail::auto_test_unit_registrar(
          ut::make_test_case([folder] { NothingLostCase(folder); }, name + "_nothing_lost",
                             __FILE__, __LINE__),
          ut::decorator::collector_t::instance());
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(golden)
BOOST_AUTO_TEST_SUITE(import)
const Register kRegister;
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::ingest
