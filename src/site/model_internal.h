// What the pages are made from: the snapshot plus the indexes and URLs every page needs.
// Built once per build, then read by all rendering threads (read-only).
#pragma once

#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <mstch/mstch.hpp>

#include "sijill/records/snapshot.h"
#include "sijill/site/site.h"
#include "site/output_internal.h"
#include "site/snapshot_cache_internal.h"

namespace sijill::site::internal {

// Reports per page of a list: a record's page in every list is fixed by its report's place in
// the whole corpus (reports by date), not by its place in the list, so a status change moves a
// record between the lists' pages of the same number and no other page of those lists changes.
inline constexpr size_t kReportsPerListPage = 100;

// The list pages: /topics/<id>.html, /addressees/<id>.html, /status/<id>.html, /years/<y>.html.
struct ListKind {
  std::string name;   // "topics", "addressees", "status", "years"
  std::map<std::string, std::vector<size_t>> members;  // value -> record indexes, by report
};

struct Model {
  const records::Snapshot& snapshot;
  const BuildOptions& options;
  std::vector<size_t> record_report;                // record index -> report index (or npos)
  std::vector<std::vector<size_t>> report_records;  // report index -> record indexes
  // Looked up only, never walked: hashed (three std::maps of 20,000 strings were ~40 ms).
  std::unordered_map<std::string, size_t> report_by_symbol;
  std::unordered_map<std::string, size_t> report_by_slug;
  std::unordered_map<std::string, std::vector<size_t>> reports_of_symbol;  // one per language, usually
  std::vector<ListKind> lists;
  std::vector<const model::Brief*> briefs;  // published only, by date
  uint64_t base_key = 0;  // theme, settings, options, generator version
  // Where a report's body is read from when the snapshot came without it (snapshot_cache).
  const store::Repository* repository = nullptr;

  // `paragraph_ids`: by report, its paragraphs' ids when its Document came without them
  // (LoadedSnapshot::paragraph_ids), "" for one that has them; nullptr: every report has them.
  // `record_texts`: by record, its text and summaries when it came from the build cache without
  // them (LoadedSnapshot::record_texts); nullptr: every record has its own.
  // `record_files`: by record, its file and blob id (LoadedSnapshot::record_files, which
  // snapshot.blob_ids then lacks); nullptr: snapshot.blob_ids has the records' files.
  Model(const records::Snapshot& snapshot, const BuildOptions& options, uint64_t theme_key,
        const std::vector<std::string>* paragraph_ids = nullptr,
        const std::vector<CachedText>* record_texts = nullptr,
        const std::vector<internal::RecordFile>* record_files = nullptr);

  // A record's text and summaries, wherever they are (the record's own, or the build cache's):
  // pages read them through these, never from the snapshot's record.
  std::string_view RecordText(size_t record) const;
  std::map<std::string, std::string> RecordSummary(size_t record) const;
  // SearchSum of the two (the search index's key).
  uint64_t RecordSearchSum(size_t record) const;

  // The Markdown body of a report: the snapshot's, or (a report read from the build cache has
  // none) its blob's, parsed again. Thread-safe.
  std::string ReportBody(size_t report) const;

  // The blob id of `path` in the snapshot, "" when it has none.
  const std::string& BlobOf(const std::string& path) const;
  // Looked up once per build: page keys ask for them about a million times at 20,000 reports.
  // (Views, not copies: 100,000 copies of 40-hex ids were fresh memory.)
  std::string_view RecordBlob(size_t record) const { return record_blobs_[record]; }
  // The file of a record (model::RecordId::Path), "" when its id is not a valid one.
  std::string_view RecordFile(size_t record) const { return record_files_[record]; }
  const std::string& ReportBlob(size_t report) const { return *report_blobs_[report]; }
  // Their hashes (Hash), made once per build, for page keys: a record is on ~6 pages (its own,
  // its report's, its lists'), and hashing its 40-hex blob id for each was ~0.1 s at 20,000
  // reports.
  uint64_t RecordKey(size_t record) const { return record_keys_[record]; }
  uint64_t ReportKey(size_t report) const { return report_keys_[report]; }
  // Page number (0-based) of a record in a list, from its report's place in the corpus.
  size_t ListPage(size_t record) const;

 private:
  std::vector<std::string_view> record_blobs_;
  std::vector<std::string_view> record_files_;  // of the snapshot or of other_files_
  std::vector<const std::string*> report_blobs_;
  std::vector<uint64_t> record_keys_;
  std::vector<uint64_t> report_keys_;
  std::deque<std::string> other_files_;  // a record's file that the snapshot has no blob for
  const std::vector<CachedText>* record_texts_ = nullptr;
  const CachedText* Cached(size_t record) const {
    if (!record_texts_ || !(*record_texts_)[record].cached) return nullptr;
    return &(*record_texts_)[record];
  }
};

// The site generator's version ("sijill-site-2"): bumped whenever its output changes, so every
// page is rendered again (it is part of every page's key and of the build stamp).
const char* GeneratorVersion();

// "" or "../": from a page at `path` to the site root (every link is relative, so the site
// also works from file:// and under any prefix).
std::string RootOf(const std::string& path);

std::string ReportPath(const std::string& slug);  // "reports/<slug>.html"
std::string RecordPath(const std::string& id);    // "recommendations/<id>.html"
std::string BriefPath(const std::string& slug);   // "briefs/<slug>.html"
// "status/open.html", page 2 "status/open-2.html".
std::string ListPath(const std::string& kind, const std::string& value, size_t page);
// The anchor of a record's source paragraph in its report page: "p22", "annex.p15".
std::string Anchor(const std::string& record_id);

std::string Dir(const std::string& language);  // "rtl" for Arabic script languages
std::string Excerpt(std::string_view text, size_t code_points);

// UI strings of the theme, in `language` (ar, else en), as the context {"t": {key: text}}
// that Theme renders every page over.
const mstch::node& Strings(const std::string& language);
std::string StatusLabel(const std::string& status, const std::string& language);
std::string ListLabel(const Model& model, const std::string& kind, const std::string& value,
                      const std::string& language);
std::string KindLabel(const std::string& kind, const std::string& language);

// Where a follow-up's evidence points: the paragraph in a report of the site, or outside.
struct Link {
  std::string href;  // relative to the root for internal links
  std::string text;
  bool internal = false;
};
Link EvidenceLink(const Model& model, const model::Evidence& evidence);

}  // namespace sijill::site::internal
