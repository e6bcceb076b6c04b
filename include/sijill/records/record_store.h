// Reading records and recording follow-up: the one place where a status update is turned into a
// commit. Shared by the command line (`show`, `status`, `history`) and the HTTP service, so both
// follow the same rules:
//  - a record is read from a commit, never from the working tree;
//  - its ETag is the git blob id of its file, so any change to the file changes the ETag;
//  - a follow-up appends one entry and sets `status` with a minimal text edit (model/record_edit.h)
//    and becomes exactly one commit authored by the person who made it;
//  - with `if_match`, a record whose ETag moved on is refused (Error kConflict) and nothing is
//    written; without it, a concurrent change to the same record is merged by re-reading the
//    record and appending again, so no update is ever lost.
//
// Thread-safety: safe for concurrent use if the Repository is (store::Repository is).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sijill/model/date.h"
#include "sijill/model/recommendation.h"
#include "sijill/store/repository.h"

namespace sijill::records {

struct LoadedRecord {
  model::Recommendation record;
  std::string path;    // recommendations/<slug>/<rest>.yaml
  std::string text;    // the file as committed
  std::string etag;    // git blob id of the file
  std::string commit;  // the commit it was read from
};

struct FollowUpRequest {
  std::string status;
  std::string note;
  std::vector<model::Evidence> evidence;
  std::string date;  // ISO date; empty = today (UTC)
  store::Signature author;
  std::optional<std::string> if_match;  // the ETag the writer saw, if any
};

// One commit that touched a record, with what it did to it.
struct HistoryEntry {
  store::CommitInfo commit;
  std::string change;          // "created", "follow-up", "edited", "deleted"
  std::string status_before;   // empty when created
  std::string status_after;    // empty when deleted
  std::optional<model::FollowUp> followup;  // the entry the commit appended, if any
};

class RecordStore {
 public:
  // `statuses` are the allowed status values; empty = those of the committed sijill.yaml (its
  // defaults when it has none).
  RecordStore(store::Repository& repository, std::vector<std::string> statuses = {});

  // Throws Error kInvalid for a malformed id, kNotFound for an unknown one, kInvalid naming the
  // file and line when the record does not parse.
  LoadedRecord Load(const std::string& id, const std::string& rev = "HEAD") const;

  // Appends the follow-up and commits; returns the record as committed (with its new ETag).
  // Throws kInvalid for an unknown status or a bad date, kConflict for a stale if_match.
  LoadedRecord AddFollowUp(const std::string& id, const FollowUpRequest& request);

  // Newest first.
  std::vector<HistoryEntry> History(const std::string& id) const;

  const std::vector<std::string>& statuses() const { return statuses_; }

 private:
  store::Repository& repository_;
  std::vector<std::string> statuses_;
};

using model::IsIsoDate;
using model::TodayUtc;

}  // namespace sijill::records
