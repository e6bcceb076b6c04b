// The numbered paragraphs of a report body, as ids rests (p12, annex.p3, p51-dup).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sijill/error.h"

namespace sijill::check::internal {

struct ParagraphScan {
  std::set<std::string> rests;  // "p12", "annex.p3", "p51-dup"
  struct Repeat {
    int line;  // 1-based line of the file
    std::string rest;
  };
  std::vector<Repeat> repeats;  // numbers printed a second time
};

// docs/repository-format.md: a numbered paragraph is a line `N. text` (N in ASCII digits at
// the start of the line); after a level-1 heading whose text starts with "المرفق" or "Annex"
// the numbers are annex paragraphs. `body_line` is the file line where `body` starts.
ParagraphScan ScanParagraphs(std::string_view body, int body_line);

}  // namespace sijill::check::internal
