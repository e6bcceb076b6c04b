// The safe line repairs of CORPUS.md §2A. Each rule is one function from a line to a line, so
// each can be tested on the real example lines CORPUS.md cites. None of them drops a letter:
// they delete tatweel (A1) and spaces, move punctuation and reorder whole tokens, and A12
// rewrites the mis-extracted ligature تراع → نزاع. Thread-safe (patterns are compiled once).
#pragma once

#include <string>

namespace sijill::ingest {

// A1: deletes every U+0640 TATWEEL except after a token-initial single letter [هلبك] that is
// followed by a non-letter: "(هـ)", "لـ ١١", "بـ “…”".
std::string RemoveTatweel(const std::string& line);
// A2: collapses runs of spaces and tabs to one space and trims both ends.
std::string CollapseSpaces(const std::string& line);
// A7 (visual order): a line that starts with sentence punctuation [.،؛:] ends with it.
std::string MoveLeadingPunctuation(const std::string& line);
// A8: ")١(" → "(١)", ")أ(" → "(أ)" for footnote numbers and sub-item letters, ")A/63/53 (" →
// "(A/63/53)" for a lone symbol, and a line printed "]…[" becomes "[…]".
std::string FixReversedParentheses(const std::string& line);
// A9: "نوفمبر / تشرين الثاني" → "تشرين الثاني/نوفمبر"; a whole visual cluster
// "٢٠١٣نوفمبر / تشرين الثاني٨" → "٨ تشرين الثاني/نوفمبر ٢٠١٣"; the split "هيوني" is يونيه.
std::string FixMonthPairs(const std::string& line);
// A10: "١٩-١٥" → "١٥-١٩": the hyphen-separated components of an Arabic-Indic number range are
// reversed (never sorted: the SDG target "٢-١٦" becomes "١٦-٢"). Slash numbers are untouched.
std::string FixReversedRanges(const std::string& line);
// A11: "١٥و ١٤" → "١٤ و١٥" and "٨ إلى ٦" → "٦ إلى ٨" when the numbers descend (lists and
// ranges ascend in this corpus).
std::string FixReversedNumberLists(const std::string& line);
// A12: the "نز" ligature extracted as "تر": تراع → نزاع (not after خ, not before ى/ي).
std::string FixNzLigature(const std::string& line);
// A15: a space between a Latin run (symbol, URL) and an Arabic letter glued to it.
std::string SeparateGluedLatin(const std::string& line);
// A17: UN-style country names with a reversed hyphenated part:
// ")البوليفارية-جمهورية (" → "(جمهورية-البوليفارية)".
std::string FixCountryNames(const std::string& line);

// A1 then A2: applied to every line of every file before structure is recognised.
std::string NormalizeLine(const std::string& line);
// The shadda-fragment chunk repair (chunk_order.h), then A12, A8, A17, A10, A11, A9, A15, A7 in that order (ranges before dates, so that a date
// cluster keeps its repaired day range): for the lines of a visual-order file.
std::string RepairVisualLine(const std::string& line);

}  // namespace sijill::ingest
