#include "sijill/site/search_terms.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <functional>

#include "sijill/text/aliases.h"
#include "sijill/text/normalize.h"
#include "sijill/text/stem.h"
#include "site/term_ids_internal.h"

namespace sijill::site {

namespace {

constexpr size_t kMaxWordBytes = 64;

bool IsWordChar(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_PC_MASK)) != 0;
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buffer[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), n, 4, c, error);
  if (!error) out.append(buffer, static_cast<size_t>(n));
}

// What a word becomes in the index: a stop word nothing, an Arabic word its stem, any other
// word itself. Remembered per thread in a direct-mapped table: a site's index looks up millions
// of words, few of them distinct (5,400 in 2,000 generated reports), and a std::unordered_map
// lookup per word plus IsStopword's was a third of the word splitting. A word whose slot another
// word took since is worked out again: both are pure functions of the word (whose first code
// point is `first`), so the terms are the same either way.
struct Remembered {
  std::string word;  // "" until used: never a word
  std::string term;
  bool stop = false;
  // The term's id in the TermIds whose serial this is (0: none yet).
  uint64_t serial = 0;
  uint32_t id = 0;
};

Remembered& Lookup(const std::string& word, UChar32 first) {
  constexpr size_t kSlots = size_t{1} << 16;  // ~5.5 MB a thread
  thread_local std::vector<Remembered> slots(kSlots);
  Remembered& slot = slots[std::hash<std::string_view>{}(word) & (kSlots - 1)];
  if (slot.word != word) {
    slot.word = word;
    slot.serial = 0;
    slot.stop = text::IsStopword(word);
    if (slot.stop) slot.term.clear();
    else if (text::IsArabicLetter(static_cast<char32_t>(first))) slot.term = text::StemArabic(word);
    else slot.term = word;
  }
  return slot;
}

// The term of a remembered word as an id of `ids`, remembered too: a word's id is asked of
// `ids` (under its lock) only the first time this thread meets the word in this index.
uint32_t IdOf(Remembered& remembered, internal::TermIds& ids) {
  if (remembered.serial != ids.serial()) {
    remembered.id = ids.Id(remembered.term);
    remembered.serial = ids.serial();
  }
  return remembered.id;
}

// Calls `emit(remembered)` for each word of `normalized` that makes a term, in order.
template <typename Emit>
void ForEachWord(std::string_view normalized, Emit&& emit) {
  std::string word;
  UChar32 first = 0;
  auto done = [&] {
    if (!word.empty() && word.size() <= kMaxWordBytes) {
      Remembered& remembered = Lookup(word, first);
      if (!remembered.stop) emit(remembered);
    }
    word.clear();
  };
  const auto* s = reinterpret_cast<const uint8_t*>(normalized.data());
  int32_t length = static_cast<int32_t>(normalized.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && IsWordChar(c)) {
      // Single code point lower-casing, as the browser's toLowerCase does for one letter.
      UChar32 lower = u_tolower(c);
      if (word.empty()) first = lower;
      AppendUtf8(word, lower);
    } else {
      done();
    }
  }
  done();
}

}  // namespace

std::vector<std::string> SearchTerms(std::string_view input) {
  return SearchTermsOfNormalized(text::NormalizeForSearch(input));
}

std::vector<std::string> SearchTermsOfNormalized(std::string_view normalized) {
  std::vector<std::string> out;
  ForEachWord(normalized, [&out](const Remembered& remembered) { out.push_back(remembered.term); });
  return out;
}

namespace internal {

void AppendSearchTermIds(std::string_view normalized, TermIds& ids, std::vector<uint32_t>& out) {
  ForEachWord(normalized, [&](Remembered& remembered) { out.push_back(IdOf(remembered, ids)); });
}

// As GluedTermsOfNormalized: every part is a run of Arabic letters, so what Lookup makes of it
// (nothing for a stop word, else its stem) is what IsStopword and StemArabic make of it there.
void AppendGluedTermIds(std::string_view normalized, TermIds& ids, std::vector<uint32_t>& out) {
  for (const std::string& part : text::GluedParts(normalized)) {
    if (part.empty()) continue;
    UChar32 first;
    const auto* s = reinterpret_cast<const uint8_t*>(part.data());
    int32_t i = 0;
    U8_NEXT(s, i, static_cast<int32_t>(part.size()), first);
    Remembered& remembered = Lookup(part, first);
    if (!remembered.stop) out.push_back(IdOf(remembered, ids));
  }
}

}  // namespace internal

std::vector<std::string> GluedTerms(std::string_view text) {
  return GluedTermsOfNormalized(text::NormalizeForSearch(text));
}

std::vector<std::string> GluedTermsOfNormalized(std::string_view normalized) {
  std::vector<std::string> out;
  for (const std::string& part : text::GluedParts(normalized))
    if (!text::IsStopword(part)) out.push_back(text::StemArabic(part));
  return out;
}

std::vector<std::string> FallbackGrams(std::string_view text) {
  return FallbackGramsOfNormalized(text::NormalizeForSearch(text));
}

std::vector<std::string> FallbackGramsOfNormalized(std::string_view normalized) {
  std::vector<std::string> out;
  for (const std::string& gram : text::CharTrigrams(normalized))
    out.push_back(std::string(kGramMark) + gram);
  return out;
}

std::string ShardOf(std::string_view term) {
  std::string out;
  const auto* s = reinterpret_cast<const uint8_t*>(term.data());
  int32_t length = static_cast<int32_t>(term.size());
  int taken = 0;
  for (int32_t i = 0; i < length && taken < 2; ++taken) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%s%x", taken ? "-" : "", static_cast<unsigned>(c));
    out += buffer;
  }
  return out;
}

}  // namespace sijill::site
