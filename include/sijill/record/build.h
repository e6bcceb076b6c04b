// Building the consolidated record from the repository (issue 5 item 1; DESIGN.md §4
// `sijill record [--as-of DATE|REF] [--since DATE|REF]`). A reproducible build: the same commit
// always gives the same model, and so the same bytes in every format.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sijill/record/consolidated.h"
#include "sijill/records/snapshot.h"
#include "sijill/store/repository.h"

namespace sijill::record {

struct BuildOptions {
  std::string as_of = "HEAD";        // a commit, branch, tag or ISO date (Repository::Resolve)
  std::optional<std::string> since;  // the same; adds the "changed since" table
  // Record id → ids of earlier recommendations it repeats or continues (computed by the
  // suggest layer); rendered as "repeats/continues: …" when present.
  std::map<std::string, std::vector<std::string>> lineage;
  // When set, called once with the loaded snapshot; its result replaces `lineage`. The record
  // library stays free of the search index: the caller (the CLI, the service) brings it.
  std::function<std::map<std::string, std::vector<std::string>>(const records::Snapshot&)>
      find_lineage;
};

// The whole build: loads the repository at options.as_of (reports' front matter and records
// only, so a large repository stays cheap), then the changes since options.since.
// Throws Error kNotFound for an unknown revision.
Consolidated BuildRecord(const store::Repository& repository, const BuildOptions& options);

// The model of one snapshot, without the repository: as_of.commit is the snapshot's commit and
// as_of.date, since and changes are left empty (BuildRecord above fills them).
Consolidated BuildRecord(const records::Snapshot& snapshot, const BuildOptions& options);

// A commit's date in its own time zone, YYYY-MM-DD: what the person who committed saw on the
// calendar, and what the record prints as its "as of" date.
std::string CommitDate(const store::CommitInfo& info);

// Records whose status or follow-up differ between the commit `from` and `snapshot` (a record
// new since `from` counts; a changed text alone does not), by id.
std::vector<Change> ChangesSince(const store::Repository& repository, const std::string& from,
                                 const records::Snapshot& snapshot);

}  // namespace sijill::record
