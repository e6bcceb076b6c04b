// Heading recognition (CORPUS.md §B). Chapters are numbered أولاً… (level 1), sections ألف…
// (level 2); the annex heading "المرفق" opens the annex. Visual-order files print them as
// "TITLE  -NUMERAL"; logical ones as "NUMERAL - TITLE". The few headings whose chunks are
// reversed are repaired by an exact map of the fixed heading inventory, because a rule
// cannot tell which chunk goes first.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "sijill/ingest/document.h"

namespace sijill::ingest {

struct Heading {
  int level = 1;
  std::string label;  // "أولاً -", "ألف -"; empty for the annex heading
  std::string title;  // "مقدِّمة" (repaired by the inventory when it was scrambled)
  bool annex = false;
  // "أولاً - مقدِّمة": numeral first, as printed in logical order.
  std::string Text() const { return label.empty() ? title : label + " " + title; }
};

// `text` is a normalized line (NormalizeLine). Returns nothing for ordinary lines.
std::optional<Heading> MatchHeading(const std::string& text, TextOrder order);

// The exact map for scrambled heading titles ("مةمقدِّ" → "مقدِّمة"); returns `title`
// unchanged when it is not in the inventory. Every entry is a permutation of the same letters.
std::string RepairHeadingTitle(const std::string& title);
// The inventory itself (scrambled → repaired), for tests.
const std::map<std::string, std::string>& HeadingInventory();

}  // namespace sijill::ingest
