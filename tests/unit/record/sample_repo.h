// The sample corpus as a records repository with a history, for the record tests: the frozen
// copy tests/golden/record/input committed at a fixed time (so commit ids, and so the record's
// bytes, are the same on every run), then one follow-up with evidence and one status change.
#pragma once

#include <optional>
#include <string>

#include "sijill/record/build.h"
#include "support/test_repo.h"

namespace sijill::testing {

struct SampleRepo {
  SampleRepo();

  // The record at HEAD, with "changed since" the first commit and one lineage entry.
  record::Consolidated Build();

  TestRepo repo;
  std::string first;   // the sample as imported
  std::string second;  // after the follow-ups
  size_t record_count = 0;
};

// The content of one member of a zip archive (a .docx); "" when it is not there.
std::string ZipEntry(const std::string& zip, const std::string& name);

}  // namespace sijill::testing
