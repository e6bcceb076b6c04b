#include "sijill/text/normalize.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "sijill/error.h"
#include "sijill/text/utf8.h"
#include "text/unicode_internal.h"

namespace sijill::text {

namespace internal {

std::u32string ToUtf32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

void AppendUtf8(std::string& out, char32_t c) {
  uint8_t buffer[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buffer, n, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(reinterpret_cast<const char*>(buffer), n);
}

std::string ToUtf8(std::u32string_view utf32) {
  std::string out;
  out.reserve(utf32.size() * 2);
  for (char32_t c : utf32) AppendUtf8(out, c);
  return out;
}

}  // namespace internal

namespace {

using internal::IsAsciiAlnum;

constexpr char32_t kTatweel = U'\u0640';
constexpr char32_t kShadda = U'\u0651';

bool IsArabicMark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED);
}

bool IsInvisibleControl(char32_t c) {
  return c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

// One code point of the letter folding; 0 drops it.
char32_t FoldChar(char32_t c) {
  if (c == kTatweel || IsArabicMark(c) || IsInvisibleControl(c)) return 0;
  switch (c) {
    case U'أ': case U'إ': case U'آ': case U'ٱ': return U'ا';
    case U'ى': case U'ی': return U'ي';
    case U'ة': return U'ه';
    case U'ؤ': case U'ئ': return U'ء';
    case U'ک': return U'ك';
    case U'٪': return U'%';
    default: break;
  }
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  return c;
}

}  // namespace

namespace internal {

std::u32string Nfkc(std::string_view utf8, bool quick_check) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw Error(Error::Kind::kInternal, "ICU NFKC is unavailable");
  // Nearly all text is NFKC already: ICU's check on the UTF-8 itself (a "maybe" resolved by
  // ICU, so true only when normalising would change nothing) spares the round trip through
  // UTF-16, ~a third of the search index's analysis. Valid UTF-8 only: ill-formed bytes keep
  // going through fromUTF8's substitution below.
  if (quick_check && IsValidUtf8(utf8)) {
    UErrorCode check = U_ZERO_ERROR;
    bool normalized = nfkc->isNormalizedUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), check);
    if (U_SUCCESS(check) && normalized) return ToUtf32(utf8);
  }
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString result = nfkc->normalize(source, status);
  if (U_FAILURE(status)) return ToUtf32(utf8);
  std::string out;
  result.toUTF8String(out);
  return ToUtf32(out);
}

}  // namespace internal

namespace {

// A fragment of CORPUS.md §2 A13: `head` + marks containing a shadda + `tail`, standing at the
// start of a token (the intact word الاتِّجار contains the same letters after ا).
struct Fragment {
  std::u32string_view head;
  std::u32string_view tail;
  std::u32string_view word;
};
constexpr Fragment kFragments[] = {
    {U"ت", U"جار", U"اتجار"},
    {U"نظ", U"مة", U"منظمة"},
    {U"نظ", U"مه", U"منظمة"},
    {U"خد", U"رات", U"مخدرات"},
};

bool StartsAt(const std::u32string& s, size_t i, std::u32string_view what) {
  return s.compare(i, what.size(), what.data(), what.size()) == 0;
}

// Length of the fragment starting at i, or 0.
size_t MatchFragment(const std::u32string& s, size_t i, const Fragment& f) {
  if (!StartsAt(s, i, f.head)) return 0;
  size_t j = i + f.head.size();
  bool shadda = false;
  while (j < s.size() && IsArabicMark(s[j])) shadda |= s[j++] == kShadda;
  if (!shadda || !StartsAt(s, j, f.tail)) return 0;
  return j + f.tail.size() - i;
}

// A13: maps fragments to their words and splits them from a glued following word.
std::u32string MapFragments(const std::u32string& s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    bool at_token_start = i == 0 || !(IsArabicLetter(s[i - 1]) || IsArabicMark(s[i - 1]));
    size_t length = 0;
    const Fragment* hit = nullptr;
    for (const Fragment& f : kFragments) {
      if (at_token_start && (length = MatchFragment(s, i, f))) {
        hit = &f;
        break;
      }
    }
    if (!hit) {
      out.push_back(s[i++]);
      continue;
    }
    out.append(hit->word);
    i += length;
    if (i < s.size() && IsArabicLetter(s[i])) out.push_back(U' ');
  }
  return out;
}

// A12: the ligature نز mis-extracted as تر, guarded as CORPUS.md says: (?<!خ)تراع(?![ىي]).
void RepairNzLigature(std::u32string& s) {
  for (size_t i = 0; (i = s.find(U"تراع", i)) != std::u32string::npos; i += 4) {
    bool after_kha = i > 0 && s[i - 1] == U'خ';
    bool before_ya = i + 4 < s.size() && (s[i + 4] == U'ي' || s[i + 4] == U'ى');
    if (!after_kha && !before_ya) s.replace(i, 2, U"نز");
  }
}

bool NeedsBoundary(char32_t before, char32_t after) {
  return (IsArabicLetter(before) && IsAsciiAlnum(after)) ||
         (IsAsciiAlnum(before) && IsArabicLetter(after));
}

}  // namespace

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) ||
         (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5;
}

std::string NormalizeForSearch(std::string_view utf8) {
  std::u32string s = internal::Nfkc(utf8, true);
  // Tatweel dropped and fragments mapped in place of two copies of the text: most text has no
  // tatweel, and a fragment needs a shadda (MatchFragment), which most text has none of either.
  bool tatweel = false, shadda = false;
  for (char32_t c : s) tatweel |= c == kTatweel, shadda |= c == kShadda;
  if (tatweel) s.erase(std::remove(s.begin(), s.end(), kTatweel), s.end());
  if (shadda) s = MapFragments(s);
  std::u32string folded;
  folded.reserve(s.size() + 8);
  for (char32_t c : s) {
    char32_t f = FoldChar(c);
    if (!f) continue;
    if (!folded.empty() && NeedsBoundary(folded.back(), f)) folded.push_back(U' ');
    folded.push_back(f);
  }
  RepairNzLigature(folded);
  return internal::ToUtf8(folded);
}

std::string FoldWord(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (char32_t c : internal::ToUtf32(utf8))
    if (char32_t f = FoldChar(c)) internal::AppendUtf8(out, f);
  return out;
}

bool ContainsArabic(std::string_view utf8) {
  for (char32_t c : internal::ToUtf32(utf8))
    if (IsArabicLetter(c)) return true;
  return false;
}

}  // namespace sijill::text
