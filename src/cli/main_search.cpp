// `sijill-search`: `index` and `search`, the commands a delegate's query and a follow-up's
// catch-up run. `sijill` hands them here rather than to sijill-full (main.cpp): without Poco and
// mstch, and with ICU, cmark and libgit2 linked from their archives, it starts in ~11 ms where
// sijill-full took ~30 ms, the largest part of a one-record catch-up (bench/RESULTS.md).
#include "cli/command.h"
#include "cli/runners.h"

namespace {

const sijill::cli::Runner kRunners[] = {
    {"index", sijill::cli::RunIndex},
    {"search", sijill::cli::RunSearch},
};

}  // namespace

int main(int argc, char** argv) { return sijill::cli::RunProcess(argc, argv, kRunners, nullptr); }
