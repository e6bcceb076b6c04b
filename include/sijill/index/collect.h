// From repository files to search units (DESIGN.md §1 layout and ⚑ ids):
//   corpus/<slug>.md                  → the report <slug> (title, cover, unnumbered text,
//                                       headings, footnotes), one paragraph per numbered item
//                                       (<slug>.p<N>, <slug>.annex.p<N>, a repeated number
//                                       <slug>.p<N>-dup), <slug>.preamble for a resolution's
//                                       unnumbered text before its first numbered paragraph,
//                                       <slug>.annex for an annex's unnumbered text;
//   briefs/<slug>.md                  → one brief <slug>;
//   recommendations/<slug>/<rest>.yaml → one recommendation record.
// The Markdown is read as docs/repository-format.md (FORMAT.md) writes it: numbered paragraphs
// are "N. " list items at the start of a line, the annex starts at a level-1 heading beginning
// with المرفق or "Annex", and `<!-- sijill: order-unverified -->` flags a damaged paragraph.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "sijill/error.h"
#include "sijill/index/document.h"
#include "sijill/model/report.h"

namespace sijill::index {

// True for the paths above: the files the index is made of.
bool IsIndexedPath(const std::string& path);

// The search units of one file. A file that cannot be read as its format adds a Problem and
// yields what could be read (at worst nothing); it never throws for bad data.
std::vector<IndexDoc> CollectFile(const std::string& path, const std::string& content,
                                  Problems& problems);

// The search units of the report or brief at `path` from what model::ParseReport (the
// snapshot's markdown::ParseReport) read of it: its front matter's fields and its body (the
// whole file when it has no front matter). Neither the file nor its YAML is read again. When
// that parse found no problem in the front matter (none at a line before report.body_line),
// these are CollectFile's units for the file's text, but for front matter fenced by a "--- "
// line (trailing space) or closed by a "---" with no newline at the end of the file: ParseReport
// reads those as front matter, CollectFile as body (the first) or reports them unclosed. Where a
// problem was found, the two readers may differ (a duplicate key, invalid UTF-8): read the file.
std::vector<IndexDoc> CollectParsedReport(const std::string& path, const model::Report& report);

}  // namespace sijill::index
