// The consolidated record (issue 5): every adopted recommendation, grouped by the meeting or
// document that adopted it (in date order) and the section it sits under, after summary tables.
// A format-neutral model: the writers in formats.h only lay it out, so md, html, csv and docx
// say the same thing. Plain values, except that the meetings of a large repository are not held
// in memory but read back one at a time (MeetingSource); safe to share read-only between threads.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sijill::record {

// A piece of text that points somewhere: "<slug>.html#p22" (a report paragraph, relative to
// the site's report pages), "<slug>.html" (a report or unnumbered text) or an http(s) URL.
struct Link {
  std::string text;    // "CTOC/COP/2018/2 ¶22", or the URL
  std::string target;  // "" when there is nothing to link to
};

struct LatestFollowUp {
  std::string date;
  std::string status;        // id, e.g. "in-progress"
  std::string status_label;  // "قيد التنفيذ"
  std::string note;
  std::string by;
  std::vector<Link> evidence;
};

struct Entry {
  std::string id;         // "ctoc-cop-wg.4-2013-5.p22"
  std::string symbol;     // source symbol as the record gives it
  std::string paragraph;  // "22", "annex.15", "preamble", "annex"
  Link source;            // "CTOC/COP/WG.4/2013/5 ¶22" → "ctoc-cop-wg.4-2013-5.html#p22"
  std::string adopted;    // YYYY-MM-DD or ""
  std::string text;       // as adopted
  std::vector<std::string> addressees;  // labels from sijill.yaml (the id when none)
  std::string modality;                 // id, e.g. "should"
  std::vector<std::string> topics;      // labels
  std::string status;                   // id, e.g. "in-progress"
  std::string status_label;             // "قيد التنفيذ"
  std::optional<LatestFollowUp> latest;
  // Ids of earlier recommendations this one repeats or continues (BuildOptions::lineage).
  std::vector<std::string> repeats;
  std::vector<Link> repeat_links;  // the same, as links to the earlier records' sources
};

struct Section {
  std::string title;  // the heading the records were adopted under; "" when none
  std::vector<Entry> entries;
};

struct Meeting {
  std::string slug;
  std::string symbol;  // "" for a report whose symbol is not known
  std::string title;
  std::string date;
  std::string type;  // report | secretariat-report | resolution | ...
  std::string body;
  Link page;         // "<slug>.html"
  std::vector<Section> sections;
  size_t count = 0;  // entries in all sections
};

// A count table: rows × status columns, with totals.
struct CountTable {
  std::string title;       // "الحالة حسب الموضوع"
  std::string row_header;  // "الموضوع"
  std::vector<std::string> columns;  // status labels
  struct Row {
    std::string label;
    std::vector<size_t> counts;  // one per column
    size_t total = 0;
  };
  std::vector<Row> rows;
  std::vector<size_t> column_totals;
  size_t total = 0;
};

// One record whose status or follow-up changed between the --since commit and the as-of one.
struct Change {
  std::string id;
  Link source;
  std::string kind;           // "new", "status", "follow-up", "removed"
  std::string status_before;  // label; "" for a new record
  std::string status_after;   // label; "" for a removed record
  std::string date;           // date of the latest follow-up entry, "" when none
};

// Which commit a record was built from, printed instead of the time of the build so that the
// same commit always gives the same bytes.
struct Revision {
  std::string rev;     // as the user gave it: "HEAD", "2019-01-01", "v1"
  std::string commit;  // full commit id; "" for a repository without commits
  std::string date;    // the commit's date, YYYY-MM-DD in its own time zone
};

// Meetings produced one at a time, in order: the record of 100,000 recommendations keeps its
// entries on disk and only one meeting in memory (BuildRecord(repository, …)).
class MeetingSource {
 public:
  virtual ~MeetingSource() = default;
  virtual size_t Count() const = 0;
  // Calls `visit` with each meeting in date order; may be called again (and from several threads).
  virtual void ForEach(const std::function<void(const Meeting&)>& visit) const = 0;
};

struct Consolidated {
  std::string title;  // sijill.yaml title
  Revision as_of;
  std::optional<Revision> since;  // set with --since
  size_t total = 0;               // recommendations
  std::vector<CountTable> summaries;  // status × topic, status × addressee
  std::vector<Change> changes;        // only with --since, by id
  std::vector<Meeting> meetings;      // in date order
  std::shared_ptr<const MeetingSource> more_meetings;  // after `meetings`, when set

  // What writers use: `meetings`, then those of `more_meetings`.
  size_t MeetingCount() const;
  void ForEachMeeting(const std::function<void(const Meeting&)>& visit) const;
};

}  // namespace sijill::record
