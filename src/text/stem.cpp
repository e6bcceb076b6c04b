#include "sijill/text/stem.h"

#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "sijill/text/normalize.h"
#include "text/broken_plurals_internal.h"
#include "text/root_initial_internal.h"
#include "text/unicode_internal.h"

namespace sijill::text {

namespace {

bool StartsWith(const std::u32string& w, std::u32string_view p) {
  return w.size() >= p.size() && w.compare(0, p.size(), p.data(), p.size()) == 0;
}

bool EndsWith(const std::u32string& w, std::u32string_view s) {
  return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s.data(), s.size()) == 0;
}

// One proclitic step; false when nothing more can be stripped.
bool StripOneProclitic(std::u32string& w) {
  if (StartsWith(w, U"لل") && w.size() >= 4) {  // ل + ال with the alef elided: للدول
    w.erase(0, 2);
    return true;
  }
  if (StartsWith(w, U"ال") && w.size() >= 4) {
    w.erase(0, 2);
    return true;
  }
  if (w.empty()) return false;
  char32_t first = w[0];
  size_t rest = w.size() - 1;
  bool conjunction = first == U'و' || first == U'ف' || first == U'ل';
  bool preposition = first == U'ب' || first == U'ك';
  if ((conjunction && rest >= 3) || (preposition && rest >= 4)) {
    w.erase(0, 1);
    return true;
  }
  return false;
}

// root_initial.cpp's words, folded: proclitic stripping stops at them.
bool IsRootInitial(const std::u32string& w) {
  static const std::unordered_set<std::u32string> kWords = [] {
    std::unordered_set<std::u32string> out;
    for (std::string_view word : internal::RootInitialWords())
      out.insert(internal::ToUtf32(FoldWord(word)));
    return out;
  }();
  return kWords.count(w) > 0;
}

// Every proclitic, one at a time, until a word of root_initial.cpp is left.
void StripProclitics(std::u32string& w) {
  while (!IsRootInitial(w) && StripOneProclitic(w)) {
  }
}

constexpr std::array<std::u32string_view, 4> kPronouns = {U"هما", U"ها", U"هم", U"كم"};
constexpr std::array<std::u32string_view, 8> kSuffixes = {U"ان", U"ات", U"ون", U"ين",
                                                          U"يه", U"ه",  U"ي",  U"ا"};

bool StripOneSuffix(std::u32string& w) {
  for (std::u32string_view s : kPronouns) {
    if (EndsWith(w, s) && w.size() - s.size() >= 3) {
      w.erase(w.size() - s.size());
      // A ة written ت before the pronoun: مكافحتها → مكافحت → مكافح, as مكافحة → مكافح.
      if (w.size() >= 4 && w.back() == U'ت') w.pop_back();
      return true;
    }
  }
  for (std::u32string_view s : kSuffixes) {
    // A final ا is mostly the carrier of the accusative tanwin: قانوناً → قانونا → قانون.
    if (EndsWith(w, s) && w.size() - s.size() >= 3) {
      w.erase(w.size() - s.size());
      return true;
    }
  }
  return false;
}

// The stem by affixes alone: proclitics, then suffixes.
std::u32string AffixStem(std::u32string w) {
  StripProclitics(w);
  while (StripOneSuffix(w)) {
  }
  return w;
}

// broken_plurals.cpp's pairs as "the word left after the proclitics → the stem it takes".
std::unordered_map<std::u32string, std::u32string> MakeTakenStems() {
  std::unordered_map<std::u32string, std::u32string> out;
  for (const internal::StemPair& pair : internal::BrokenPlurals()) {
    std::u32string word = internal::ToUtf32(FoldWord(pair.word));
    StripProclitics(word);
    out.emplace(word, AffixStem(internal::ToUtf32(FoldWord(pair.takes_stem_of))));
  }
  return out;
}

const std::unordered_map<std::u32string, std::u32string>& TakenStems() {
  static const std::unordered_map<std::u32string, std::u32string> table = MakeTakenStems();
  return table;
}

// The imperfect of a form III verb (يعاقب, يشارك, يكافح) and the passive of a hollow one
// (يتاح, يراعى) differ from their verbal noun or participle (معاقبة, مشاركة, مكافحة, متاح,
// مراعاة) only in the first letter: ي C ا C(C) becomes م C ا C(C). Only ي: a ت there is as
// often the verbal noun of form VI (تعاون, تبادل), which must stay apart.
void JoinImperfectToVerbalNoun(std::u32string& w) {
  if ((w.size() == 4 || w.size() == 5) && w[0] == U'ي' && w[2] == U'ا') w[0] = U'م';
}

}  // namespace

std::string StemArabic(std::string_view folded_word) {
  std::u32string w = internal::ToUtf32(folded_word);
  if (w.size() <= 3 || !IsArabicLetter(w[0])) return std::string(folded_word);
  StripProclitics(w);
  // A listed plural is looked up as it stands and again after each suffix (ضحاياهم → ضحايا).
  const auto& taken = TakenStems();
  do {
    if (auto it = taken.find(w); it != taken.end()) return internal::ToUtf8(it->second);
  } while (StripOneSuffix(w));
  JoinImperfectToVerbalNoun(w);
  return internal::ToUtf8(w);
}

bool IsStopword(std::string_view word) {
  static const std::unordered_set<std::string_view> kStopwords = {
      // Arabic, folded (ى→ي, أ→ا): particles, prepositions, pronouns, demonstratives.
      "في", "من", "الي", "علي", "عن", "ان", "او", "ام", "ثم", "و", "ف", "ب", "ل", "ك", "هذا",
      "هذه", "ذلك", "تلك", "هولاء", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللاتي", "كما",
      "مع", "بين", "قد", "لقد", "لا", "ما", "لم", "لن", "هو", "هي", "هم", "هما", "نحن", "كان",
      "كانت", "يكون", "تكون", "ايضا", "كل", "بعض", "عند", "حتي", "اذا", "اذ", "لدي", "منذ",
      "حيث", "وقد", "وفي", "ومن", "وعلي", "والي", "وهو", "وهي", "وان", "وهذا", "وهذه", "وذلك",
      "فيه", "فيها", "منه", "منها", "عليه", "عليها", "اليه", "به", "بها", "له", "لها", "لهم",
      "انه", "انها", "الا", "غير", "وما", "بما", "مما", "عما", "فيما", "كذلك", "لدي", "اي",
      "ولا", "الذي", "وكان", "سوف", "لكن", "ولكن", "بل", "اما", "وان", "تم", "ذات",
      // "Especially": بخاصة would reach خاص (private, special: "القطاع الخاص", "المقرر الخاص")
      // and every text naming the Protocol ("وبخاصة النساء والأطفال") would match those.
      "بخاصه", "وبخاصه", "خصوصا", "وخصوصا", "سيما", "لاسيما", "ولاسيما",
      // CORPUS.md §2 A13: orphan prefix tokens left by shadda clusters.
      "ال", "الم", "للا", "بالا", "والا",
      // English.
      "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in",
      "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "which",
      "with"};
  return kStopwords.count(word) > 0;
}

}  // namespace sijill::text
