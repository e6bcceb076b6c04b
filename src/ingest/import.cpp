#include "sijill/ingest/import.h"

#include <filesystem>
#include <set>

#include "ingest/regex_internal.h"
#include "sijill/ingest/assemble.h"
#include "sijill/ingest/cover.h"
#include "sijill/ingest/crossref.h"
#include "sijill/ingest/headings.h"
#include "sijill/ingest/layout.h"
#include "sijill/ingest/line_repair.h"
#include "sijill/ingest/markdown_writer.h"
#include "sijill/ingest/symptoms.h"
#include "sijill/text/slug.h"

namespace sijill::ingest {
namespace {

bool Blank(const std::string& raw) { return raw.find_first_not_of(" \t") == std::string::npos; }

// A sub-item line of a visual file carries its label anywhere ("المنظمة )أ("): it moves to the
// front, "(أ) …" (docs/repository-format.md).
void TakeItemLabel(BlockLine& line, std::string& repaired) {
  static const internal::Regex kLabel(
      "(?:^| )(\\((?:أ|ب|ج|د|هـ|ه|و|ز|ح)\\))(?: |(?=[.\\u060C\\u061B:]*$))");
  internal::Regex::Groups g = kLabel.First(repaired);
  if (g.empty()) return;
  line.label = g[1];
  size_t at = repaired.find(g[0]);
  bool between_words = at > 0 && g[0].back() == ' ';
  repaired =
      repaired.substr(0, at) + (between_words ? " " : "") + repaired.substr(at + g[0].size());
  line.text = repaired;
}

// Repairs, links and flags every line of the body; counts what the quality figures report.
void FinishLines(Document& doc, const std::vector<SourceLine>& lines, ImportStats& stats) {
  std::set<std::string> labels;
  for (const Footnote& note : doc.footnotes) labels.insert(note.label);
  for (Block& block : doc.blocks) {
    for (BlockLine& line : block.lines) {
      const std::string& raw = lines[line.source_line - 1].raw;
      std::string repaired =
          doc.order == TextOrder::kVisual ? RepairVisualLine(line.text) : line.text;
      if (block.kind == Block::Kind::kHeading) line.text = repaired = RepairHeadingTitle(repaired);
      if (line.kind == BlockLine::Kind::kItem) TakeItemLabel(line, repaired);
      line.order_unverified =
          doc.order == TextOrder::kVisual && (HasScrambleSymptom(repaired) || HasBrokenChunk(raw));
      line.text = LinkFootnoteReferences(LinkSymbols(EscapeMarkdown(repaired)), labels);
      ++stats.body_lines;
      stats.symptom_lines_after += line.order_unverified;
    }
    for (size_t r = 1; r < block.rows.size(); ++r) {
      block.rows[r][1] = LinkSymbols(EscapeMarkdown(block.rows[r][1]));
      block.rows[r][2] = EscapeMarkdown(block.rows[r][2]) + " " + kOrderUnverified;
      ++stats.body_lines;
      ++stats.symptom_lines_after;
    }
  }
  for (Footnote& note : doc.footnotes) note.text = LinkSymbols(EscapeMarkdown(note.text));
}

void Count(const Document& doc, ImportStats& stats) {
  bool numbered_seen = false;
  for (const Block& block : doc.blocks) {
    if (block.kind == Block::Kind::kParagraph) {
      numbered_seen = true;
      (block.in_annex ? stats.annex_paragraphs : stats.paragraphs)++;
      stats.duplicates += block.duplicate;
    } else if (block.kind == Block::Kind::kText && !numbered_seen && !block.in_annex &&
               block.lines.front().text.find("إن ") > 3) {  // not "إن الجمعية العامة،"
      stats.preamble_paragraphs++;
    }
  }
  stats.footnotes = static_cast<int>(doc.footnotes.size());
}

bool HasStructure(const Document& doc) {
  for (const Block& block : doc.blocks)
    if (block.kind == Block::Kind::kHeading || block.kind == Block::Kind::kParagraph) return true;
  return false;
}

}  // namespace

ImportResult ImportText(std::string_view bytes, const ImportOptions& options) {
  std::vector<SourceLine> lines = ReadSource(bytes, options.file_name);
  ImportResult result;
  ImportedMeta meta;
  ApplyMeta(options.meta, meta);
  Document doc;
  doc.order = DetectOrder(lines);
  result.stats.order = doc.order;
  for (const SourceLine& line : lines) {
    if (Blank(line.raw)) continue;
    ++result.stats.lines;
    result.stats.symptom_lines_before +=
        HasScrambleSymptom(NormalizeLine(line.raw)) ||
        (doc.order == TextOrder::kVisual && HasBrokenChunk(line.raw));
  }
  meta.furniture = TakeFurniture(lines, meta.front.symbol);
  TakeJobNumber(meta);
  TakeEnglishCover(lines, meta);
  ApplyMeta(options.meta, meta);  // --meta wins over what the cover says
  doc.footnotes = LiftFootnotes(lines, doc.order);
  for (SourceLine& line : lines) line.text = NormalizeLine(line.raw);
  Assemble(lines, options.file_name, doc, result.warnings);
  if (!HasStructure(doc))
    throw Error(Error::Kind::kInvalid,
                "no recognisable structure (no heading and no numbered paragraph)",
                Location{options.file_name, 0, 0, ""});
  Count(doc, result.stats);
  FinishLines(doc, lines, result.stats);
  meta.order_unverified = result.stats.symptom_lines_after;
  Location file{options.file_name, 0, 0, ""};
  if (meta.front.title.empty())
    result.warnings.push_back(
        {file, "no title found: give one with --meta (title: ...)", Severity::kWarning});
  if (meta.front.symbol.empty() && meta.slug.empty())
    result.warnings.push_back(
        {file, "no symbol: the file is named after the input; give symbol or slug with --meta",
         Severity::kWarning});
  if (meta.slug.empty()) meta.slug = text::Slug(meta.front.symbol);
  if (meta.slug.empty())
    meta.slug = text::Slug(std::filesystem::path(options.file_name).stem().string());
  result.slug = meta.slug;
  result.markdown = WriteMarkdown(meta, doc);
  return result;
}

}  // namespace sijill::ingest
