// The record as readable Markdown: what a person diffs between two sessions, and what the
// site could render. Streams to `out`; nothing is held beyond one entry.
#include <ostream>
#include <string>

#include "record/words_internal.h"
#include "sijill/record/formats.h"

namespace sijill::record {

namespace {

namespace w = words;

// Characters CommonMark would read as inline syntax, and block syntax at the start of a line,
// are backslash-escaped (the same rule the importer follows, docs/repository-format.md). Every
// value from a record goes through it, dates too: YAML does not stop `adopted: "<script>"`.
std::string Escape(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    bool block = line_start && (c == '#' || c == '-' || c == '+' || c == '>' || c == '=');
    if (block || c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' ||
        c == '<' || c == '|')
      out += '\\';
    out += c;
    line_start = c == '\n' || (line_start && c == ' ');
  }
  return out;
}

std::string LinkMd(const Link& link) {
  if (link.target.empty()) return Escape(link.text);
  return "[" + Escape(link.text) + "](" + link.target + ")";
}

std::string Links(const std::vector<Link>& links) {
  std::string out;
  for (const Link& link : links) out += (out.empty() ? "" : std::string(w::kListSeparator)) + LinkMd(link);
  return out;
}

void WriteRow(std::ostream& out, const std::vector<std::string>& cells) {
  out << "|";
  for (const std::string& cell : cells) out << " " << cell << " |";
  out << "\n";
}

void WriteTable(std::ostream& out, const CountTable& table) {
  out << "### " << Escape(table.title) << "\n\n";
  // Columns are statuses, topics or addressees as the records spell them: text, never markup.
  std::vector<std::string> header{Escape(table.row_header)};
  for (const std::string& column : table.columns) header.push_back(Escape(column));
  header.emplace_back(w::kTotal);
  WriteRow(out, header);
  WriteRow(out, std::vector<std::string>(header.size(), "---"));
  for (const CountTable::Row& row : table.rows) {
    std::vector<std::string> cells{Escape(row.label)};
    for (size_t count : row.counts) cells.push_back(std::to_string(count));
    cells.push_back(std::to_string(row.total));
    WriteRow(out, cells);
  }
  std::vector<std::string> totals{"**" + std::string(w::kTotalRow) + "**"};
  for (size_t count : table.column_totals) totals.push_back(std::to_string(count));
  totals.push_back(std::to_string(table.total));
  WriteRow(out, totals);
  out << "\n";
}

void WriteChanges(std::ostream& out, const Consolidated& record) {
  const Revision& since = *record.since;
  out << "### " << w::kChangedSince << " ";
  if (since.rev != since.commit) out << Escape(since.rev) << " ";
  out << "(`" << since.commit << "`، " << since.date << ")\n\n";
  if (record.changes.empty()) {
    out << w::kNoChanges << "\n\n";
    return;
  }
  WriteRow(out, {std::string(w::kRecommendation), std::string(w::kSource), std::string(w::kChange),
                 std::string(w::kStatusBefore), std::string(w::kStatusAfter),
                 std::string(w::kFollowUpDate)});
  WriteRow(out, std::vector<std::string>(6, "---"));
  for (const Change& change : record.changes)
    WriteRow(out, {"`" + change.id + "`", LinkMd(change.source), std::string(w::KindLabel(change.kind)),
                   Escape(change.status_before), Escape(change.status_after), Escape(change.date)});
  out << "\n";
}

void WriteEntry(std::ostream& out, const Entry& entry) {
  out << "#### " << entry.id << "\n\n";
  out << "- **" << w::kSource << ":** " << LinkMd(entry.source) << "\n";
  if (!entry.adopted.empty()) out << "- **" << w::kAdopted << ":** " << Escape(entry.adopted) << "\n";
  if (!entry.addressees.empty())
    out << "- **" << w::kAddressees << ":** " << Escape(w::Join(entry.addressees)) << "\n";
  if (!entry.modality.empty()) out << "- **" << w::kModality << ":** " << Escape(entry.modality) << "\n";
  if (!entry.topics.empty()) out << "- **" << w::kTopics << ":** " << Escape(w::Join(entry.topics)) << "\n";
  out << "- **" << w::kStatus << ":** " << Escape(entry.status_label) << "\n";
  if (entry.latest) {
    const LatestFollowUp& latest = *entry.latest;
    out << "- **" << w::kLatest << ":** " << Escape(latest.date) << " — " << Escape(latest.status_label);
    if (!latest.note.empty()) out << " — " << Escape(latest.note);
    if (!latest.by.empty()) out << " (" << Escape(latest.by) << ")";
    out << "\n";
    if (!latest.evidence.empty()) out << "- **" << w::kEvidence << ":** " << Links(latest.evidence) << "\n";
  }
  if (!entry.repeat_links.empty())
    out << "- **" << w::kRepeats << ":** " << Links(entry.repeat_links) << "\n";
  out << "\n";
  std::string text = Escape(entry.text);
  out << "> ";
  for (char c : text) {
    out << c;
    if (c == '\n') out << "> ";
  }
  out << "\n\n";
}

void WriteMeeting(std::ostream& out, const Meeting& meeting) {
  out << "## " << Escape(w::MeetingHeading(meeting)) << "\n\n";
  if (!meeting.date.empty()) out << "- **" << w::kDate << ":** " << Escape(meeting.date) << "\n";
  out << "- **" << w::kSource << ":** "
      << (meeting.page.target.empty() ? std::string(w::kUnknownReport) : LinkMd(meeting.page)) << "\n";
  out << "- **" << w::kRecommendations << ":** " << meeting.count << "\n\n";
  for (const Section& section : meeting.sections) {
    out << "### " << (section.title.empty() ? std::string(w::kNoSection) : Escape(section.title))
        << "\n\n";
    for (const Entry& entry : section.entries) WriteEntry(out, entry);
  }
}

}  // namespace

void WriteMarkdown(const Consolidated& record, std::ostream& out) {
  out << "# " << Escape(record.title) << "\n\n";
  out << w::kAsOf << " `" << (record.as_of.commit.empty() ? "-" : record.as_of.commit) << "`";
  if (!record.as_of.date.empty()) out << " (" << record.as_of.date << ")";
  out << ".\n\n";
  out << "- **" << w::kRecommendations << ":** " << record.total << "\n";
  out << "- **" << w::kDocuments << ":** " << record.MeetingCount() << "\n\n";
  out << "## " << w::kSummary << "\n\n";
  for (const CountTable& table : record.summaries) WriteTable(out, table);
  out << w::kSeveralNote << "\n\n";
  if (record.since) WriteChanges(out, record);
  record.ForEachMeeting([&out](const Meeting& meeting) { WriteMeeting(out, meeting); });
}

}  // namespace sijill::record
