// The whole repository as it stood at one commit, parsed: reports, recommendation records,
// briefs and settings. What the consolidated record, the static site and the service's pages
// are generated from, so they all read the repository the same way (DESIGN.md §1 layout).
// Files are read from the commit, never from the working tree, so `--as-of REF` reproduces an
// old state exactly. Plain values; safe to share read-only between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sijill/error.h"
#include "sijill/markdown/document.h"
#include "sijill/model/brief.h"
#include "sijill/model/recommendation.h"
#include "sijill/model/settings.h"
#include "sijill/store/repository.h"

namespace sijill::records {

struct SnapshotOptions {
  // false: reports keep their front matter only (no body, no paragraphs) — for the record of a
  // very large repository, which needs the reports' metadata but not their text.
  bool paragraphs = true;
  bool briefs = true;
  // false: no recommendation records (the record of a large repository streams them itself).
  bool records = true;
  // Files are parsed on this many threads; 0 = one per core.
  unsigned threads = 0;
};

struct Snapshot {
  std::string commit;  // the commit read ("" for a repository without commits)
  std::vector<markdown::Document> reports;       // corpus/*.md, by date, then slug
  std::vector<model::Recommendation> records;    // recommendations/**.yaml, by id
  std::vector<model::Brief> briefs;              // briefs/*.md (drafts too), by date, then slug
  model::Settings settings;                      // sijill.yaml, or the defaults
  std::map<std::string, std::string> blob_ids;   // repository path → blob id, of every file read
  Problems problems;  // files that could not be read in full (they are kept as far as read)

  const markdown::Document* FindReport(std::string_view slug) const;
  const markdown::Document* FindReportBySymbol(std::string_view symbol) const;
  const model::Recommendation* FindRecord(std::string_view id) const;  // binary search
  const model::Brief* FindBrief(std::string_view slug) const;
  // The records adopted in one report (by source symbol), in paragraph order.
  std::vector<const model::Recommendation*> RecordsOf(std::string_view symbol) const;
};

// Reads `rev` (a commit, branch, tag or anything Repository::Resolve takes). Throws Error
// kNotFound for an unknown rev. Bad files never throw: they become Snapshot::problems.
Snapshot LoadSnapshot(const store::Repository& repository, const std::string& rev = "HEAD",
                      const SnapshotOptions& options = {});

// One file of a snapshot parsed on its own: LoadSnapshot parses every file so and assembles the
// results; a cache of parsed files (the static site's) keeps them per path and blob id and parses
// only the files whose blob changed.
struct SnapshotFile {
  enum class Kind { kReport, kRecord, kBrief, kSettings };
  Kind kind = Kind::kRecord;
  std::string path;
  std::string blob_id;
  markdown::Document report;                     // kReport
  std::optional<model::Recommendation> record;   // kRecord: nullopt when unreadable or id-less
  std::optional<model::Brief> brief;             // kBrief: nullopt when unreadable
  std::optional<model::Settings> settings;       // kSettings
  Problems problems;
};

// The kind of file `path` is in a snapshot, or nullopt when a snapshot does not read it.
std::optional<SnapshotFile::Kind> SnapshotKindOf(const std::string& path,
                                                 const SnapshotOptions& options = {});
// Reads blob `blob_id` and parses it as the file `path` of `kind`.
SnapshotFile ParseSnapshotFile(const store::Repository& repository, SnapshotFile::Kind kind,
                               const std::string& path, const std::string& blob_id,
                               const SnapshotOptions& options = {});
// Every file of `commit` a snapshot reads, parsed on options.threads threads, in path order.
std::vector<SnapshotFile> LoadSnapshotFiles(const store::Repository& repository,
                                            const std::string& commit,
                                            const SnapshotOptions& options = {});
// The snapshot of `commit` made of `files` (any order; one per path): sorted as LoadSnapshot
// sorts, problems in path order.
Snapshot AssembleSnapshot(std::string commit, std::vector<SnapshotFile> files);
// Sorts reports, records and briefs as a snapshot has them (above), for one assembled from
// parts in path order another way (the static site's build cache). The sorts are not stable:
// the same input order gives the same output.
void SortSnapshot(Snapshot& snapshot);

}  // namespace sijill::records
