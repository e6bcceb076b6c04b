// UN document symbols and slash numbers as single search tokens (CORPUS.md §5, A15).
//
// A symbol is a run of ASCII letters, digits, '.' and '-' parts joined by '/', with at least two
// parts, not preceded by a letter, digit, '/' or '.': CTOC/COP/WG.4/2011/8, A/RES/64/293,
// E/2002/68/Add.1, and resolution numbers such as 64/293 once NormalizeForSearch has folded
// ٦٤/٢٩٣. Trailing '.' and '-' are not part of it. Arabic letters end it (NormalizeForSearch
// already put a space there), so CTOC/…/Rev.1وترد yields CTOC/…/Rev.1.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sijill::text {

// The symbols in `normalized` text, in order, as written (case kept).
std::vector<std::string> FindSymbols(std::string_view normalized);

// The search keys of one symbol, lower-cased: the whole symbol and every tail of two or more
// parts, so that WG.4/2011/8 and 2011/8 find CTOC/COP/WG.4/2011/8, and 64/293 finds
// A/RES/64/293. Whole symbol first.
std::vector<std::string> SymbolKeys(std::string_view symbol);

// True when `token` as a whole is a symbol (used on query words).
bool IsSymbol(std::string_view token);

}  // namespace sijill::text
