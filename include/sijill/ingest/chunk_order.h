// The one chunk-order repair (CORPUS.md C1) that is made by rule: a shadda cluster cut off its
// word (A13: "تِّجار", "نظَّمة", "خدِّرات") marks a chunk boundary, and the orphan prefix it belongs to
// ("الا", "الم") ends the chunk that logically precedes it. A visual line
// "A FRAGMENT B…PREFIX" then reads "B…PREFIX+FRAGMENT A" in logical order
// (000:8 "بالأشخاص، تِّجاربروتوكول منع وقمع ومعاقبة الا" →
// "بروتوكول منع وقمع ومعاقبة الاتِّجار بالأشخاص،").
// Applied only when both sides look like single chunks (no digits, no full stop inside, no
// leading punctuation, no one-letter word, no other symptom) and the rejoined word is followed
// by a word that follows it in running text ("الاتِّجار بالأشخاص") or ends the line. Otherwise
// the line is unchanged (and stays flagged). Only whole words move: no letter is added or lost.
#pragma once

#include <string>

namespace sijill::ingest {

// `line` is a normalized visual-order line without its paragraph marker.
std::string RejoinShaddaFragment(const std::string& line);

}  // namespace sijill::ingest
