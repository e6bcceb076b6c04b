#include "record/changes_internal.h"

#include "record/labels_internal.h"
#include "sijill/model/id.h"
#include "sijill/model/record_yaml.h"

namespace sijill::record {

namespace {

std::optional<model::Recommendation> ReadOld(const store::Repository& repository,
                                             const std::string& path, const std::string& commit) {
  std::optional<std::string> text = repository.ReadFile(path, commit);
  if (!text) return std::nullopt;
  model::ParsedRecord parsed = model::ParseRecord(path, *text);
  if (!parsed.parsed) return std::nullopt;
  return std::move(parsed.record);
}

// "" when nothing a reader of the record would see changed (e.g. only the text was corrected).
const char* KindOf(const model::Recommendation* before, const model::Recommendation* after) {
  if (!before) return after ? "new" : "";
  if (!after) return "removed";
  if (before->status != after->status) return "status";
  if (before->followup != after->followup) return "follow-up";
  return "";
}

std::optional<Change> ChangeOf(const std::string& path, const model::Recommendation* old,
                               const model::Recommendation* now) {
  std::string kind = KindOf(old, now);
  if (kind.empty()) return std::nullopt;
  std::optional<model::RecordId> id = model::RecordIdFromPath(path);
  const model::Recommendation& shown = now ? *now : *old;
  Change change;
  change.id = id->ToString();
  change.source = ParagraphLink(shown.source.symbol, id->slug, shown.source.paragraph, id->rest);
  change.kind = kind;
  if (old) change.status_before = StatusLabel(old->status);
  if (now) change.status_after = StatusLabel(now->status);
  if (now && !now->followup.empty()) change.date = now->followup.back().date;
  return change;
}

}  // namespace

ChangeTracker::ChangeTracker(const store::Repository& repository, const std::string& from,
                             const std::string& to) {
  for (const std::string& path : repository.ChangedPaths(from, to)) {
    std::optional<model::RecordId> id = model::RecordIdFromPath(path);
    if (!id) continue;
    by_id_[id->ToString()] = {path, ReadOld(repository, path, from), std::nullopt};
  }
}

void ChangeTracker::See(const model::Recommendation& now) {
  auto found = by_id_.find(now.id);
  if (found == by_id_.end() || found->second.change) return;
  Changed& changed = found->second;
  changed.change = ChangeOf(changed.path, changed.old ? &*changed.old : nullptr, &now);
  // Unchanged to the reader: remember that it was seen, with no change to show.
  if (!changed.change) changed.change = Change{};
}

std::vector<Change> ChangeTracker::Finish() {
  std::vector<Change> changes;  // by_id_ is in id order
  for (auto& [id, changed] : by_id_) {
    if (!changed.change) changed.change = ChangeOf(changed.path, changed.old ? &*changed.old : nullptr, nullptr);
    if (changed.change && !changed.change->kind.empty()) changes.push_back(std::move(*changed.change));
  }
  return changes;
}

}  // namespace sijill::record
