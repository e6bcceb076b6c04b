// "Changed since": what the secretariat reports on between two sessions. Compares the record
// files that git says changed between the two commits, so the cost follows the size of the
// change, not of the repository.
#include <algorithm>

#include "record/labels_internal.h"
#include "sijill/model/id.h"
#include "sijill/model/record_yaml.h"
#include "sijill/record/build.h"

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

}  // namespace

std::vector<Change> ChangesSince(const store::Repository& repository, const std::string& from,
                                 const records::Snapshot& snapshot) {
  std::vector<Change> changes;
  for (const std::string& path : repository.ChangedPaths(from, snapshot.commit)) {
    std::optional<model::RecordId> id = model::RecordIdFromPath(path);
    if (!id) continue;
    std::optional<model::Recommendation> old = ReadOld(repository, path, from);
    const model::Recommendation* now = snapshot.FindRecord(id->ToString());
    std::string kind = KindOf(old ? &*old : nullptr, now);
    if (kind.empty()) continue;
    const model::Recommendation& shown = now ? *now : *old;
    Change change;
    change.id = id->ToString();
    change.source = ParagraphLink(shown.source.symbol, id->slug, shown.source.paragraph, id->rest);
    change.kind = kind;
    if (old) change.status_before = StatusLabel(old->status);
    if (now) change.status_after = StatusLabel(now->status);
    if (now && !now->followup.empty()) change.date = now->followup.back().date;
    changes.push_back(std::move(change));
  }
  std::sort(changes.begin(), changes.end(),
            [](const Change& a, const Change& b) { return a.id < b.id; });
  return changes;
}

}  // namespace sijill::record
