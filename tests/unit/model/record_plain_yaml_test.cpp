// ParsePlainRecord reads the plain shape of a record without yaml-cpp: whatever it returns must
// be what ParseRecord reads, with no problem; anything it is unsure of it leaves to ParseRecord.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sijill/model/record_yaml.h"
#include "support/model_print.h"

namespace sijill::model {

namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> SeedRecords() {
  std::vector<fs::path> paths;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(SIJILL_SOURCE_DIR) / "recommendations"))
    if (entry.path().extension() == ".yaml") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const fs::path& path : paths) texts.push_back(ReadText(path));
  return texts;
}

// The shape tools/gen-corpus writes (block lists, a literal text, quoted source fields) and the
// summary mapping, with a line of the seeds.
const char kGenerated[] =
    "id: ctoc-cop-wg.7-2013-10.p31\n"
    "source:\n"
    "  symbol: \"CTOC/COP/WG.7/2013/10\"\n"
    "  paragraph: \"31\"\n"
    "  section: \"دال - أشكال الاستغلال\"\n"
    "text: |\n"
    "  وعقب اعتماد القانون الجنائي الجديد، وتعديل قانون منع ومكافحة الاتجار بالأشخاص: في قيرغيزستان\n"
    "\n"
    "    أجرى المكتب تقييما # للأحكام الجديدة.\n"
    "language: ar\n"
    "adopted: 2013-09-21\n"
    "addressees:\n"
    "  - working-group\n"
    "  - \"states parties\"\n"
    "modality: recommended\n"
    "topics:\n"
    "  - demand\n"
    "  - prevention\n"
    "summary:\n"
    "  en: Assess the new provisions\n"
    "  fr: |-\n"
    "    Évaluer\n"
    "    les dispositions\n"
    "status: open\n"
    "followup: []\n";

// Returns true when the plain reader took the text.
bool SameAsYamlCpp(const std::string& text) {
  std::optional<Recommendation> plain = ParsePlainRecord(text);
  if (!plain) return false;
  ParsedRecord full = ParseRecord("r.yaml", text);
  BOOST_TEST(full.parsed, text);
  BOOST_TEST(full.problems.empty(), text);
  BOOST_TEST(*plain == full.record, text);
  return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(record_plain_yaml)

BOOST_AUTO_TEST_CASE(TheSeedRecordsReadAsYamlCppReadsThem) {
  size_t taken = 0, seeds = 0;
  for (const std::string& text : SeedRecords()) {
    ++seeds;
    taken += SameAsYamlCpp(text);
  }
  BOOST_TEST(seeds > 100u);
  // All but those with follow-up entries (left to yaml-cpp) are read without it.
  BOOST_TEST(taken * 10 > seeds * 9, taken << " of " << seeds);
}

BOOST_AUTO_TEST_CASE(TheGeneratedShapeAndWrittenRecordsAreTaken) {
  BOOST_TEST(SameAsYamlCpp(kGenerated));
  // Empty lines after a literal block are the block's (and chomped).
  std::string trailing = kGenerated;
  BOOST_TEST(SameAsYamlCpp(trailing.insert(trailing.find("language:"), "\n\n")));
  Recommendation record = *ParsePlainRecord(kGenerated);
  BOOST_TEST(record.text.ends_with("للأحكام الجديدة.\n"));
  BOOST_TEST(record.summary.at("fr") == "Évaluer\nles dispositions");
  BOOST_TEST(record.addressees == (std::vector<std::string>{"working-group", "states parties"}));
  record.followup.clear();
  record.summary.clear();
  record.addressees = {"working-group"};  // a flow list of names: "states parties" is left
  BOOST_TEST(SameAsYamlCpp(WriteRecord(record)));
}

// Whatever is left to yaml-cpp is left, never read differently.
BOOST_AUTO_TEST_CASE(ConstructsOutsideThePlainShapeAreLeftToYamlCpp) {
  const std::string base = kGenerated;
  auto replaced = [&base](const std::string& from, const std::string& to) {
    std::string text = base;
    size_t at = text.find(from);
    BOOST_REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
  };
  for (const std::string& text : {
           replaced("language: ar\n", "language: ar # comment\n"),
           replaced("language: ar\n", "language: ar\n# comment\n"),
           replaced("language: ar\n", "language:\tar\n"),
           replaced("language: ar\n", "language: ar\r\n"),
           replaced("language: ar\n", "language: ~\n"),
           replaced("language: ar\n", "language:\n"),
           replaced("language: ar\n", "language: ar\nlanguage: en\n"),
           replaced("language: ar\n", "colour: red\n"),
           replaced("language: ar\n", ""),
           replaced("language: ar\n", "language: \"a\\u0072\"\n"),
           replaced("language: ar\n", "language: 'ar'\n"),
           replaced("language: ar\n", "language: a\n  r\n"),
           replaced("adopted: 2013-09-21\n", "\nadopted: 2013-09-21\n"),
           replaced("status: open\n", "status: &a open\n"),
           replaced("followup: []\n", "followup:\n  - date: 2024-01-01\n    status: open\n    by: x\n"),
           replaced("addressees:\n", "addressees:\n- x\n"),
           replaced("  - demand\n", "  - demand\n    - nested\n"),
           replaced("  - demand\n", "  -\n"),
           replaced("text: |\n", "text: |+\n"),
           replaced("text: |\n", "text: >\n"),
           replaced("text: |\n", "text: |2\n"),
           replaced("text: |\n", "text: |\n   \n"),
           replaced("text: |\n", "text: |\n\n"),
           replaced("  paragraph: \"31\"\n", ""),
           replaced("  paragraph: \"31\"\n", "  paragraph: \"31\"\n  page: 4\n"),
           replaced("  paragraph: \"31\"\n", "   paragraph: \"31\"\n"),
           replaced("adopted: 2013-09-21\n", "adopted: 2013-09-21 \n"),
           replaced("adopted: 2013-09-21\n", "adopted: [2013]\n"),
           replaced("id: ", "id:  "),
           std::string("\xEF\xBB\xBF") + base,
           replaced("demand", "dem\xC2\x85" "and"),
           replaced("demand", "dem\xFF" "and"),
           base.substr(0, base.size() - 1),
       }) {
    BOOST_TEST(!ParsePlainRecord(text).has_value(), "[" << text << "]");
  }
}

// Every text one character away from a taken one (a character removed, or one of YAML's
// indicators put in): taken only if yaml-cpp reads it the same, without a problem.
BOOST_AUTO_TEST_CASE(EveryNearbyTextIsReadAsYamlCppReadsItOrLeft) {
  std::vector<std::string> bases = SeedRecords();
  bases.resize(std::min<size_t>(bases.size(), 3));
  bases.push_back(kGenerated);
  size_t taken = 0;
  for (const std::string& base : bases) {
    for (size_t at = 0; at < base.size(); ++at) {
      if ((static_cast<unsigned char>(base[at]) & 0xC0) == 0x80) continue;  // inside a character
      taken += SameAsYamlCpp(std::string(base).erase(at, 1));
      for (const char* put : {" ", "\n", "#", ":", "-", "\"", "'", "|", "[", "]", ",", "~", "\\", "  ", ": ", " #"})
        taken += SameAsYamlCpp(std::string(base).insert(at, put));
    }
  }
  BOOST_TEST(taken > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::model
