#include "sijill/ingest/layout.h"

#include <algorithm>
#include <map>
#include <optional>

#include "ingest/patterns_internal.h"
#include "ingest/regex_internal.h"
#include "sijill/ingest/line_repair.h"

namespace sijill::ingest {
namespace {

using internal::Regex;

const Regex& EndMarker() {
  static const Regex kEnd("(?:^|\\s)-\\s?[\\u0660-\\u0669]{1,3}\\s*$");
  return kEnd;
}

bool IsBlank(const SourceLine& line) {
  return line.raw.find_first_not_of(" \t") == std::string::npos;
}

}  // namespace

std::string AsciiDigits(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0xD9 && next >= 0xA0 && next <= 0xA9) {
      out += static_cast<char>('0' + (next - 0xA0));
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

TextOrder DetectOrder(const std::vector<SourceLine>& lines) {
  static const Regex kStart("^\\s*(?:-\\s*)?[\\u0660-\\u0669]{1,4}\\s*-(?:\\s|$)");
  static const Regex kLeadingPunctuation("^\\s*[.\\u060C\\u061B]\\S");
  int visual = 0, logical = 0;
  for (const SourceLine& line : lines) {
    if (EndMarker().Search(line.raw)) ++visual;
    if (kLeadingPunctuation.Search(line.raw)) ++visual;
    if (kStart.Search(line.raw)) ++logical;
  }
  return visual > logical ? TextOrder::kVisual : TextOrder::kLogical;
}

std::vector<std::string> TakeFurniture(std::vector<SourceLine>& lines,
                                       const std::string& own_symbol) {
  static const Regex kJob("^\\s*V\\.\\d{2}-\\d{5}(?:\\s+\\d+/\\d+)?\\s*$");
  static const Regex kPage("^\\s*\\d{1,3}/\\d{1,3}\\s*$");
  static const Regex kUndocs("^\\s*https?://undocs\\.org/\\S+\\s*$");
  static const Regex kSymbol("^\\s*(?:CTOC|A|E|S|ST)/[A-Za-z0-9./]+\\s*$");
  std::map<std::string, int> symbol_lines;
  for (const SourceLine& line : lines)
    if (kSymbol.Search(line.raw)) ++symbol_lines[CollapseSpaces(line.raw)];
  std::vector<std::string> furniture;
  for (SourceLine& line : lines) {
    std::string trimmed = CollapseSpaces(line.raw);
    bool header = kSymbol.Search(line.raw) && (symbol_lines[trimmed] >= 2 || trimmed == own_symbol);
    if (header || kJob.Search(line.raw) || kPage.Search(line.raw) || kUndocs.Search(line.raw)) {
      line.dropped = true;
      furniture.push_back(trimmed);
    }
  }
  return furniture;
}

namespace {

struct Item {
  std::string label;
  std::string rest;
};

// ")١(" anywhere, "(1)" at the start, or "*" at the start.
std::optional<Item> FootnoteItem(const std::string& text) {
  static const Regex kReversed("\\)\\s?([0-9\\u0660-\\u0669]{1,2})\\s?\\(");
  static const Regex kLeading("^\\s*\\(([0-9\\u0660-\\u0669]{1,2})\\)");
  static const Regex kStar("^\\s*\\*\\s");
  for (const Regex* marker : {&kReversed, &kLeading}) {
    Regex::Groups g = marker->First(text);
    if (g.empty()) continue;
    size_t at = text.find(g[0]);
    return Item{AsciiDigits(g[1]), text.substr(0, at) + " " + text.substr(at + g[0].size())};
  }
  if (kStar.Search(text)) return Item{"star", text.substr(text.find('*') + 1)};
  return std::nullopt;
}

std::string NoteText(const std::string& text, TextOrder order) {
  std::string out = NormalizeLine(text);
  return order == TextOrder::kVisual ? RepairVisualLine(out) : out;
}

size_t NextNonBlank(const std::vector<SourceLine>& lines, size_t i) {
  while (i < lines.size() && (IsBlank(lines[i]) || lines[i].dropped)) ++i;
  return i;
}

int Words(const std::string& text) {
  std::string normal = NormalizeLine(text);
  return normal.empty() ? 0 : 1 + static_cast<int>(std::count(normal.begin(), normal.end(), ' '));
}

// A note that wraps: a short line right below the item that ends a sentence (in visual order
// the full stop comes first): 004 L110 ".الفصل الثاني، الفرع باء", 000 L545. Resumed body text
// (004 L35) is a full line.
bool IsNoteContinuation(const SourceLine& line) {
  if (IsBlank(line) || FootnoteItem(line.raw) || Words(line.raw) > 8) return false;
  std::string text = NormalizeLine(line.raw);
  size_t first = text.find('.'), last = text.rfind('.');
  return first != std::string::npos && (first < 3 || last + 3 >= text.size());
}

}  // namespace

std::vector<Footnote> LiftFootnotes(std::vector<SourceLine>& lines, TextOrder order) {
  static const Regex kSeparator("^\\s*(?:_{10,}|\\u2500{10,})\\s*$");
  std::vector<Footnote> notes;
  for (size_t i = 0; i < lines.size(); ++i) {
    bool lone_star = order == TextOrder::kLogical && FootnoteItem(lines[i].raw) &&
                     FootnoteItem(lines[i].raw)->label == "star" && Words(lines[i].raw) <= 6;
    if (!kSeparator.Search(lines[i].raw) && !lone_star) continue;
    size_t j = lone_star ? i : i + 1;
    if (!lone_star) lines[i].dropped = true;
    for (j = NextNonBlank(lines, j); j < lines.size(); j = NextNonBlank(lines, j + 1)) {
      std::optional<Item> item = FootnoteItem(lines[j].raw);
      if (!item) break;
      notes.push_back({item->label, NoteText(item->rest, order), lines[j].number});
      lines[j].dropped = true;
      for (; j + 1 < lines.size() && IsNoteContinuation(lines[j + 1]); ++j) {
        notes.back().text += " " + NoteText(lines[j + 1].raw, order);
        lines[j + 1].dropped = true;
      }
      if (lone_star) break;
    }
    i = j == 0 ? i : j - 1;
  }
  return notes;
}

}  // namespace sijill::ingest
