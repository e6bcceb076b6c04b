// Front matter of an imported report (DESIGN.md §1 ⚑ keys, then ours; docs/repository-format.md):
// what the cover prints (A4: the English cover block of 003), what the furniture tells (the job
// number), and what `--meta FILE.yaml` supplies or overrides.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sijill/ingest/source.h"
#include "sijill/model/report.h"

namespace sijill::ingest {

struct ImportedMeta {
  model::FrontMatter front;  // symbol, title, type, body, date, language, session, ...
  std::string distribution;
  std::string original_language;  // BCP 47
  std::string job_number;         // "V.18-05123"
  std::vector<std::string> furniture;
  int order_unverified = 0;
  std::string slug;  // from --meta "slug", else Slug(symbol)
};

// A4: "Distr.: General", "29 June 2012", "Arabic", "Original: English" before the first Arabic
// line become distribution, date (ISO), language and original_language; the lines are dropped.
void TakeEnglishCover(std::vector<SourceLine>& lines, ImportedMeta& meta);

// The job number of the first "V.18-05123 9/21" footer among the furniture.
void TakeJobNumber(ImportedMeta& meta);

// Sets every key of `values` (front-matter keys, plus "slug"); unknown keys go to
// front.extra. An empty or "null" symbol stays empty.
void ApplyMeta(const std::map<std::string, std::string>& values, ImportedMeta& meta);

// Reads a flat YAML mapping of scalars. Throws Error kNotFound / kInvalid naming the file.
std::map<std::string, std::string> LoadMetaFile(const std::string& path);

}  // namespace sijill::ingest
