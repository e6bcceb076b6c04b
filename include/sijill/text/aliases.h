// Entity aliases and the character n-gram fallback: what the indexer adds beside the words.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sijill::text {

// English names of the entities whose Arabic names `normalized` text mentions, in any of the
// variants CORPUS.md §5 lists (UNODC, ICAT, the Trust Fund, UN.GIFT): e.g. text containing
// مكتب الامم المتحده المعني بالمخدرات والجريمه yields {"unodc"}. Indexing them lets an English
// query, or the abbreviation, find the Arabic text. Each name at most once.
std::vector<std::string> EntityAliases(std::string_view normalized);

// Character 3-grams over the Arabic letters of `normalized` text with everything else removed
// (spaces included), for lines whose word order could not be restored (CORPUS.md §2 C1–C3):
// the letters of a word scattered by the extraction still form most of its 3-grams.
std::vector<std::string> CharTrigrams(std::string_view normalized);

// The two words of every token that looks like two words glued by the extraction (CORPUS.md
// §2 C1: الشركاتالتوظيف): an Arabic token of 8+ letters with ال inside, at least 3 letters before
// it and 5 from it on. Both halves are returned, left then right, for every such token.
// Indexing them beside the token costs little: a real word rarely has ال inside that far.
std::vector<std::string> GluedParts(std::string_view normalized);

}  // namespace sijill::text
