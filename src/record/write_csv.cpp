// The record as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel and LibreOffice
// detect the encoding), a header row, one line per recommendation, RFC 4180 quoting and CRLF
// line ends. Streams one line at a time.
#include <ostream>
#include <string>
#include <vector>

#include "record/words_internal.h"
#include "sijill/record/formats.h"

namespace sijill::record {

namespace {

constexpr const char* kHeader[] = {
    "id",     "symbol",          "paragraph",       "link",          "document_date",
    "section", "adopted",        "text",            "addressees",    "modality",
    "topics", "status",          "followup_date",   "followup_status", "followup_note",
    "followup_by", "evidence",   "repeats",
};

// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
void Field(std::ostream& out, const std::string& value, bool first) {
  if (!first) out << ',';
  if (value.find_first_of(",\"\r\n") == std::string::npos) {
    out << value;
    return;
  }
  out << '"';
  for (char c : value) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

void Line(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) Field(out, fields[i], i == 0);
  out << "\r\n";
}

std::string EvidenceText(const std::vector<Link>& links) {
  std::vector<std::string> texts;
  for (const Link& link : links) texts.push_back(link.text);
  return words::Join(texts, "; ");
}

std::vector<std::string> Row(const Meeting& meeting, const Section& section, const Entry& entry) {
  std::string date, status, note, by, evidence;
  if (entry.latest) {
    date = entry.latest->date;
    status = entry.latest->status;  // the id, like the status column
    note = entry.latest->note;
    by = entry.latest->by;
    evidence = EvidenceText(entry.latest->evidence);
  }
  return {entry.id,
          entry.symbol,
          entry.paragraph,
          entry.source.target,
          meeting.date,
          section.title,
          entry.adopted,
          entry.text,
          words::Join(entry.addressees, "; "),
          entry.modality,
          words::Join(entry.topics, "; "),
          entry.status,
          date,
          status,
          note,
          by,
          evidence,
          words::Join(entry.repeats, " ")};
}

}  // namespace

void WriteCsv(const Consolidated& record, std::ostream& out) {
  out << "\xEF\xBB\xBF";
  Line(out, std::vector<std::string>(std::begin(kHeader), std::end(kHeader)));
  record.ForEachMeeting([&out](const Meeting& meeting) {
    for (const Section& section : meeting.sections)
      for (const Entry& entry : section.entries) Line(out, Row(meeting, section, entry));
  });
}

}  // namespace sijill::record
