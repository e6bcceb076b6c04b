#include "cli/runners.h"

namespace sijill::cli {

// A new command: declare its function in runners.h and add it here.
std::span<const Runner> AllRunners() {
  static const Runner kRunners[] = {
      {"init", RunInit},       {"import", RunImport}, {"extract", RunExtract},
      {"check", RunCheck},     {"index", RunIndex},   {"search", RunSearch},
      {"show", RunShow},       {"status", RunStatus}, {"history", RunHistory},
      {"summary", RunSummary}, {"record", RunRecord}, {"suggest", RunSuggest},
      {"site", RunSite},       {"serve", RunServe},   {"user", RunUser},
      {"token", RunToken},
  };
  return kRunners;
}

}  // namespace sijill::cli
