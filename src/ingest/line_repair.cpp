#include "sijill/ingest/line_repair.h"

#include <string>
#include <vector>

#include "ingest/patterns_internal.h"
#include "ingest/regex_internal.h"
#include "sijill/ingest/chunk_order.h"

namespace sijill::ingest {
namespace {

using internal::Regex;

std::string P(std::initializer_list<std::string> parts) {
  std::string pattern;
  for (const std::string& part : parts) pattern += part;
  return pattern;
}

const std::string kD = internal::kDigit;
const std::string kL = internal::kLetter;

// Arabic-Indic digits to their value; enough for comparing list and range members.
long DigitValue(const std::string& digits) {
  long value = 0;
  for (size_t i = 0; i + 1 < digits.size(); i += 2)  // each ٠-٩ is two bytes: D9 A0..A9
    value = value * 10 + (static_cast<unsigned char>(digits[i + 1]) - 0xA0);
  return value;
}

std::vector<std::string> DigitRuns(const std::string& text) {
  static const Regex kRun(kD + "+");
  std::vector<std::string> runs;
  kRun.ReplaceWith(text, [&](const Regex::Groups& g) {
    runs.push_back(g[0]);
    return g[0];
  });
  return runs;
}

}  // namespace

std::string RemoveTatweel(const std::string& line) {
  // "keep ـ only when it directly follows a token-initial single letter [هلبك] and is followed
  // by a non-letter" (CORPUS.md A1).
  static const Regex kTatweel(P({"(?:(?<=^|[\\s()])([هلبك]))?(\\u0640+)(?=(", kL, "?))"}));
  return kTatweel.ReplaceWith(line, [](const Regex::Groups& g) {
    bool keep = !g[1].empty() && g[3].empty();
    return g[1] + (keep ? g[2] : std::string());
  });
}

std::string CollapseSpaces(const std::string& line) {
  static const Regex kRuns("[ \\t\\u00A0]+");
  static const Regex kEnds("^ | $");
  return kEnds.ReplaceAll(kRuns.ReplaceAll(line, " "), "");
}

std::string MoveLeadingPunctuation(const std::string& line) {
  static const Regex kLeading("^([.\\u060C\\u061B:]+) *(.+)$");
  return kLeading.ReplaceAll(line, "$2$1");
}

std::string FixReversedParentheses(const std::string& line) {
  static const Regex kMarker("\\) ?([\\u0660-\\u06690-9]{1,2}|أ|ب|ج|د|هـ|ه|و|ز|ح|ط|ي) ?\\(");
  // A symbol alone between reversed parentheses: 004:112 ")A/63/53 (" → "(A/63/53)".
  static const Regex kSymbol("\\) ?((?:A|E|S|ST|CTOC)/[A-Za-z0-9./]*[A-Za-z0-9]) ?\\(");
  // A whole line between reversed square brackets: 004:3 "])A/64/L.64( … دون[".
  static const Regex kBracketed("^\\](.*)\\[$");
  std::string out = kSymbol.ReplaceAll(kMarker.ReplaceAll(line, "($1)"), "($1)");
  return out.find_first_of("[]", 1) == out.size() - 1 ? kBracketed.ReplaceAll(out, "[$1]") : out;
}

std::string FixMonthPairs(const std::string& line) {
  const std::string g = P({"(?<!", kL, ")(", internal::kGregorianMonths, ")(?!", kL, ")"});
  const std::string s = P({"(?<!", kL, ")(", internal::kSyriacMonths, ")(?!", kL, ")"});
  auto month = [](const std::string& name) {
    return name == "هيوني" ? std::string("يونيه") : name;
  };
  // The visual cluster "YYYY G / S D(range)" is the logical "D(range) S/G YYYY".
  static const Regex kCluster(P({"(", kD, "{4}) *", g, " */ *", s, " *(", kD,
                                 "{1,2}(?: *(?:-|إلى|و) *", kD, "{1,2})?)(?!", kD, ")"}));
  static const Regex kPair(P({g, " */ *", s}));
  std::string out = kCluster.ReplaceWith(line, [&](const Regex::Groups& m) {
    return m[4] + " " + m[3] + "/" + month(m[2]) + " " + m[1];
  });
  return kPair.ReplaceWith(out, [&](const Regex::Groups& m) { return m[2] + "/" + month(m[1]); });
}

std::string FixReversedRanges(const std::string& line) {
  static const Regex kRange(P({"(?<![\\u0660-\\u0669/,.\\u066B-])(", kD, "+(?:-", kD,
                               "+)+)(?![\\u0660-\\u0669/,\\u066B-])"}));
  return kRange.ReplaceWith(line, [](const Regex::Groups& m) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t dash; (dash = m[1].find('-', start)) != std::string::npos; start = dash + 1)
      parts.push_back(m[1].substr(start, dash - start));
    parts.push_back(m[1].substr(start));
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += (out.empty() ? "" : "-") + *it;
    return out;
  });
}

std::string FixReversedNumberLists(const std::string& line) {
  static const Regex kAnd(
      P({"(?<![\\u0660-\\u0669/])", kD, "+(?: *و *", kD, "+)+(?![\\u0660-\\u0669/])"}));
  static const Regex kTo(
      P({"(?<![\\u0660-\\u0669/])(", kD, "+)( *)إلى( *)(", kD, "+)(?![\\u0660-\\u0669/])"}));
  std::string out = kAnd.ReplaceWith(line, [](const Regex::Groups& m) {
    std::vector<std::string> numbers = DigitRuns(m[0]);
    for (size_t i = 1; i < numbers.size(); ++i)
      if (DigitValue(numbers[i - 1]) <= DigitValue(numbers[i])) return m[0];
    std::string list;
    for (auto it = numbers.rbegin(); it != numbers.rend(); ++it)
      list += (list.empty() ? "" : " و") + *it;
    return list;
  });
  return kTo.ReplaceWith(out, [](const Regex::Groups& m) {
    if (DigitValue(m[1]) <= DigitValue(m[4])) return m[0];
    return m[4] + " إلى " + m[1];
  });
}

std::string FixNzLigature(const std::string& line) {
  static const Regex kNz("(?<!خ)تراع(?![ىي])");
  return kNz.ReplaceAll(line, "نزاع");
}

std::string SeparateGluedLatin(const std::string& line) {
  static const Regex kLatinThenArabic(P({"([A-Za-z0-9])(?=", kL, ")"}));
  static const Regex kArabicThenLatin(P({"(", kL, ")(?=[A-Za-z])"}));
  return kArabicThenLatin.ReplaceAll(kLatinThenArabic.ReplaceAll(line, "$1 "), "$1 ");
}

std::string FixCountryNames(const std::string& line) {
  static const Regex kName(
      "[()] *(البوليفارية|المتعددة القوميات|الإسلامية) *- *(جمهورية|دولة) *[()]");
  return kName.ReplaceAll(line, "($2-$1)");
}

std::string NormalizeLine(const std::string& line) { return CollapseSpaces(RemoveTatweel(line)); }

std::string RepairVisualLine(const std::string& line) {
  std::string out = FixNzLigature(RejoinShaddaFragment(line));
  out = FixReversedParentheses(out);
  out = FixCountryNames(out);
  out = FixReversedRanges(out);
  out = FixReversedNumberLists(out);
  out = FixMonthPairs(out);
  out = SeparateGluedLatin(out);
  return MoveLeadingPunctuation(out);
}

}  // namespace sijill::ingest
