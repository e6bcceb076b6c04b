// The importer's intermediate model: what the structure stage recognised in a UN text, before
// it is written as Markdown (docs/repository-format.md). Plain values.
#pragma once

#include <string>
#include <vector>

namespace sijill::ingest {

enum class TextOrder {
  kLogical,  // one paragraph per line, markers at the start (seed 003)
  kVisual,   // chunks emitted left to right, markers at the end (seeds 000, 001, 004)
};

// One output line of a block, with the source line it came from.
struct BlockLine {
  enum class Kind { kText, kItem, kBullet, kListItem };  // (أ) item, • bullet, "١-" list entry
  Kind kind = Kind::kText;
  std::string text;
  int source_line = 0;
  // Written before the text: a heading's numeral ("أولاً -", "١-"), a sub-item's letter "(أ)"
  // or a list entry's number "٢-". Kept apart so that the line repairs see only the text.
  std::string label;
  bool order_unverified = false;  // still shows chunk-order symptoms (CORPUS.md §2C)
};

struct Block {
  enum class Kind { kCover, kHeading, kParagraph, kText, kTable };
  Kind kind = Kind::kText;
  int level = 0;           // headings: 1 chapter, 2 section, 3 numbered sub-section, 4 other
  int number = 0;          // numbered paragraphs: the document's own number; 0 = unnumbered
  bool duplicate = false;  // a number seen a second time (000 ¶51)
  bool in_annex = false;   // after the "المرفق" heading; numbering restarts there
  std::vector<BlockLine> lines;
  std::vector<std::vector<std::string>> rows;  // tables: rows[0] is the header
};

struct Footnote {
  std::string label;  // "1", "star" for "*"
  std::string text;
  int source_line = 0;
};

struct Document {
  TextOrder order = TextOrder::kLogical;
  std::vector<Block> blocks;
  std::vector<Footnote> footnotes;
  std::vector<std::string> furniture;  // page headers, footers, undocs lines (A3)
};

}  // namespace sijill::ingest
