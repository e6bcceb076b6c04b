// Golden record of the sample corpus (issue 5 item 4): the project's 4 reports and their
// records (a frozen copy in tests/golden/record/input), committed at a fixed time, then one
// follow-up and one status change; the record is built with --since the first commit and
// compared in each format with tests/golden/record/expected/. Update: tools/update-golden record

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <sstream>

#include "unit/record/sample_repo.h"
#include "sijill/record/build.h"
#include "sijill/record/formats.h"
#include "support/golden.h"

namespace sijill::testing {

namespace {

namespace fs = std::filesystem;

fs::path Expected(const std::string& name) {
  return fs::path(SIJILL_SOURCE_DIR) / "tests/golden/record/expected" / name;
}

std::string Render(const sijill::record::Consolidated& built, std::string_view format) {
  std::ostringstream out;
  sijill::record::FindFormat(format)->write(built, out);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(record)
BOOST_AUTO_TEST_SUITE(record_golden)

BOOST_AUTO_TEST_CASE(SampleRecordMatchesTheGoldenInEveryTextFormat) {
  SampleRepo sample;
  sijill::record::Consolidated built = sample.Build();
  BOOST_TEST(built.total == sample.record_count);
  ExpectGolden(Expected("record.md"), Render(built, "md"));
  ExpectGolden(Expected("record.html"), Render(built, "html"));
  ExpectGolden(Expected("record.csv"), Render(built, "csv"));
}

BOOST_AUTO_TEST_CASE(SampleDocxBodyMatchesTheGolden) {
  SampleRepo sample;
  std::string docx = Render(sample.Build(), "docx");
  ExpectGolden(Expected("document.xml"), ZipEntry(docx, "word/document.xml"));
  ExpectGolden(Expected("styles.xml"), ZipEntry(docx, "word/styles.xml"));
}

BOOST_AUTO_TEST_CASE(TheSameCommitGivesTheSameBytes) {
  SampleRepo first, second;
  for (const sijill::record::Format& format : sijill::record::Formats())
    BOOST_TEST((Render(first.Build(), format.name) == Render(second.Build(), format.name)),
               format.name);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
