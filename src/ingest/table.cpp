#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "ingest/regex_internal.h"
#include "ingest/table_internal.h"
#include "sijill/ingest/line_repair.h"

namespace sijill::ingest::internal {
namespace {

const std::vector<std::string> kStandardHeader = {"بند جدول الأعمال", "رمز الوثيقة",
                                                  "العنوان أو الوصف"};

std::vector<std::string> Header(const std::vector<BlockLine>& lines) {
  std::string printed;
  for (const BlockLine& line : lines) printed += line.text;
  std::string standard;
  for (const std::string& cell : kStandardHeader) standard += cell;
  if (SortedLetters(printed) == SortedLetters(standard)) return kStandardHeader;
  std::vector<std::string> header;
  for (const BlockLine& line : lines) header.push_back(line.text);
  header.resize(3);
  return header;
}

}  // namespace

std::u32string SortedLetters(const std::string& text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  std::u32string letters;
  for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) {
    UChar32 c = unicode.char32At(i);
    if (u_isalpha(c) && c != 0x0640) letters += static_cast<char32_t>(c);
  }
  std::sort(letters.begin(), letters.end());
  return letters;
}

Block BuildDocumentTable(const std::vector<BlockLine>& lines) {
  static const Regex kRow("^((?:CTOC|A|E|S)/\\S+) (.*)$");
  static const Regex kItem(
      "^(.*?) ?((?:\\) ?[\\u0621-\\u064A]{1,2} ?\\( ?)?[\\u0660-\\u0669]{1,2})$");
  Block table;
  table.kind = Block::Kind::kTable;
  table.in_annex = true;
  size_t first_row = 0;
  while (first_row < lines.size() && !kRow.Search(lines[first_row].text)) ++first_row;
  table.rows.push_back(Header({lines.begin(), lines.begin() + first_row}));
  for (size_t i = first_row; i < lines.size(); ++i) {
    Regex::Groups row = kRow.First(lines[i].text);
    if (row.empty()) {
      table.rows.back()[2] += " " + RepairVisualLine(lines[i].text);
      continue;
    }
    Regex::Groups item = kItem.First(row[2]);
    std::string title = item.empty() ? row[2] : item[1];
    std::string number = item.empty() ? "" : FixReversedParentheses(item[2]);
    // "(ب) ١" is printed after the number in logical order: "١ (ب)".
    static const Regex kLetterFirst("^(\\([^)]*\\)) ?(.+)$");
    Regex::Groups parts = kLetterFirst.First(number);
    if (!parts.empty()) number = parts[2] + " " + parts[1];
    table.rows.push_back({number, row[1], RepairVisualLine(title)});
  }
  return table;
}

}  // namespace sijill::ingest::internal
