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

namespace sijill::index {

// True for the paths above: the files the index is made of.
bool IsIndexedPath(const std::string& path);

// The search units of one file. A file that cannot be read as its format adds a Problem and
// yields what could be read (at worst nothing); it never throws for bad data.
std::vector<IndexDoc> CollectFile(const std::string& path, const std::string& content,
                                  Problems& problems);

}  // namespace sijill::index
