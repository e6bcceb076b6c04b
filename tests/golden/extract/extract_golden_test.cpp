// report.md → expected.txt for every folder of tests/golden/extract/ (issue #3 item 4). Each
// folder is its own test case: --run_test=golden/extract/<slug>.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <functional>

#include "golden/extract/golden_support.h"
#include "sijill/ingest/extract.h"
#include "sijill/markdown/parse.h"

namespace sijill::testing {

namespace {

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// One fact per line, one blank line between records, so that diffs read well.
std::string Listing(const ingest::Extraction& extraction) {
  std::string out;
  for (const ingest::ExtractedRecord& extracted : extraction.records) {
    const model::Recommendation& r = extracted.record;
    out += "id: " + r.id + "\n";
    out += "source: " + r.source.symbol + " | " + r.source.paragraph + " | " + r.source.section + "\n";
    out += "adopted: " + r.adopted + "\n";
    out += "language: " + r.language + "\n";
    out += "addressees: " + Join(r.addressees, ", ") + "\n";
    out += "modality: " + r.modality + "\n";
    out += "modalities: " + Join(extracted.modalities, "; ") + "\n";
    out += "cues: " + Join(extracted.cues, "; ") + "\n";
    out += "topics: " + Join(r.topics, ", ") + "\n";
    out += "status: " + r.status + "\n";
    out += "text: " + r.text + "\n\n";
  }
  for (const Problem& problem : extraction.problems) out += problem.ToString() + "\n";
  return out;
}

void RunCase(const std::filesystem::path& folder) {
  std::string slug = folder.filename().string();
  std::string report = ReadText((folder / "report.md").string());
  markdown::ParseResult parsed = markdown::ParseReport("corpus/" + slug + ".md", report);
  ingest::Extraction extraction =
      ingest::ExtractRecommendations(parsed.document, "corpus/" + slug + ".md");
  CompareGolden((folder / "expected.txt").string(), Listing(extraction));
}

struct RegisterFolders {
  RegisterFolders() {
    std::filesystem::path root = std::filesystem::path(SIJILL_SOURCE_DIR) / "tests/golden/extract";
    std::vector<std::filesystem::path> folders;
    for (const auto& entry : std::filesystem::directory_iterator(root))
      if (entry.is_directory() && std::filesystem::exists(entry.path() / "report.md"))
        folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
      boost::unit_test::ut_detail::auto_test_unit_registrar(
          boost::unit_test::make_test_case(std::function<void()>([folder] { RunCase(folder); }),
                                           folder.filename().string(), __FILE__, __LINE__),
          boost::unit_test::decorator::collector_t::instance());
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(golden)
BOOST_AUTO_TEST_SUITE(extract)

const RegisterFolders kRegisterFolders;

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
