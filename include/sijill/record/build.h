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
#include "sijill/records/adoption.h"
#include "sijill/records/snapshot.h"
#include "sijill/store/repository.h"

namespace sijill::record {

struct BuildOptions {
  std::string as_of = "HEAD";        // a commit, branch, tag or ISO date (Repository::Resolve)
  std::optional<std::string> since;  // the same; adds the "changed since" table
  // Record id → ids of earlier recommendations it repeats or continues (computed by the
  // suggest layer); rendered as "repeats/continues: …" when present.
  std::map<std::string, std::vector<std::string>> lineage;
  // When set, called once with every record's id and adoption date; its result replaces
  // `lineage`. The record library stays free of the search index: the caller (the CLI, the
  // service) brings it.
  std::function<std::map<std::string, std::vector<std::string>>(const records::Adoptions&)>
      find_lineage;
};

// The whole build: reads the repository at options.as_of (reports' front matter and records),
// then the changes since options.since. Memory stays small however large the repository: each
// record is parsed once, its entry written to a temporary file, and only a key of ~200 bytes per
// record (id, date, paragraph, section) kept; the writers read the entries back one meeting at a
// time (Consolidated::more_meetings). Throws Error kNotFound for an unknown revision.
Consolidated BuildRecord(const store::Repository& repository, const BuildOptions& options);

// The model of one snapshot already in memory (the service's), without the repository:
// as_of.commit is the snapshot's commit and as_of.date, since and changes are left empty
// (BuildRecord above fills them). The same bytes as the build above for the same commit.
Consolidated BuildRecord(const records::Snapshot& snapshot, const BuildOptions& options);

// A commit's date in its own time zone, YYYY-MM-DD: what the person who committed saw on the
// calendar, and what the record prints as its "as of" date.
std::string CommitDate(const store::CommitInfo& info);

}  // namespace sijill::record
