// A report parsed into addressable paragraphs: what extract, index and site work from.
// Plain values; safe to copy and to share read-only between threads.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sijill/model/report.h"

namespace sijill::markdown {

// Where a paragraph sits. The annex is opened by a level-1 heading starting "المرفق" or "Annex"
// (FORMAT.md); the preamble is a resolution's unnumbered text before its first numbered paragraph.
enum class Part { kPreamble, kMain, kAnnex };

const char* PartName(Part part);  // "preamble", "main", "annex"
inline std::ostream& operator<<(std::ostream& out, Part part) { return out << PartName(part); }

struct Heading {
  int level = 1;     // 1 chapter, 2 section, 3 numbered sub-section, 4 sub-heading
  std::string text;  // as printed, footnote references removed
  int line = 0;      // 1-based line of the file
  Part part = Part::kMain;
};

struct Paragraph {
  // DESIGN.md ⚑ ids: "<slug>.p<N>", "<slug>.annex.p<N>", "<slug>.preamble", "<slug>.annex",
  // "<slug>" (cover, unnumbered text of the main part); a number seen again: "<slug>.p<N>-dup".
  std::string id;
  std::string number;  // "22" as written in the Markdown; "" for unnumbered text
  Part part = Part::kMain;
  std::vector<std::string> heading_path;  // enclosing headings, outermost first
  std::string section;                    // the nearest enclosing heading ("" if none)
  std::string text;      // plain text incl. sub-items; footnote references removed
  std::string markdown;  // the Markdown source lines of the paragraph
  int line = 0;          // 1-based line of the file where it starts
  std::vector<std::string> footnotes;  // texts of the footnotes referenced from it
  bool flagged = false;  // carries "<!-- sijill: order-unverified -->"

  // The id without "<slug>.": "p22", "annex.p15", "preamble" (record file names, DESIGN.md ⚑).
  std::string Rest(const std::string& slug) const;
};

struct Document {
  model::Report report;
  std::vector<Paragraph> paragraphs;  // in document order; unnumbered text merged per id
  std::vector<Heading> headings;      // in document order

  // The paragraph with this id, or nullptr.
  const Paragraph* Find(const std::string& id) const;
};

}  // namespace sijill::markdown
