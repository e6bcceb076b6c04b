// The record of one commit of the repository: load, build, and the "changed since" table.
#include <ctime>

#include "sijill/record/build.h"

namespace sijill::record {

namespace {

Revision Describe(const store::Repository& repository, const std::string& rev,
                  const std::string& commit) {
  if (commit.empty()) return {rev, "", ""};
  return {rev, commit, CommitDate(repository.Describe(commit))};
}

}  // namespace

std::string CommitDate(const store::CommitInfo& info) {
  std::time_t local = static_cast<std::time_t>(info.time + info.offset_minutes * 60LL);
  std::tm parts{};
  gmtime_r(&local, &parts);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &parts);
  return buffer;
}

Consolidated BuildRecord(const store::Repository& repository, const BuildOptions& options) {
  // Resolve --since first: a bad ref is refused before the (possibly long) load.
  std::optional<std::string> since_commit;
  if (options.since) since_commit = repository.Resolve(*options.since);
  records::Snapshot snapshot =
      records::LoadSnapshot(repository, options.as_of, {.paragraphs = false, .briefs = false});
  Consolidated out;
  if (options.find_lineage) {
    BuildOptions with_lineage = options;
    with_lineage.lineage = options.find_lineage(snapshot);
    out = BuildRecord(snapshot, with_lineage);
  } else {
    out = BuildRecord(snapshot, options);
  }
  out.as_of = Describe(repository, options.as_of, snapshot.commit);
  if (since_commit) {
    out.since = Describe(repository, *options.since, *since_commit);
    out.changes = ChangesSince(repository, *since_commit, snapshot);
  }
  return out;
}

}  // namespace sijill::record
