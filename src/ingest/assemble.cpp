#include "sijill/ingest/assemble.h"

#include <algorithm>
#include <optional>

#include "ingest/regex_internal.h"
#include "ingest/table_internal.h"
#include "sijill/ingest/headings.h"
#include "sijill/ingest/layout.h"
#include "sijill/ingest/line_repair.h"

namespace sijill::ingest {
namespace {

using internal::Regex;

struct Marker {
  int number = 0;
  std::string rest;  // the line without the marker
};

int Value(const std::string& digits) { return std::stoi(AsciiDigits(digits)); }

// Visual: "… -٥" or "… - ٥" anywhere after a space (CORPUS.md A6); logical: "٥- …", "٥ - …",
// "- ٣٢- …" at the start. In visual lines with several candidates the expected number wins.
std::optional<Marker> FindMarker(const std::string& text, TextOrder order, int expected) {
  static const Regex kVisual("(?:^|\\s)-\\s?([\\u0660-\\u0669]{1,3})(?=\\s|$)");
  static const Regex kLogical("^(?:-\\s*)?([\\u0660-\\u0669]{1,4})\\s*-\\s+");
  if (order == TextOrder::kLogical) {
    Regex::Groups g = kLogical.First(text);
    if (g.empty()) return std::nullopt;
    return Marker{Value(g[1]), text.substr(g[0].size())};
  }
  std::optional<Marker> found;
  kVisual.ReplaceWith(text, [&](const Regex::Groups& g) {
    if (!found || Value(g[1]) == expected) {
      size_t at = text.find(g[0]);
      std::string rest = text.substr(0, at) + " " + text.substr(at + g[0].size());
      found = Marker{Value(g[1]), rest};
    }
    return g[0];
  });
  if (found) found->rest = CollapseSpaces(found->rest);
  return found;
}

int Words(const std::string& text) {
  return text.empty() ? 0 : 1 + static_cast<int>(std::count(text.begin(), text.end(), ' '));
}

size_t LeadingSpaces(const std::string& raw) {
  return raw.find_first_not_of(' ') == std::string::npos ? 0 : raw.find_first_not_of(' ');
}

class Assembler {
 public:
  Assembler(const std::string& file, Document& document, Problems& problems)
      : file_(file), doc_(document), problems_(problems) {}

  void Line(const SourceLine& line) {
    const std::string& text = line.text;
    if (text.empty()) {
      // Whitespace-only lines (4 spaces in 000/001, 2 in 004) come right before headings (A19).
      if (!line.raw.empty()) hint_ = true;
      return;
    }
    bool hint = hint_;
    hint_ = false;
    if (table_) return TableLine(line);
    if (auto heading = MatchHeading(text, doc_.order)) return OpenHeading(*heading, line);
    if (auto marker = FindMarker(text, doc_.order, expected_)) return MarkerLine(*marker, line);
    if (StartsTable(line)) return TableLine(line);
    if (hint && IsSubHeading(line)) return SubHeading(line);
    Unnumbered(line);
  }

  void Finish() {
    if (table_) doc_.blocks.push_back(internal::BuildDocumentTable(table_lines_));
  }

 private:
  Block& Current() { return doc_.blocks.back(); }
  bool InCover() const {
    return doc_.blocks.empty() || doc_.blocks.back().kind == Block::Kind::kCover;
  }

  void Push(Block::Kind kind, BlockLine first) {
    Block block;
    block.kind = kind;
    block.in_annex = annex_;
    block.lines.push_back(std::move(first));
    doc_.blocks.push_back(std::move(block));
  }

  void OpenHeading(const Heading& heading, const SourceLine& line) {
    if (heading.annex) {
      annex_ = true;
      expected_ = 1;
    }
    Push(Block::Kind::kHeading,
         {BlockLine::Kind::kText, heading.title, line.number, heading.label});
    // Inside the annex, its own chapters sit one level below the annex heading.
    Current().level = heading.annex ? 1 : std::min(4, heading.level + (annex_ ? 1 : 0));
    heading_lines_ = heading.annex || heading.level > 2 ? 3 : 0;
  }

  void MarkerLine(const Marker& marker, const SourceLine& line) {
    heading_lines_ = 3;
    BlockLine first{BlockLine::Kind::kText, marker.rest, line.number};
    if (marker.number == expected_ || (marker.number == expected_ - 1 && marker.number > 0)) {
      bool duplicate = marker.number != expected_;
      Push(Block::Kind::kParagraph, first);
      Current().number = marker.number;
      Current().duplicate = duplicate;
      if (duplicate)
        problems_.push_back({{file_, line.number, 0, ""},
                             "paragraph " + std::to_string(marker.number) + " appears twice",
                             Severity::kWarning});
      expected_ = marker.number + 1;
      return;
    }
    std::string numbered = marker.rest.empty() ? "" : marker.rest;
    // Out of sequence: a numbered sub-section heading (a heading-like line, CORPUS.md A6) or
    // an entry of a numbered list inside the current paragraph (001 ¶59, the agenda).
    // (Before any block there is nothing to continue: a text may start mid-list.)
    if (HeadingLike(line) || doc_.blocks.empty() || Current().kind != Block::Kind::kParagraph) {
      Push(Block::Kind::kHeading,
           {BlockLine::Kind::kText, marker.rest, line.number, NumberText(line.text, marker)});
      Current().level = 3;
      heading_lines_ = 3;
      return;
    }
    Current().lines.push_back(
        {BlockLine::Kind::kListItem, marker.rest, line.number, NumberText(line.text, marker)});
  }

  // The marker as printed, turned to logical order: "-٣" → "٣-".
  static std::string NumberText(const std::string& text, const Marker& marker) {
    static const Regex kDigits("[\\u0660-\\u0669]{1,4}");
    (void)marker;
    Regex::Groups g = kDigits.First(text);
    return (g.empty() ? std::string() : g[0]) + "-";
  }

  bool HeadingLike(const SourceLine& line) const {
    return LeadingSpaces(line.raw) >= 2 && Words(line.text) < 16;
  }

  bool StartsTable(const SourceLine& line) const {
    static const Regex kSymbolRow("^(?:CTOC|A|E|S)/\\S+ ");
    if (!annex_ || table_) return false;
    return kSymbolRow.Search(line.text);
  }

  void TableLine(const SourceLine& line) {
    if (!table_) {
      table_ = true;
      // The header cells are the annex lines between the last heading text and the first row.
      while (!Current().lines.empty() && Current().kind == Block::Kind::kText &&
             Current().lines.size() > 1) {
        table_lines_.insert(table_lines_.begin(), Current().lines.back());
        Current().lines.pop_back();
      }
    }
    table_lines_.push_back({BlockLine::Kind::kText, line.text, line.number});
  }

  void Unnumbered(const SourceLine& line) {
    static const Regex kItem("(?:^|\\s)\\)\\s?(أ|ب|ج|د|هـ|ه|و|ز|ح)\\s?\\((?:\\s|$)");
    static const Regex kResolutionOpening("(?:^|\\s|\\u060C)إن (?:الجمعية العامة|مجلس|المجلس)");
    static const Regex kClosing("الجلسة العامة");
    BlockLine out{BlockLine::Kind::kText, line.text, line.number};
    if (kResolutionOpening.Search(line.text) && !resolution_) {
      resolution_ = true;
      preamble_start_ = true;
      return Push(Block::Kind::kText, out);
    }
    if (InCover())
      return doc_.blocks.empty() ? Push(Block::Kind::kCover, out) : Current().lines.push_back(out);
    if (kClosing.Search(line.text) && Current().kind == Block::Kind::kParagraph)
      return Push(Block::Kind::kText, out);
    if (line.text.find("•") != std::string::npos) {
      out.kind = BlockLine::Kind::kBullet;
      static const Regex kBullet(" ?• ?");
      out.text = CollapseSpaces(kBullet.ReplaceAll(line.text, " "));
      return Current().lines.push_back(out);
    }
    if (doc_.order == TextOrder::kVisual && kItem.Search(line.text)) {
      out.kind = BlockLine::Kind::kItem;
      return Current().lines.push_back(out);
    }
    if (Current().kind == Block::Kind::kHeading) return AfterHeading(line, out);
    if (resolution_ && !annex_ && expected_ == 1 && StartsPreambular(line))
      return Push(Block::Kind::kText, out);
    Current().lines.push_back(out);
  }

  // An unnumbered 4th-level heading of a report (000 L114 "لجنة منع الجريمة والعدالة الجنائية"):
  // a short indented line right after a whitespace-only line, outside covers, resolutions and
  // annexes.
  bool IsSubHeading(const SourceLine& line) const {
    return doc_.order == TextOrder::kVisual && !InCover() && !resolution_ && !annex_ &&
           HeadingLike(line) && Words(line.text) < 16;
  }

  void SubHeading(const SourceLine& line) {
    Push(Block::Kind::kHeading, {BlockLine::Kind::kText, line.text, line.number});
    Current().level = 4;
    heading_lines_ = 3;
  }

  void AfterHeading(const SourceLine& line, const BlockLine& out) {
    // A heading printed over several lines (001 L63–66): short lines right after a chapter or
    // section heading, before any paragraph, continue it.
    if (heading_lines_ < 3 && Words(line.text) < 16) {
      ++heading_lines_;
      Current().lines.front().text += " " + line.text;
      return;
    }
    if (IsSubHeading(line)) return SubHeading(line);
    Push(Block::Kind::kText, out);
  }

  // Preambular paragraphs open with a participle "إذ …" / "وإذ …" (CORPUS.md §1.4). A second
  // participle inside a paragraph follows a comma (PP6 "…، وإذ تشير") or lost its و to another
  // chunk (PP5 "إذ … و", PP9 "تلاحظ إذ … و"), so only an "إذ" glued to the letter before it ("وإذ",
  // "كررتوإذ", "إلىإذ"), and not after a comma, opens one.
  bool StartsPreambular(const SourceLine& line) {
    static const Regex kFirst("(?:^|\\s|و)إذ(?:\\s|$)");
    static const Regex kNext("(?<!\\u060Cو|\\u060C و)(?<=[\\u0621-\\u064A])إذ(?:\\s|$)");
    if (preamble_start_) {
      preamble_start_ = false;
      return kFirst.Search(line.text);
    }
    return kNext.Search(line.text);
  }

  const std::string& file_;
  Document& doc_;
  Problems& problems_;
  int expected_ = 1;
  int heading_lines_ = 3;
  bool annex_ = false;
  bool resolution_ = false;
  bool preamble_start_ = false;
  bool hint_ = false;
  bool table_ = false;
  std::vector<BlockLine> table_lines_;
};

}  // namespace

void Assemble(const std::vector<SourceLine>& lines, const std::string& file, Document& document,
              Problems& problems) {
  Assembler assembler(file, document, problems);
  for (const SourceLine& line : lines)
    if (!line.dropped) assembler.Line(line);
  assembler.Finish();
}

}  // namespace sijill::ingest
