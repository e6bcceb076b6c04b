#include "sijill/ingest/symptoms.h"

#include "ingest/patterns_internal.h"
#include "ingest/regex_internal.h"

namespace sijill::ingest {

using internal::Regex;

bool HasScrambleSymptom(const std::string& text) {
  static const Regex kSymptom(
      std::string(
          "^[.\\u060C\\u061B:]"                                  // A7
          "|\\) ?[\\u0660-\\u06690-9\\u0621-\\u064A]{1,2} ?\\("  // A8
          "|\\S.*\\s-\\s?[\\u0660-\\u0669]{1,3}(?:\\s|$)"        // A6
          "|[\\u0660-\\u0669][\\u0621-\\u064A]"                  // A14
          "|[\\u0629\\u0649][\\u0621-\\u064A]"  // word-final ة/ى glued to a word: "وتنميةالمساعدة"
          "|[\\u0621-\\u064A&&[^\\u0648\\u0628\\u0644]][\\u0660-\\u0669]"
          "|[\\u0621-\\u064A][A-Za-z]|[A-Za-z0-9][\\u0621-\\u064A]"  // A15
          "|(?<![\\u0621-\\u064A])") +
      internal::kGregorianMonths + " ?/ ?" + internal::kSyriacMonths +  // A9
      "|(?:^|\\s)(?:ال|الا|الم|للا|بالا|والا)(?=\\s|$)"                 // A13
      "|(?:^|\\s)(?:تِّجار|نظَّمة|خدِّرات)|(?:تِّجار|نظَّمة|خدِّرات)(?=[\\u0621-\\u064A])");
  return kSymptom.Search(text);
}

bool HasBrokenChunk(const std::string& raw) {
  static const Regex kTatweelStart("(?:^|\\s)\\u0640");
  return kTatweelStart.Search(raw);
}

}  // namespace sijill::ingest
