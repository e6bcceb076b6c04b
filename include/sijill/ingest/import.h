// `sijill import`: one UN text extraction (UTF-8) → one Markdown report with front matter
// (issue #3; docs/repository-format.md). The stages, one file each: source (input check),
// layout (reading order, furniture, footnotes), line_repair (CORPUS.md §2A), headings and
// assemble (structure), crossref (links, footnote references), cover (front matter),
// symptoms (order-unverified flags), markdown_writer. Pure: no file is read or written here.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "sijill/error.h"
#include "sijill/ingest/document.h"

namespace sijill::ingest {

struct ImportOptions {
  std::string file_name;                    // for messages: "seeds/001.txt"
  std::map<std::string, std::string> meta;  // --meta: front-matter keys and "slug"
};

struct ImportStats {
  TextOrder order = TextOrder::kLogical;
  int lines = 0;                 // non-blank input lines
  int symptom_lines_before = 0;  // non-blank input lines with a chunk-order symptom
  int body_lines = 0;            // output lines of text (headings, paragraphs, cover, cells)
  int symptom_lines_after = 0;   // of which still flagged order-unverified
  int paragraphs = 0;            // numbered paragraphs outside the annex (duplicates included)
  int duplicates = 0;
  int annex_paragraphs = 0;
  int preamble_paragraphs = 0;  // resolutions: unnumbered paragraphs before the first number
  int footnotes = 0;
};

struct ImportResult {
  std::string slug;
  std::string markdown;
  ImportStats stats;
  Problems warnings;  // e.g. a paragraph number seen twice
};

// Throws Error kInvalid (naming file:line:column where it applies) for invalid UTF-8, binary
// or empty input, and for a text without any heading or numbered paragraph.
ImportResult ImportText(std::string_view bytes, const ImportOptions& options);

}  // namespace sijill::ingest
