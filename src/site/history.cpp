#include <algorithm>
#include <optional>

#include "sijill/model/record_yaml.h"
#include "site/history_internal.h"

namespace sijill::site::internal {

namespace {

constexpr const char* kRecordsDir = "recommendations";

}  // namespace

RecordHistories::RecordHistories(const store::Repository& repository,
                                 const records::Snapshot& snapshot)
    : repository_(repository), snapshot_(snapshot) {}

void RecordHistories::Walk() {
  if (snapshot_.commit.empty()) return;
  for (store::CommitChanges& entry : repository_.Log(kRecordsDir, snapshot_.commit)) {
    size_t index = commits_.size();
    commits_.push_back(std::move(entry.commit));
    for (store::PathChange& change : entry.changes)
      paths_[change.path].push_back({index, std::move(change.blob_id)});
  }
}

std::vector<records::HistoryEntry> RecordHistories::Of(const std::string& path,
                                                       const model::Recommendation* current) {
  std::call_once(walked_, [this] { Walk(); });
  std::vector<records::HistoryEntry> entries;
  auto found = paths_.find(path);
  if (found == paths_.end()) return entries;
  const std::vector<Version>& versions = found->second;
  // Oldest first, so each version is compared with the one before it (as RecordStore::History).
  std::optional<model::Recommendation> before;
  for (size_t i = versions.size(); i-- > 0;) {
    const Version& version = versions[i];
    records::HistoryEntry entry{.commit = commits_[version.commit]};
    std::optional<model::Recommendation> after;
    if (i == 0 && current && !version.blob_id.empty()) {
      after = *current;  // the newest version is the snapshot's own
    } else if (!version.blob_id.empty()) {
      if (std::optional<std::string> text = repository_.ReadBlob(version.blob_id))
        after = model::ParseRecord(path, *text).record;
    }
    if (before) entry.status_before = before->status;
    if (after) entry.status_after = after->status;
    if (!after) {
      entry.change = "deleted";
    } else if (!before) {
      entry.change = "created";
    } else if (after->followup.size() > before->followup.size()) {
      entry.change = "follow-up";
      entry.followup = after->followup.back();
    } else {
      entry.change = "edited";
    }
    entries.push_back(std::move(entry));
    before = std::move(after);
  }
  std::reverse(entries.begin(), entries.end());
  return entries;
}

}  // namespace sijill::site::internal
