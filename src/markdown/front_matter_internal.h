// Splits "---\nYAML\n---\nbody" and reads the DESIGN.md ⚑ front matter keys.
// A minimal stand-in until the model layer's front matter reader is used here.
#pragma once

#include <string>

#include "sijill/error.h"
#include "sijill/model/report.h"

namespace sijill::markdown {

struct FrontMatterSplit {
  bool found = false;  // the text starts with a "---" line and has a closing "---" line
  std::string yaml;
  std::string body;
  int body_line = 1;  // 1-based line of the file where the body starts
};

FrontMatterSplit SplitFrontMatter(const std::string& text);

// Reads the keys of FrontMatter; unknown scalar keys go to `extra`. Problems name `path`.
model::FrontMatter ReadFrontMatter(const std::string& yaml, const std::string& path,
                                   Problems& problems);

}  // namespace sijill::markdown
