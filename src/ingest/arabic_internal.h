// Matching helpers for Arabic rule text: a normal form that the cue and entity lexicons are
// written in, and a tokeniser. Display text is never normalised; only what rules look at.
#pragma once

#include <string>
#include <vector>

namespace sijill::ingest {

// CORPUS.md §5 "Recommended search normalization": removes tatweel U+0640 and harakat
// U+064B–U+0652, U+0670; folds أ إ آ ٱ to ا and ى to ي; maps Arabic-Indic digits to ASCII;
// turns punctuation and brackets into spaces and collapses spaces. Latin text is lower-cased.
std::string NormalizeForMatch(const std::string& text);

// Splits normalised text on spaces.
std::vector<std::string> Tokens(const std::string& normalized);

// The token with its letters in reverse order (code points, not bytes).
std::string Reversed(const std::string& token);

// True if `token` is `word` with at most one proclitic (و ف ب ل ك) in front.
bool IsWord(const std::string& token, const std::string& word);

}  // namespace sijill::ingest
