#include "sijill/ingest/markdown_writer.h"

#include <yaml-cpp/yaml.h>

#include <sstream>

namespace sijill::ingest {
namespace {

void Key(YAML::Emitter& out, const char* key, const std::string& value,
         bool null_when_empty = false) {
  out << YAML::Key << key << YAML::Value;
  if (value.empty() && null_when_empty)
    out << YAML::Null;
  else
    out << YAML::DoubleQuoted << value;
}

std::string Flagged(const BlockLine& line) {
  std::string text = line.label.empty() ? line.text : line.label + " " + line.text;
  return line.order_unverified ? text + " " + kOrderUnverified : text;
}

void WriteLines(std::ostringstream& out, const Block& block, const std::string& indent) {
  bool first = true, in_bullet = false;
  for (const BlockLine& line : block.lines) {
    in_bullet =
        line.kind == BlockLine::Kind::kBullet || (in_bullet && line.kind == BlockLine::Kind::kText);
    std::string prefix = first                                   ? ""
                         : line.kind == BlockLine::Kind::kBullet ? indent + "- "
                         : in_bullet                             ? indent + "  "
                                                                 : indent;
    out << prefix << Flagged(line) << "\n";
    first = false;
  }
}

void WriteTable(std::ostringstream& out, const Block& table) {
  for (size_t r = 0; r < table.rows.size(); ++r) {
    out << "|";
    for (const std::string& cell : table.rows[r]) out << " " << cell << " |";
    out << "\n";
    if (r == 0) out << "|" << std::string(" --- |").c_str() << " --- | --- |\n";
  }
}

void WriteBlock(std::ostringstream& out, const Block& block) {
  switch (block.kind) {
    case Block::Kind::kHeading:
      out << std::string(block.level, '#') << " " << Flagged(block.lines.front()) << "\n";
      return;
    case Block::Kind::kParagraph: {
      std::string marker = std::to_string(block.number) + ". ";
      out << marker;
      WriteLines(out, block, std::string(marker.size(), ' '));
      return;
    }
    case Block::Kind::kTable:
      WriteTable(out, block);
      return;
    case Block::Kind::kCover:
    case Block::Kind::kText:
      WriteLines(out, block, "");
      return;
  }
}

}  // namespace

std::string WriteFrontMatter(const ImportedMeta& meta) {
  const model::FrontMatter& f = meta.front;
  YAML::Emitter out;
  out << YAML::BeginMap;
  // DESIGN.md §1 ⚑ keys first, in this order; then ours.
  Key(out, "symbol", f.symbol, true);
  Key(out, "title", f.title);
  Key(out, "type", f.type);
  Key(out, "body", f.body);
  Key(out, "date", f.date);
  Key(out, "language", f.language);
  if (!f.session.empty()) Key(out, "session", f.session);
  if (!f.agenda_item.empty()) Key(out, "agenda_item", f.agenda_item);
  if (!f.source.empty()) Key(out, "source", f.source);
  // An unknown symbol is never "confirmed" (repository-format.md: provisional ⇒ check warns).
  std::string confidence = f.symbol_confidence;
  if (confidence.empty()) confidence = f.symbol.empty() ? "provisional" : "confirmed";
  Key(out, "symbol_confidence", confidence);
  if (!meta.distribution.empty()) Key(out, "distribution", meta.distribution);
  if (!meta.original_language.empty()) Key(out, "original_language", meta.original_language);
  if (!meta.job_number.empty()) Key(out, "job_number", meta.job_number);
  for (const auto& [key, value] : f.extra) Key(out, key.c_str(), value);
  if (!meta.furniture.empty()) {
    out << YAML::Key << "furniture" << YAML::Value << YAML::BeginSeq;
    for (const std::string& line : meta.furniture) out << YAML::DoubleQuoted << line;
    out << YAML::EndSeq;
  }
  out << YAML::Key << "order_unverified" << YAML::Value << meta.order_unverified;
  out << YAML::EndMap;
  return std::string("---\n") + out.c_str() + "\n---\n";
}

std::string WriteMarkdown(const ImportedMeta& meta, const Document& document) {
  std::ostringstream out;
  out << WriteFrontMatter(meta);
  for (const Block& block : document.blocks) {
    out << "\n";
    WriteBlock(out, block);
  }
  if (!document.footnotes.empty()) out << "\n";
  for (const Footnote& note : document.footnotes)
    out << "[^" << note.label << "]: " << note.text << "\n";
  return out.str();
}

}  // namespace sijill::ingest
