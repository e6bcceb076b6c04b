// word/document.xml: the same record as the other formats, as Word paragraphs and tables.
// A run holding Arabic is marked w:rtl (complex script, right to left); a run of Latin only
// (an id, a symbol, a date) is not, so Word does not mirror it. Paragraphs are right to left
// through the styles (docx_parts.cpp); tables are laid out right to left (w:bidiVisual).
#include <ostream>
#include <string>
#include <vector>

#include "record/docx_internal.h"
#include "record/words_internal.h"

namespace sijill::record::docx {

namespace {

namespace w = words;

// U+0600-U+06FF and the presentation forms start with the UTF-8 lead bytes D8-DB, EF (B9-BB).
bool HasArabic(const std::string& text) {
  for (unsigned char c : text)
    if (c >= 0xD8 && c <= 0xDB) return true;
  return false;
}

void Run(std::ostream& out, const std::string& text, bool bold = false) {
  out << "<w:r>";
  bool rtl = HasArabic(text);
  if (rtl || bold) {
    out << "<w:rPr>";
    if (bold) out << "<w:b/><w:bCs/>";
    if (rtl) out << "<w:rtl/>";
    out << "</w:rPr>";
  }
  // A line break inside the text is a w:br, not a new paragraph.
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    out << "<w:t xml:space=\"preserve\">"
        << EscapeXml(text.substr(start, end == std::string::npos ? std::string::npos : end - start))
        << "</w:t>";
    if (end == std::string::npos) break;
    out << "<w:br/>";
    start = end + 1;
  }
  out << "</w:r>";
}

void Paragraph(std::ostream& out, const std::string& style, const std::string& text,
               bool page_break = false) {
  out << "<w:p><w:pPr>";
  if (!style.empty()) out << "<w:pStyle w:val=\"" << style << "\"/>";
  if (page_break) out << "<w:pageBreakBefore/>";
  out << "<w:bidi/></w:pPr>";
  Run(out, text);
  out << "</w:p>\n";
}

// "label: value" with the label in bold.
void Field(std::ostream& out, std::string_view label, const std::string& value) {
  out << "<w:p><w:pPr><w:bidi/></w:pPr>";
  Run(out, std::string(label) + ": ", true);
  Run(out, value);
  out << "</w:p>\n";
}

std::string LinkTexts(const std::vector<Link>& links) {
  std::vector<std::string> texts;
  for (const Link& link : links) texts.push_back(link.text);
  return w::Join(texts);
}

void Table(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  out << "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:bidiVisual/>"
         "<w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" "
         "w:lastRow=\"1\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" "
         "w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
  for (size_t i = 0; i < rows.front().size(); ++i) out << "<w:gridCol/>";
  out << "</w:tblGrid>\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    bool header = r == 0, last = r + 1 == rows.size();
    out << "<w:tr>" << (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "");
    for (const std::string& cell : rows[r]) {
      out << "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr><w:p><w:pPr><w:bidi/>"
             "</w:pPr>";
      Run(out, cell, header || last);
      out << "</w:p></w:tc>";
    }
    out << "</w:tr>\n";
  }
  out << "</w:tbl>\n";
  Paragraph(out, "", "");
}

void CountTableXml(std::ostream& out, const CountTable& table) {
  Paragraph(out, "Heading2", table.title);
  std::vector<std::vector<std::string>> rows;
  rows.push_back({table.row_header});
  for (const std::string& column : table.columns) rows.back().push_back(column);
  rows.back().emplace_back(w::kTotal);
  for (const CountTable::Row& row : table.rows) {
    rows.push_back({row.label});
    for (size_t count : row.counts) rows.back().push_back(std::to_string(count));
    rows.back().push_back(std::to_string(row.total));
  }
  rows.push_back({std::string(w::kTotalRow)});
  for (size_t count : table.column_totals) rows.back().push_back(std::to_string(count));
  rows.back().push_back(std::to_string(table.total));
  Table(out, rows);
}

void Changes(std::ostream& out, const Consolidated& record) {
  const Revision& since = *record.since;
  Paragraph(out, "Heading2",
            std::string(w::kChangedSince) + " " +
                (since.rev != since.commit ? since.rev + " " : "") + "(" + since.date + ")");
  Field(out, "الإيداع", since.commit);
  if (record.changes.empty()) {
    Paragraph(out, "", std::string(w::kNoChanges));
    return;
  }
  std::vector<std::vector<std::string>> rows = {
      {std::string(w::kRecommendation), std::string(w::kSource), std::string(w::kChange),
       std::string(w::kStatusBefore), std::string(w::kStatusAfter), std::string(w::kFollowUpDate)}};
  for (const Change& change : record.changes)
    rows.push_back({change.id, change.source.text, std::string(w::KindLabel(change.kind)),
                    change.status_before, change.status_after, change.date});
  Table(out, rows);
}

void EntryXml(std::ostream& out, const Entry& entry) {
  Paragraph(out, "Heading3", entry.id);
  Field(out, w::kSource, entry.source.text);
  if (!entry.adopted.empty()) Field(out, w::kAdopted, entry.adopted);
  if (!entry.addressees.empty()) Field(out, w::kAddressees, w::Join(entry.addressees));
  if (!entry.modality.empty()) Field(out, w::kModality, entry.modality);
  if (!entry.topics.empty()) Field(out, w::kTopics, w::Join(entry.topics));
  Field(out, w::kStatus, entry.status_label);
  if (entry.latest) {
    const LatestFollowUp& latest = *entry.latest;
    std::string text = latest.date + " — " + latest.status_label;
    if (!latest.note.empty()) text += " — " + latest.note;
    if (!latest.by.empty()) text += " (" + latest.by + ")";
    Field(out, w::kLatest, text);
    if (!latest.evidence.empty()) Field(out, w::kEvidence, LinkTexts(latest.evidence));
  }
  if (!entry.repeats.empty()) Field(out, w::kRepeats, w::Join(entry.repeats));
  Paragraph(out, "RecordText", entry.text);
}

void MeetingXml(std::ostream& out, const Meeting& meeting) {
  Paragraph(out, "Heading1", w::MeetingHeading(meeting), true);
  if (!meeting.date.empty()) Field(out, w::kDate, meeting.date);
  Field(out, w::kRecommendations, std::to_string(meeting.count));
  for (const Section& section : meeting.sections) {
    Paragraph(out, "Heading2", section.title.empty() ? std::string(w::kNoSection) : section.title);
    for (const Entry& entry : section.entries) EntryXml(out, entry);
  }
}

}  // namespace

void WriteDocument(const Consolidated& record, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:body>\n";
  Paragraph(out, "Title", record.title);
  Field(out, w::kAsOf, record.as_of.commit.empty() ? "-" : record.as_of.commit);
  if (!record.as_of.date.empty()) Field(out, w::kDate, record.as_of.date);
  Field(out, w::kRecommendations, std::to_string(record.total));
  Field(out, w::kDocuments, std::to_string(record.MeetingCount()));
  Paragraph(out, "Heading1", std::string(w::kSummary));
  for (const CountTable& table : record.summaries) CountTableXml(out, table);
  Paragraph(out, "", std::string(w::kSeveralNote));
  if (record.since) Changes(out, record);
  record.ForEachMeeting([&out](const Meeting& meeting) { MeetingXml(out, meeting); });
  // A4, 2 cm margins, the section right to left (page numbers and columns mirror).
  out << "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" "
         "w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"708\" w:footer=\"708\" "
         "w:gutter=\"0\"/><w:bidi/></w:sectPr>\n</w:body></w:document>\n";
}

std::string EscapeXml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;  // not allowed in XML 1.0
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace sijill::record::docx
