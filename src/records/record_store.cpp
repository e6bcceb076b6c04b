#include "sijill/records/record_store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "records/committed_statuses.h"
#include "sijill/error.h"
#include "sijill/model/id.h"
#include "sijill/model/record_edit.h"
#include "sijill/model/record_yaml.h"
#include "sijill/model/settings.h"

namespace sijill::records {

namespace {

// A concurrent writer touching the same record makes Commit throw kConflict; without If-Match we
// re-read and append again. Each retry means someone else's commit landed, so this bound is only
// reached under a storm of writers to one record.
constexpr int kMaxAttempts = 50;

// A record is refused for reading or updating only when what an update touches is broken: the
// file as a whole (not UTF-8, not YAML) or its id, status or follow-up log. Other problems, such
// as a key a person added by hand, are for `sijill check` and survive every update.
bool BlocksUse(const Problem& problem) {
  if (problem.severity != Severity::kError) return false;
  const std::string& field = problem.where.field;
  return field.empty() || field == "id" || field.rfind("status", 0) == 0 ||
         field.rfind("followup", 0) == 0;
}

model::Recommendation ParseOrThrow(const std::string& path, const std::string& text) {
  model::ParsedRecord parsed = model::ParseRecord(path, text);
  for (const Problem& problem : parsed.problems)
    if (!parsed.parsed || BlocksUse(problem))
      throw Error(Error::Kind::kInvalid, problem.message + " (run 'sijill check')", problem.where);
  return parsed.record;
}

std::string CommitMessage(const std::string& id, const FollowUpRequest& request) {
  std::string message = "status: " + id + " -> " + request.status + "\n";
  if (!request.note.empty()) message += "\n" + request.note + "\n";
  for (const model::Evidence& evidence : request.evidence)
    message += (request.note.empty() ? "\nEvidence: " : "Evidence: ") + evidence.ToString() + "\n";
  return message;
}

}  // namespace

RecordStore::RecordStore(store::Repository& repository, std::vector<std::string> statuses)
    : repository_(repository),
      statuses_(statuses.empty() ? CommittedStatuses(repository) : std::move(statuses)) {}

LoadedRecord RecordStore::Load(const std::string& id, const std::string& rev) const {
  model::RecordId parsed_id = model::ParseRecordId(id);
  LoadedRecord loaded;
  loaded.path = parsed_id.Path();
  loaded.commit = repository_.Resolve(rev);
  std::optional<std::string> text = repository_.ReadFile(loaded.path, loaded.commit);
  if (!text) throw Error(Error::Kind::kNotFound, "unknown record id '" + id + "'");
  loaded.text = std::move(*text);
  loaded.etag = repository_.BlobId(loaded.path, loaded.commit).value_or("");
  loaded.record = ParseOrThrow(loaded.path, loaded.text);
  return loaded;
}

LoadedRecord RecordStore::AddFollowUp(const std::string& id, const FollowUpRequest& request) {
  if (std::find(statuses_.begin(), statuses_.end(), request.status) == statuses_.end()) {
    std::string allowed;
    for (const std::string& status : statuses_) allowed += (allowed.empty() ? "" : ", ") + status;
    throw Error(Error::Kind::kInvalid,
                "unknown status '" + request.status + "' (allowed: " + allowed + ")",
                Location{.field = "status"});
  }
  std::string date = request.date.empty() ? TodayUtc() : request.date;
  if (!IsIsoDate(date))
    throw Error(Error::Kind::kInvalid, "date '" + date + "' is not YYYY-MM-DD",
                Location{.field = "date"});
  model::FollowUp entry{.date = date,
                        .status = request.status,
                        .note = request.note,
                        .evidence = request.evidence,
                        .by = request.author.name + " <" + request.author.email + ">"};
  for (int attempt = 1;; ++attempt) {
    LoadedRecord current = Load(id);
    if (request.if_match && *request.if_match != current.etag)
      throw Error(Error::Kind::kConflict, "record '" + id + "' changed since it was read (ETag " +
                                              current.etag.substr(0, 12) + ")");
    if (!current.record.followup.empty() && current.record.followup.back().date > date)
      throw Error(Error::Kind::kInvalid,
                  "date " + date + " is before the last follow-up (" +
                      current.record.followup.back().date + ")",
                  Location{.field = "date"});
    std::string updated = model::ApplyFollowUp(current.text, current.record, entry);
    try {
      std::string commit =
          repository_.Commit({.base = current.commit, .files = {{current.path, updated}}},
                             request.author, CommitMessage(id, request));
      // The record as this commit left it, even if another writer has committed since: the
      // file just written, which ApplyFollowUp checked reads back as this record (reading it
      // back from the commit's trees cost ~4 % of a `sijill status`).
      LoadedRecord written{.record = current.record,
                           .path = current.path,
                           .text = updated,
                           .etag = store::Repository::BlobIdOf(updated),
                           .commit = commit};
      written.record.status = entry.status;
      written.record.followup.push_back(entry);
      return written;
    } catch (const Error& error) {
      // Retry only when someone else committed to this record between our read and our commit;
      // a conflict with HEAD unchanged (an uncommitted hand edit) will not go away by retrying.
      bool head_moved = repository_.Head() != current.commit;
      if (error.kind() != Error::Kind::kConflict || request.if_match || !head_moved ||
          attempt >= kMaxAttempts)
        throw;
    }
  }
}

std::vector<HistoryEntry> RecordStore::History(const std::string& id) const {
  model::RecordId parsed_id = model::ParseRecordId(id);
  std::string path = parsed_id.Path();
  std::vector<store::CommitInfo> commits = repository_.History(path);
  if (commits.empty()) throw Error(Error::Kind::kNotFound, "unknown record id '" + id + "'");
  std::vector<HistoryEntry> entries;
  // Oldest first, so each commit is compared with the state before it.
  std::optional<model::Recommendation> before;
  for (auto it = commits.rbegin(); it != commits.rend(); ++it) {
    HistoryEntry entry{.commit = *it};
    std::optional<std::string> text = repository_.ReadFile(path, it->id);
    std::optional<model::Recommendation> after;
    if (text) after = model::ParseRecord(path, *text).record;
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

}  // namespace sijill::records
