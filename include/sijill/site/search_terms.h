// The terms of the site's offline search (issue 7 item 3), made the same way by this C++ code
// (when the index is built) and by site/theme/assets/analyzer.js (when a visitor searches):
//   text::NormalizeForSearch, then words = runs of Unicode letters, marks, digits and connector
//   punctuation (what Xapian's TermGenerator takes as word characters), lower-cased, words of
//   more than 64 bytes dropped (Xapian's limit), text::IsStopword dropped, Arabic words stemmed
//   with text::StemArabic. So an Arabic word makes the same stem here as the Z term of the
//   server's index (tests/unit/site/search_parity_test.cpp checks both). Latin words are kept
//   whole, unstemmed: the browser has no Snowball, and the corpus is Arabic.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sijill::site {

// The terms of a text, in order, repeats kept (their count is the term frequency).
std::vector<std::string> SearchTerms(std::string_view text);

// The shard file a term is kept in: its first two code points in hex, "634-631" for شرك.
std::string ShardOf(std::string_view term);

}  // namespace sijill::site
