// Stages 2–4 of `sijill import`: reading order, page furniture and footnote blocks
// (CORPUS.md §0, A3, A5). Each works on the whole line list and marks what leaves the body.
#pragma once

#include <string>
#include <vector>

#include "sijill/ingest/document.h"
#include "sijill/ingest/source.h"

namespace sijill::ingest {

// Visual order shows paragraph markers at line ends ("… -٥") and sentence punctuation at line
// starts; logical order has markers at line starts ("٥- …"). Decided by counting both.
TextOrder DetectOrder(const std::vector<SourceLine>& lines);

// A3: marks page headers (a symbol alone on a line, repeated or equal to `own_symbol`), job and
// page footers ("V.18-05123 9/21") and undocs.org link lines as dropped; returns them, trimmed,
// in order, so the front matter keeps them as metadata.
std::vector<std::string> TakeFurniture(std::vector<SourceLine>& lines,
                                       const std::string& own_symbol);

// A5: lifts every footnote block (a separator line "__________" or "────", then the items
// "(N) …" / ")N(" / "* …") out of the body and returns the notes with repaired text; the body
// text before and after the block joins up again because the block's lines are dropped.
// In logical order a lone short "* …" line is a footnote too (003 L37).
std::vector<Footnote> LiftFootnotes(std::vector<SourceLine>& lines, TextOrder order);

// Arabic-Indic digits → ASCII ("١٢" → "12"); other characters unchanged.
std::string AsciiDigits(const std::string& text);

}  // namespace sijill::ingest
