// Stage 5 of `sijill import`: structure. Turns the body lines (furniture and footnotes already
// dropped, text normalized by NormalizeLine) into blocks: the cover, headings, numbered
// paragraphs (cut at paragraph-number markers, CORPUS.md A6/A19, never at blank lines in
// visual files), sub-items (أ)(ب), bullets, the resolution's preamble, the annex with its own
// numbering, and the annex's document-list table (C5).
#pragma once

#include <vector>

#include "sijill/error.h"
#include "sijill/ingest/document.h"
#include "sijill/ingest/source.h"

namespace sijill::ingest {

// Appends the blocks to `document` (whose order is already set). Numbers that break the +1
// sequence become problems (warnings) in `problems`, located in `file`.
void Assemble(const std::vector<SourceLine>& lines, const std::string& file, Document& document,
              Problems& problems);

}  // namespace sijill::ingest
