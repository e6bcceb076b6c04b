#include "sijill/ingest/chunk_order.h"

#include <vector>

#include "ingest/regex_internal.h"
#include "sijill/ingest/line_repair.h"
#include "sijill/ingest/symptoms.h"

namespace sijill::ingest {
namespace {

using internal::Regex;

struct Fragment {
  const char* text;
  std::vector<std::string> prefixes;   // the orphan tokens it completes
  std::vector<std::string> followers;  // words that follow the whole word in this corpus
};

const std::vector<Fragment>& Fragments() {
  static const std::vector<Fragment> kFragments = {
      {"تِّجار", {"الا", "بالا", "للا", "والا", "فالا"}, {"بالأشخاص", "بالبشر", "بهم", "بها"}},
      {"نظَّمة", {"الم", "بالم", "للم", "والم"}, {"عبر"}},
      {"خدِّرات", {"الم", "بالم", "للم", "والم"}, {"والجريمة"}},
  };
  return kFragments;
}

// The rejoined word must be followed by a word that follows it in running text (or end the
// line): "الاتِّجار بالأشخاص". A line whose other side starts elsewhere ("الاتِّجار التقرير …",
// 000:217) had more chunks than the rule can see, so it is left alone.
bool FollowsNaturally(const Fragment& fragment, const std::string& after) {
  if (after.empty()) return true;
  std::string first = after.substr(0, after.find(' '));
  static const Regex kTrailing("[.\\u060C\\u061B:\"]+$");
  first = kTrailing.ReplaceAll(first, "");
  for (const std::string& follower : fragment.followers)
    if (first == follower) return true;
  return false;
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// A side that could be one chunk of a visual line: nothing that betrays more reordering.
bool LooksLikeOneChunk(const std::string& side) {
  static const Regex kSuspect(
      "[\\u0660-\\u06690-9]"                              // digits: dates and ranges move apart
      "|\\.\\s"                                           // a sentence ends inside
      "|^[.\\u060C\\u061B:)(]"                            // punctuation first (A7)
      "|(?:^|\\s)[\\u0621-\\u064A][.\\u060C\\u061B:]?(?:\\s|$)");  // a one-letter word
  if (side.empty()) return true;
  return !kSuspect.Search(side) && !HasScrambleSymptom(side);
}

std::string Join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + " " + b;
}

}  // namespace

std::string RejoinShaddaFragment(const std::string& line) {
  for (const Fragment& fragment : Fragments()) {
    const std::string part = fragment.text;
    if (Count(line, part) != 1) continue;
    size_t at = line.find(part);
    std::string after = CollapseSpaces(line.substr(0, at));  // A: logically after the fragment
    std::string before = CollapseSpaces(line.substr(at + part.size()));  // B…PREFIX
    size_t last_space = before.rfind(' ');
    std::string prefix = last_space == std::string::npos ? before : before.substr(last_space + 1);
    std::string head = last_space == std::string::npos ? "" : before.substr(0, last_space);
    bool completes = false;
    for (const std::string& candidate : fragment.prefixes) completes |= prefix == candidate;
    if (!completes || !FollowsNaturally(fragment, after) || !LooksLikeOneChunk(after) ||
        !LooksLikeOneChunk(head))
      continue;
    return Join(Join(head, prefix + part), after);
  }
  return line;
}

}  // namespace sijill::ingest
