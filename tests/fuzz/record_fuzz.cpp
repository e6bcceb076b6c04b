// Fuzz target: a recommendation record (model/record_yaml.h, model/record_edit.h).
// Invariants, from the headers:
//   - ParseRecord never throws for bad data;
//   - ParseRecord(WriteRecord(r)).record == r for whatever record was read;
//   - ApplyFollowUp / UpdateText on a record that parses without errors either refuse with
//     Error kInvalid or give a text that reads back with exactly the intended change (the
//     record store calls them for every `sijill status`, so kInternal there is a lost update).
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "sijill/error.h"
#include "sijill/model/record_edit.h"
#include "sijill/model/record_yaml.h"

namespace {

using namespace sijill;

const char kPath[] = "recommendations/fuzz/p1.yaml";

void CheckRoundTrip(const model::Recommendation& record) {
  std::string written = model::WriteRecord(record);
  model::ParsedRecord again = model::ParseRecord(kPath, written);
  fuzz::Check(again.parsed && again.record == record, "ParseRecord(WriteRecord(r)).record != r",
              written);
}

void CheckEdit(const std::string& text, const model::Recommendation& before) {
  model::FollowUp entry{.date = "2026-11-23",
                        .status = "in-progress",
                        .note = "متابعة: note with \"quotes\", a colon: and # hash\nsecond line",
                        .evidence = {{.symbol = "CTOC/COP/2018/2", .paragraph = "22"}},
                        .by = "Fuzz <fuzz@example.org>"};
  try {
    std::string edited = model::ApplyFollowUp(text, entry);
    model::ParsedRecord after = model::ParseRecord(kPath, edited);
    model::Recommendation expected = before;
    expected.status = entry.status;
    expected.followup.push_back(entry);
    fuzz::Check(after.parsed && after.record == expected,
                "ApplyFollowUp result does not read back as intended", edited);
  } catch (const Error& error) {
    fuzz::Check(error.kind() == Error::Kind::kInvalid, "ApplyFollowUp failed on a valid record",
                error.what() + std::string("\n") + text);
  }
  try {
    std::string edited = model::UpdateText(text, "نص جديد\n  with: a colon\n");
    model::ParsedRecord after = model::ParseRecord(kPath, edited);
    model::Recommendation expected = before;
    expected.text = "نص جديد\n  with: a colon\n";
    fuzz::Check(after.parsed && after.record == expected,
                "UpdateText result does not read back as intended", edited);
  } catch (const Error& error) {
    fuzz::Check(error.kind() == Error::Kind::kInvalid, "UpdateText failed on a valid record",
                error.what() + std::string("\n") + text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(fuzz::AsText(data, size));
  model::ParsedRecord parsed = model::ParseRecord(kPath, text);
  if (!parsed.parsed) return 0;
  CheckRoundTrip(parsed.record);
  if (!HasErrors(parsed.problems)) CheckEdit(text, parsed.record);
  return 0;
}
