// The document-list table of a report's annex (001 L433–476, CORPUS.md C5): cells are
// chunk-reversed and wrap across lines, so rows are cut at document symbols, one row per
// symbol; the agenda-item number printed at the row's end becomes the first cell.
#pragma once

#include <vector>

#include "sijill/ingest/document.h"

namespace sijill::ingest::internal {

// `lines` are the header lines followed by the row lines (normalized). The header becomes the
// standard one when its letters are exactly those of the standard header (the printed header
// is interleaved: "العنوان أو الوصف مالالأع"), otherwise the printed lines are kept.
Block BuildDocumentTable(const std::vector<BlockLine>& lines);

// The letters of `text` (Unicode category L*, without tatweel), sorted: two texts with the same
// multiset are permutations of each other.
std::u32string SortedLetters(const std::string& text);

}  // namespace sijill::ingest::internal
