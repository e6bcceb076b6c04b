// Words whose first letters look like proclitics but are the word's own (وكالة, لجنة, فئة,
// بلدان, فريق): the stemmer stops stripping proclitics when it reaches one of them. Without
// the list "الوكالات" lost و, ك and ال and met every word that ends in ات, while "الوكالة"
// kept its ك: singular and plural never met. Private to the text layer; analyzer.js holds a
// copy (the site's parity test compares them).
#pragma once

#include <span>
#include <string_view>

namespace sijill::text::internal {

// Each word as written (any alef, ة or ى), with no proclitic of its own.
std::span<const std::string_view> RootInitialWords();

}  // namespace sijill::text::internal
