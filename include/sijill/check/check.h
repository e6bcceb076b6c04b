// `sijill check`: every problem in a records repository (issue 2 item 3).
//
// Works on file contents, not on a repository, so the same checks run on a commit (cli), on a
// change before it is committed (service) and on fixtures (tests). Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "sijill/error.h"

namespace sijill::check {

struct File {
  std::string path;  // relative to the repository root: "corpus/x.md", "sijill.yaml", ...
  std::string content;
};

// Which files CheckRepository reads: sijill.yaml, corpus/*.md, briefs/*.md and everything
// under recommendations/. Others are ignored.
bool IsCheckedPath(const std::string& path);

// Every problem, sorted by path, line and column. Errors: invalid UTF-8, malformed YAML,
// missing/unknown/duplicate keys, values not in sijill.yaml (status, language, addressee,
// modality, topic), duplicate ids, an id that does not match its path, follow-up dates that
// are not ISO (YYYY-MM-DD) or out of order, evidence naming a symbol no report has or a
// paragraph that report lacks, report front matter without a ⚑ key, a report whose file name
// is not the slug of its confirmed symbol. Warnings: provisional symbols, a paragraph number
// printed twice, a status that differs from the last follow-up entry.
Problems CheckRepository(const std::vector<File>& files);

}  // namespace sijill::check
