// Reports (corpus/<slug>.md, briefs/<slug>.md): YAML front matter between two `---` lines,
// then the Markdown body (DESIGN.md §1 ⚑ front matter keys; docs/repository-format.md).
//
// Unknown keys are kept (scalars in FrontMatter::extra) and reported as warnings.
// ParseReport never throws for bad data; it reports problems at file:line:column (lines of
// the whole file, not of the front matter). Value checks that need the rest of the repository
// (dates, symbol confidence, slug ↔ symbol) are in check/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "sijill/error.h"
#include "sijill/model/report.h"

namespace sijill::model {

struct FrontMatterSplit {
  std::string_view yaml;  // between the two `---` lines
  int yaml_line = 2;      // 1-based line of the file where `yaml` starts
  std::string_view body;  // after the closing `---` line
  int body_line = 1;      // 1-based line of the file where `body` starts
};

// nullopt when the text does not start with a `---` line or the closing `---` is missing.
// Views point into `text`.
std::optional<FrontMatterSplit> SplitFrontMatter(std::string_view text);

// Front matter keys: the ⚑ ones, then ours.
inline constexpr std::string_view kRequiredFrontMatterKeys[] = {"symbol", "title", "type",
                                                                "body",   "date",  "language"};

struct ParsedReport {
  std::string path;
  Report report;
  Problems problems;
  bool parsed = false;  // false when there is no front matter or it is not YAML
  // Where each front matter field sits ("symbol", "date", ...).
  std::map<std::string, Location> where;

  Location At(const std::string& field) const;
};

// `path` is "corpus/<slug>.md" or similar; report.slug is its file name without ".md".
ParsedReport ParseReport(const std::string& path, std::string_view text);

// "---\n…---\n" with the keys in the order of docs/repository-format.md; empty optional values
// are left out, `symbol` is written `~` when empty.
std::string WriteFrontMatter(const FrontMatter& meta);

}  // namespace sijill::model
