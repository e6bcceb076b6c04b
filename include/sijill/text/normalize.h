// Search normalisation: the text a term is made from, for Arabic first (CORPUS.md §2, §5).
//
// NormalizeForSearch() is applied to indexed text and to queries alike, so both sides agree:
//   - ICU NFKC (presentation forms and the lam-alef ligature become plain letters);
//   - extraction fragments of CORPUS.md §2 A13 mapped to their words (تِّجار → اتجار,
//     نظَّمة → منظمة, خدِّرات → مخدرات) and split from the word they are glued to; A12 تراع → نزاع;
//   - harakat U+064B–065F, U+0670, Quranic marks and tatweel U+0640 removed; bidi controls and
//     ZWJ/ZWNJ removed;
//   - أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ ئ → ء (so مسؤول and مسئول agree), Persian ی ک → ي ك;
//   - Arabic-Indic and Persian digits → ASCII (A16);
//   - a space where Arabic letters meet Latin letters or digits (A14, A15).
// Latin letters keep their case: the query parser needs AND/OR/NOT in capitals.
// Display text is never normalised: this is for the index only.
// Thread-safety: all functions are safe to call concurrently.
#pragma once

#include <string>
#include <string_view>

namespace sijill::text {

std::string NormalizeForSearch(std::string_view utf8);

// Only the letter folding of NormalizeForSearch for one word (no NFKC, no fragments, no
// boundaries): cheap, for words that are already tokens.
std::string FoldWord(std::string_view utf8);

// True when the text contains at least one Arabic letter (U+0621–064A, U+0671–06D3).
bool ContainsArabic(std::string_view utf8);

// True for a code point of the Arabic letter ranges above (after folding).
bool IsArabicLetter(char32_t c);

}  // namespace sijill::text
