#include "cli/command.h"

namespace sijill::cli {

// Each command lives in cli/cmd_<name>.cpp; declare it here and add its row below.
int RunImport(Context&, const Args&);
int RunCheck(Context&, const Args&);
int RunExtract(Context&, const Args&);
int RunIndex(Context&, const Args&);
int RunSearch(Context&, const Args&);
int RunInit(Context&, const Args&);
int RunShow(Context&, const Args&);
int RunStatus(Context&, const Args&);
int RunHistory(Context&, const Args&);
int RunSummary(Context&, const Args&);
int RunRecord(Context&, const Args&);
int RunSuggest(Context&, const Args&);
int RunSite(Context&, const Args&);
int RunServe(Context&, const Args&);
int RunUser(Context&, const Args&);
int RunToken(Context&, const Args&);

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
