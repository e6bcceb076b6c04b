// Fuzz target: sijill.yaml (model/settings.h) and ICAT briefs (model/brief.h). Neither parser
// throws for bad data; a brief that parses without errors survives WriteBrief → ParseBrief
// ("ParseBrief(path, WriteBrief(b)).brief == b").
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "sijill/model/brief.h"
#include "sijill/model/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sijill;
  std::string_view text = fuzz::AsText(data, size);
  model::ParsedSettings settings = model::ParseSettings("sijill.yaml", text);
  // Whatever the file says, the statuses a record may take are never empty ("defaults where
  // the file says nothing or says something unreadable").
  fuzz::Check(!settings.settings.statuses.empty(), "settings without any status");
  model::ParsedBrief brief = model::ParseBrief("briefs/fuzz.md", text);
  if (brief.parsed && !HasErrors(brief.problems)) {
    std::string written = model::WriteBrief(brief.brief);
    model::ParsedBrief again = model::ParseBrief("briefs/fuzz.md", written);
    model::Brief expected = brief.brief;
    expected.body_line = again.brief.body_line;
    fuzz::Check(again.parsed && again.brief == expected, "ParseBrief(WriteBrief(b)).brief != b",
                written);
  }
  return 0;
}
