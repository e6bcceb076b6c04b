// Structure rules shared by the parser and the HTML renderer, so that the anchors the site
// prints and the ids the records carry cannot drift apart (DESIGN.md ⚑ ids and anchors).
#pragma once

#include <cmark-gfm.h>

#include <map>
#include <string>
#include <vector>

namespace sijill::markdown {

std::vector<std::string> SplitLines(const std::string& text);

// FORMAT.md: "A level-1 heading whose text starts with "المرفق" (or "Annex") opens the ANNEX".
bool OpensAnnex(int level, const std::string& text);

// The number written in an ordered-list item's own marker ("51" in "51. …"). cmark renumbers
// the items of one list, so a repeated number (000 ¶51) is only visible in the source.
std::string ItemNumber(cmark_node* item, const std::vector<std::string>& lines);

// Hands out paragraph keys: "p<N>" / "annex.p<N>", then "-dup", "-dup3", ... for repeats
// (FORMAT.md: "A number seen a second time ... gets id <slug>.p<N>-dup").
class NumberKeys {
 public:
  // Returns the key and whether the number was seen before in that part.
  std::pair<std::string, bool> Next(const std::string& number, bool annex);

 private:
  std::map<std::string, int> seen_;
};

}  // namespace sijill::markdown
