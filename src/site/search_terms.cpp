#include "sijill/site/search_terms.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <unordered_map>

#include "sijill/text/aliases.h"
#include "sijill/text/normalize.h"
#include "sijill/text/stem.h"

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

// text::StemArabic of `word`, remembered on this thread: a site's index stems millions of
// words, most of them met before (StemArabic is a pure function). Bounded: forgotten at 2^18.
const std::string& Stem(const std::string& word) {
  thread_local std::unordered_map<std::string, std::string> stems;
  if (auto it = stems.find(word); it != stems.end()) return it->second;
  if (stems.size() >= (size_t{1} << 18)) stems.clear();
  return stems.emplace(word, text::StemArabic(word)).first->second;
}

void Emit(std::string& word, UChar32 first, std::vector<std::string>& out) {
  if (!word.empty() && word.size() <= kMaxWordBytes && !text::IsStopword(word))
    out.push_back(text::IsArabicLetter(static_cast<char32_t>(first)) ? Stem(word) : word);
  word.clear();
}

}  // namespace

std::vector<std::string> SearchTerms(std::string_view input) {
  return SearchTermsOfNormalized(text::NormalizeForSearch(input));
}

std::vector<std::string> SearchTermsOfNormalized(std::string_view normalized) {
  std::vector<std::string> out;
  std::string word;
  UChar32 first = 0;
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
      Emit(word, first, out);
    }
  }
  Emit(word, first, out);
  return out;
}

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
