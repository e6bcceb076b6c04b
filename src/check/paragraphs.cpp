#include "check/paragraphs_internal.h"

namespace sijill::check::internal {

namespace {

bool IsAnnexHeading(std::string_view line) {
  if (!line.starts_with("# ")) return false;
  std::string_view text = line.substr(2);
  return text.starts_with("المرفق") || text.starts_with("Annex") || text.starts_with("ANNEX");
}

// The N of a line "N. ...", or "" when the line is not a numbered paragraph.
std::string_view ParagraphNumber(std::string_view line) {
  size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits == 0 || digits > 6 || line[0] == '0') return {};
  if (line.substr(digits, 2) != ". ") return {};
  return line.substr(0, digits);
}

}  // namespace

ParagraphScan ScanParagraphs(std::string_view body, int body_line) {
  ParagraphScan scan;
  bool annex = false;
  bool fenced = false;
  int line_number = body_line;
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    if (line.starts_with("```") || line.starts_with("~~~")) fenced = !fenced;
    if (!fenced) {
      if (IsAnnexHeading(line)) annex = true;
      std::string_view number = ParagraphNumber(line);
      if (!number.empty()) {
        std::string rest = (annex ? "annex.p" : "p") + std::string(number);
        // docs/repository-format.md: "A number seen a second time ... gets id <slug>.p<N>-dup".
        if (!scan.rests.insert(rest).second) {
          scan.rests.insert(rest + "-dup");
          scan.repeats.push_back({line_number, rest});
        }
      }
    }
    start = end + 1;
    ++line_number;
  }
  return scan;
}

}  // namespace sijill::check::internal
