// Overrides for paragraphs whose text is too damaged for any rule (CORPUS.md §2 C3/C4).
// Keyed by record id; each entry says why. Only for damaged lines, never to paper over a rule.
#pragma once

#include "sijill/ingest/extract.h"

namespace sijill::ingest {

// Applies the override for record.record.id, if any; returns whether one was applied.
bool ApplyOverride(ExtractedRecord& record);

}  // namespace sijill::ingest
