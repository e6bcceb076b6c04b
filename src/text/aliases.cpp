#include "sijill/text/aliases.h"

#include "sijill/text/normalize.h"
#include "text/unicode_internal.h"

namespace sijill::text {

namespace {

struct Alias {
  const char* name;
  std::vector<const char*> phrases;  // folded as NormalizeForSearch folds them
};

// CORPUS.md §5 "Entity aliases the indexer should fold together".
const std::vector<Alias>& Aliases() {
  static const std::vector<Alias> kAliases = {
      {"unodc",
       {"المعني بالمخدرات والجريمه", "مكتب المخدرات والجريمه", "المعني بالجريمه والمخدرات",
        "unodc"}},
      {"icat",
       {"التنسيق المشترك بين الوكالات", "المشترك بين الوكالات المعني بالتنسيق",
        "المشترك بين الوكالات للتنسيق", "icat"}},
      {"trust fund",
       {"الصندوق الاستءماني", "المتحده الاستءماني", "المتحده الاستثماري للتبرعات"}},
      {"ungift", {"المبادره العالميه لمكافحه الاتجار", "مبادره الامم المتحده العالميه", "un.gift"}},
  };
  return kAliases;
}

// Lower-cases ASCII and collapses runs of spaces, so phrases match across stretched spacing.
std::string Canonical(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> EntityAliases(std::string_view normalized) {
  std::string text = Canonical(normalized);
  std::vector<std::string> names;
  for (const Alias& alias : Aliases()) {
    for (const char* phrase : alias.phrases) {
      if (text.find(phrase) != std::string::npos) {
        names.emplace_back(alias.name);
        break;
      }
    }
  }
  return names;
}

std::vector<std::string> CharTrigrams(std::string_view normalized) {
  std::u32string letters;
  for (char32_t c : internal::ToUtf32(normalized))
    if (IsArabicLetter(c)) letters.push_back(c);
  std::vector<std::string> grams;
  for (size_t i = 0; i + 3 <= letters.size(); ++i)
    grams.push_back(internal::ToUtf8(std::u32string_view(letters).substr(i, 3)));
  return grams;
}

std::vector<std::string> GluedParts(std::string_view normalized) {
  std::vector<std::string> parts;
  std::u32string text = internal::ToUtf32(normalized);
  for (size_t begin = 0; begin < text.size();) {
    while (begin < text.size() && !IsArabicLetter(text[begin])) ++begin;
    size_t end = begin;
    while (end < text.size() && IsArabicLetter(text[end])) ++end;
    std::u32string_view word = std::u32string_view(text).substr(begin, end - begin);
    for (size_t i = 3; word.size() >= 8 && i + 5 <= word.size(); ++i) {
      if (word[i] == U'ا' && word[i + 1] == U'ل') {
        parts.push_back(internal::ToUtf8(word.substr(0, i)));
        parts.push_back(internal::ToUtf8(word.substr(i)));
        break;
      }
    }
    begin = end;
  }
  return parts;
}

}  // namespace sijill::text
