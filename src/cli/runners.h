// The function that runs each command (cli/cmd_<name>.cpp). Declaring one does not link it: a
// binary links the runners it lists (main.cpp, runners_all.cpp).
#pragma once

#include "cli/command.h"

namespace sijill::cli {

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

}  // namespace sijill::cli
