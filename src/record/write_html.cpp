// The record as ONE self-contained printable HTML file (issue 5): right to left, inline CSS
// with print rules, a page break before each meeting, no external asset. Every piece of text
// is escaped (markdown::EscapeHtml); only http(s) and relative links are kept. Streams.
#include <ostream>
#include <string>

#include "markdown/html_escape_internal.h"
#include "record/words_internal.h"
#include "sijill/record/formats.h"

namespace sijill::record {

namespace {

namespace w = words;
using markdown::EscapeHtml;

constexpr const char* kStyle = R"(body{font-family:"Amiri","Noto Naskh Arabic","Noto Sans Arabic","Times New Roman",serif;line-height:1.7;margin:2em auto;max-width:56em;padding:0 1em;color:#111}
h1{font-size:1.7em}h2{font-size:1.4em;border-bottom:2px solid #444}h3{font-size:1.15em}h4{font-size:1em;margin-bottom:.2em}
table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #888;padding:.2em .6em}th{background:#eee}td.n{text-align:center}
tr.total td{font-weight:bold}
code,.id{direction:ltr;unicode-bidi:isolate;font-family:"DejaVu Sans Mono",monospace;font-size:.9em}
.entry{break-inside:avoid;page-break-inside:avoid;border-top:1px solid #ccc;padding-top:.3em}
.entry dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1em;margin:.3em 0}.entry dt{font-weight:bold}.entry dd{margin:0}
blockquote{white-space:pre-line;margin:.4em 0 1em;padding-inline-start:1em;border-inline-start:3px solid #888}
a{color:#0645ad}
.meeting{break-before:page;page-break-before:always}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}h2,h3,h4{break-after:avoid;page-break-after:avoid}th{background:none}@page{size:A4;margin:2cm 1.8cm}}
)";

bool SafeTarget(const std::string& target) {
  return !target.empty() && !markdown::IsDangerousUrl(target);
}

// Latin symbols inside Arabic text are isolated so the bidi algorithm keeps their order.
std::string LinkHtml(const Link& link) {
  std::string text = "<bdi>" + EscapeHtml(link.text) + "</bdi>";
  if (!SafeTarget(link.target)) return text;
  return "<a href=\"" + EscapeHtml(link.target) + "\">" + text + "</a>";
}

std::string LinksHtml(const std::vector<Link>& links) {
  std::string out;
  for (const Link& link : links) out += (out.empty() ? "" : std::string(w::kListSeparator)) + LinkHtml(link);
  return out;
}

void Cell(std::ostream& out, const std::string& html, const char* tag = "td", bool number = false) {
  out << "<" << tag << (number ? " class=\"n\"" : "") << ">" << html << "</" << tag << ">";
}

void WriteTable(std::ostream& out, const CountTable& table) {
  out << "<h3>" << EscapeHtml(table.title) << "</h3>\n<table>\n<thead><tr>";
  Cell(out, EscapeHtml(table.row_header), "th");
  for (const std::string& column : table.columns) Cell(out, EscapeHtml(column), "th");
  Cell(out, std::string(w::kTotal), "th");
  out << "</tr></thead>\n<tbody>\n";
  for (const CountTable::Row& row : table.rows) {
    out << "<tr>";
    Cell(out, EscapeHtml(row.label));
    for (size_t count : row.counts) Cell(out, std::to_string(count), "td", true);
    Cell(out, std::to_string(row.total), "td", true);
    out << "</tr>\n";
  }
  out << "<tr class=\"total\">";
  Cell(out, std::string(w::kTotalRow));
  for (size_t count : table.column_totals) Cell(out, std::to_string(count), "td", true);
  Cell(out, std::to_string(table.total), "td", true);
  out << "</tr>\n</tbody>\n</table>\n";
}

void WriteChanges(std::ostream& out, const Consolidated& record) {
  const Revision& since = *record.since;
  out << "<h3>" << w::kChangedSince << " ";
  if (since.rev != since.commit) out << "<bdi>" << EscapeHtml(since.rev) << "</bdi> ";
  out << "(<code>"
      << EscapeHtml(since.commit) << "</code>، " << EscapeHtml(since.date) << ")</h3>\n";
  if (record.changes.empty()) {
    out << "<p>" << w::kNoChanges << "</p>\n";
    return;
  }
  out << "<table>\n<thead><tr>";
  for (std::string_view head : {w::kRecommendation, w::kSource, w::kChange, w::kStatusBefore,
                                w::kStatusAfter, w::kFollowUpDate})
    Cell(out, std::string(head), "th");
  out << "</tr></thead>\n<tbody>\n";
  for (const Change& change : record.changes) {
    out << "<tr>";
    Cell(out, change.kind == "removed" ? "<span class=\"id\">" + EscapeHtml(change.id) + "</span>"
                                       : "<a class=\"id\" href=\"#" + EscapeHtml(change.id) + "\">" +
                                             EscapeHtml(change.id) + "</a>");
    Cell(out, LinkHtml(change.source));
    Cell(out, std::string(w::KindLabel(change.kind)));
    Cell(out, EscapeHtml(change.status_before));
    Cell(out, EscapeHtml(change.status_after));
    Cell(out, EscapeHtml(change.date));
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

void Item(std::ostream& out, std::string_view term, const std::string& html) {
  out << "<dt>" << term << "</dt><dd>" << html << "</dd>\n";
}

void WriteEntry(std::ostream& out, const Entry& entry) {
  out << "<article class=\"entry\" id=\"" << EscapeHtml(entry.id) << "\">\n<h4 class=\"id\">"
      << EscapeHtml(entry.id) << "</h4>\n<dl>\n";
  Item(out, w::kSource, LinkHtml(entry.source));
  if (!entry.adopted.empty()) Item(out, w::kAdopted, EscapeHtml(entry.adopted));
  if (!entry.addressees.empty()) Item(out, w::kAddressees, EscapeHtml(w::Join(entry.addressees)));
  if (!entry.modality.empty()) Item(out, w::kModality, "<bdi>" + EscapeHtml(entry.modality) + "</bdi>");
  if (!entry.topics.empty()) Item(out, w::kTopics, EscapeHtml(w::Join(entry.topics)));
  Item(out, w::kStatus, EscapeHtml(entry.status_label));
  if (entry.latest) {
    const LatestFollowUp& latest = *entry.latest;
    std::string html = EscapeHtml(latest.date) + " — " + EscapeHtml(latest.status_label);
    if (!latest.note.empty()) html += " — " + EscapeHtml(latest.note);
    if (!latest.by.empty()) html += " (<bdi>" + EscapeHtml(latest.by) + "</bdi>)";
    Item(out, w::kLatest, html);
    if (!latest.evidence.empty()) Item(out, w::kEvidence, LinksHtml(latest.evidence));
  }
  if (!entry.repeats.empty()) {
    // Within this file the earlier record is an entry of its own: link to it here.
    std::string html;
    for (const std::string& id : entry.repeats)
      html += (html.empty() ? "" : std::string(w::kListSeparator)) + "<a class=\"id\" href=\"#" +
              EscapeHtml(id) + "\">" + EscapeHtml(id) + "</a>";
    Item(out, w::kRepeats, html);
  }
  out << "</dl>\n<blockquote>" << EscapeHtml(entry.text) << "</blockquote>\n</article>\n";
}

void WriteMeeting(std::ostream& out, const Meeting& meeting) {
  out << "<section class=\"meeting\" id=\"" << EscapeHtml(meeting.slug) << "\">\n<h2><bdi>"
      << EscapeHtml(meeting.symbol.empty() ? meeting.slug : meeting.symbol) << "</bdi>";
  if (!meeting.title.empty()) out << " — " << EscapeHtml(meeting.title);
  out << "</h2>\n<p>";
  if (!meeting.date.empty()) out << w::kDate << ": " << EscapeHtml(meeting.date) << " · ";
  out << w::kSource << ": "
      << (meeting.page.target.empty() ? std::string(w::kUnknownReport) : LinkHtml(meeting.page))
      << " · " << w::kRecommendations << ": " << meeting.count << "</p>\n";
  for (const Section& section : meeting.sections) {
    out << "<h3>" << (section.title.empty() ? std::string(w::kNoSection) : EscapeHtml(section.title))
        << "</h3>\n";
    for (const Entry& entry : section.entries) WriteEntry(out, entry);
  }
  out << "</section>\n";
}

}  // namespace

void WriteHtml(const Consolidated& record, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
      << EscapeHtml(record.title) << "</title>\n<style>\n" << kStyle << "</style>\n</head>\n<body>\n";
  out << "<header>\n<h1>" << EscapeHtml(record.title) << "</h1>\n<p>" << w::kAsOf << " <code>"
      << EscapeHtml(record.as_of.commit.empty() ? "-" : record.as_of.commit) << "</code>";
  if (!record.as_of.date.empty()) out << " (" << EscapeHtml(record.as_of.date) << ")";
  out << ".</p>\n<p>" << w::kRecommendations << ": " << record.total << " · " << w::kDocuments
      << ": " << record.MeetingCount() << "</p>\n</header>\n";
  out << "<section class=\"summary\">\n<h2>" << w::kSummary << "</h2>\n";
  for (const CountTable& table : record.summaries) WriteTable(out, table);
  out << "<p>" << w::kSeveralNote << "</p>\n";
  if (record.since) WriteChanges(out, record);
  out << "</section>\n";
  record.ForEachMeeting([&out](const Meeting& meeting) { WriteMeeting(out, meeting); });
  out << "</body>\n</html>\n";
}

}  // namespace sijill::record
