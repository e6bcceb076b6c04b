// Chunk-order symptoms (CORPUS.md §0, §2C): the detectable signs that a line of a visual-order
// extraction is still not in reading order. Used to flag lines in the output
// (`<!-- sijill: order-unverified -->`) and for the quality figures (bench/import-quality).
#pragma once

#include <string>

namespace sijill::ingest {

// `text` is a normalized line (tatweel removed). True when it shows any symptom: sentence
// punctuation at the start, a reversed ")N(" / ")أ(" marker, a paragraph marker "-N" after
// text, a word-final ة or ى glued to the next word, a digit glued to a following letter or a letter
// glued to a digit or Latin text, a reversed month pair "G / S", an orphan prefix token (ال، الا،
// الم، للا، بالا، والا) or a shadda fragment (تِّجار، نظَّمة، خدِّرات) cut off its word.
bool HasScrambleSymptom(const std::string& text);

// True when the raw line (before normalization) has a token starting with tatweel: a chunk
// boundary inside a word (001 L9 "ــاً لمكافحــة"), which no safe rule repairs.
bool HasBrokenChunk(const std::string& raw);

}  // namespace sijill::ingest
