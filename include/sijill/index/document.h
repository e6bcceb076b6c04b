// One unit of search: a report, a paragraph, a recommendation record or a brief, with the
// fields the index needs. Built from repository files by collect.h; turned into a
// Xapian::Document by the Analyzer. Plain values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sijill::index {

struct IndexDoc {
  std::string id;    // DESIGN.md ⚑ id: <slug>, <slug>.p<N>, <slug>.annex.p<N>, <slug>.preamble ...
  std::string kind;  // recommendation | paragraph | report | brief
  std::string file;  // repository path it came from, e.g. "corpus/x.md"
  std::string symbol;
  std::optional<int> paragraph;  // the source paragraph number, when there is one
  std::string title;             // the report's title (for a paragraph: its report's)
  std::string section;           // heading the paragraph sits under
  std::string text;              // display text (Markdown markers removed), used for snippets
  std::string notes;             // the footnotes `text` refers to: indexed, not displayed
  std::string type;
  std::string status;
  std::string modality;
  std::string language = "ar";
  std::string date;  // ISO 8601
  std::vector<std::string> topics;
  std::vector<std::string> addressees;
  std::map<std::string, std::string> summary;  // language -> summary (records)
  bool order_unverified = false;               // CORPUS.md §2 C: index 3-grams as well
};

}  // namespace sijill::index
