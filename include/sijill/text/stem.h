// A light Arabic stemmer for search (after Larkey's light10), and the stop words of the index.
//
// Input is one word already folded by NormalizeForSearch/FoldWord (no harakat, ا for every
// alef, ي for ى, ه for ة, ASCII digits). The stemmer
//   - strips proclitics one at a time: ال, لل (ل+ال), then the one-letter و ف ل (when at least
//     three letters remain) and ب ك (when at least four remain), repeating, so that
//     والشركات, بالشركات, للشركات and الشركات all reach شركات; this closes Snowball's gaps
//     (و before ال, the ل prefix); it stops at a word whose first letters are its own
//     (src/text/root_initial.cpp: وكالة, لجنة, بلدان), so الوكالات keeps its و and ك;
//   - strips suffixes ها هم هما كم ان ات ون ين يه ه ي ا while at least three letters remain,
//     and the ت that a ة becomes before a pronoun (مكافحتها → مكافح, like مكافحة);
//   - after the proclitics and after each suffix, looks the word up in a small table of broken
//     plurals (src/text/broken_plurals.cpp: ضحايا → the stem of ضحية, جرائم → جريمة,
//     أطفال → طفل), which no affix rule can join to their singulars;
//   - turns a stem ي C ا C(C) into م C ا C(C), so the imperfect of a form III verb and the
//     passive of a hollow one meet their verbal noun or participle (يعاقب/معاقبة, يتاح/متاح);
//   - leaves words of three letters or fewer alone.
// Every guard depends only on the letters that remain, never on what was stripped before, so a
// word and any prefixed form of it always reach the same stem: that consistency is what recall
// needs, even where the stem is not a linguistic root.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace sijill::text {

// The stem of one folded Arabic word (UTF-8). Words that are not Arabic come back unchanged.
std::string StemArabic(std::string_view folded_word);

// Arabic (folded) and English stop words, plus the orphan prefix tokens of CORPUS.md §2 A13
// (ال, الا, الم, للا, بالا, والا) that only the extraction damage produced.
bool IsStopword(std::string_view folded_lowercase_word);

}  // namespace sijill::text
