// The word pairs the light stemmer joins that no affix rule can: broken plurals (ضحايا/ضحية,
// جرائم/جريمة, أطفال/طفل) and a few singulars whose own stem goes astray (امرأة/المرأة).
// stem.cpp turns each pair into "the plural, as left after the proclitics → the singular's
// stem"; site/theme/assets/analyzer.js holds the same list (the site's parity test compares
// them). Private to the text layer; the stem tests read it to check every pair.
#pragma once

#include <span>
#include <string_view>

namespace sijill::text::internal {

// A word as written (any alef, ة or ى; no harakat) and the word whose stem it takes.
struct StemPair {
  std::string_view word;
  std::string_view takes_stem_of;
};

// The whole table, in the order of broken_plurals.cpp.
std::span<const StemPair> BrokenPlurals();

}  // namespace sijill::text::internal
