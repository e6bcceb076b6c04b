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

// The stems of both halves of words the extraction glued together (text::GluedParts:
// الشركاتالتوظيف), stop words dropped, as the server indexes them beside the glued token.
std::vector<std::string> GluedTerms(std::string_view text);

// Paragraphs flagged order-unverified (scrambled by the PDF extraction, CORPUS.md §2 C) also
// carry the 3-grams of their Arabic letters, as the server's XNG terms do: a query word all of
// whose stem's 3-grams are in such a paragraph finds it although the extraction split the word
// (index/query.cpp NgramFallback; analyzer.js fallbackGroups is the query side). Each term is
// kGramMark + the 3 letters, so it cannot collide with a word.
inline constexpr std::string_view kGramMark = "~";
std::vector<std::string> FallbackGrams(std::string_view text);

// The shard file a term is kept in: its first two code points in hex, "634-631" for شرك.
std::string ShardOf(std::string_view term);

// The same three of a text already passed through text::NormalizeForSearch: the site's index
// analyses a paragraph's text for all three, and normalising it once instead of three times was
// ~5 % of a full build.
std::vector<std::string> SearchTermsOfNormalized(std::string_view normalized);
std::vector<std::string> GluedTermsOfNormalized(std::string_view normalized);
std::vector<std::string> FallbackGramsOfNormalized(std::string_view normalized);

}  // namespace sijill::site
