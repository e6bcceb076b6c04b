// The last stage of `sijill import`: a report as Markdown with YAML front matter, in the format
// of docs/repository-format.md (headings #…####, numbered paragraphs as "N. " list items with
// the document's own numbers, sub-items and bullets inside them, GFM footnotes at the end, the
// document list as a pipe table, flagged lines ending in "<!-- sijill: order-unverified -->").
#pragma once

#include <string>

#include "sijill/ingest/cover.h"
#include "sijill/ingest/document.h"

namespace sijill::ingest {

inline constexpr const char* kOrderUnverified = "<!-- sijill: order-unverified -->";

// Block and footnote texts must already be repaired, escaped and linked.
std::string WriteMarkdown(const ImportedMeta& meta, const Document& document);

// The front matter alone, "---\n…---\n".
std::string WriteFrontMatter(const ImportedMeta& meta);

}  // namespace sijill::ingest
