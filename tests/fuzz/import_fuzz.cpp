// Fuzz target: the UN text importer (ingest/import.h). Any bytes either import or throw
// Error kInvalid (the documented refusal); the Markdown written must parse back as a report
// with front matter.
#include <cstdint>

#include "fuzz_check.h"
#include "sijill/error.h"
#include "sijill/ingest/import.h"
#include "sijill/markdown/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sijill;
  ingest::ImportResult result;
  try {
    result = ingest::ImportText(fuzz::AsText(data, size), {.file_name = "fuzz.txt"});
  } catch (const Error& error) {
    fuzz::Check(error.kind() == Error::Kind::kInvalid, "import threw an Error other than kInvalid",
                error.what());
    return 0;
  }
  fuzz::Check(!result.slug.empty(), "import produced an empty slug");
  markdown::ParseResult parsed =
      markdown::ParseReport("corpus/" + result.slug + ".md", result.markdown);
  for (const Problem& problem : parsed.problems)
    fuzz::Check(problem.severity != Severity::kError ||
                    problem.message.find("front matter") == std::string::npos,
                "imported Markdown has unreadable front matter", problem.ToString());
  return 0;
}
