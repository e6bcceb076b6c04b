// The record of one commit of the repository, streamed: every record is parsed once, counted,
// turned into its entry and written to a temporary file; what stays in memory is a small key
// per record. The writers then read the entries back one meeting at a time. A repository of
// 100,000 recommendations would otherwise hold every text, follow-up and link at once.
#include <algorithm>
#include <ctime>
#include <map>

#include "record/changes_internal.h"
#include "record/entry_spill_internal.h"
#include "record/meetings_internal.h"
#include "record/summaries_internal.h"
#include "sijill/model/record_yaml.h"
#include "sijill/parallel.h"
#include "sijill/record/build.h"

namespace sijill::record {

namespace {

// What the build keeps of one record: where its entry is, and what placing it in its meeting,
// finding its lineage and linking to it as an earlier record need.
struct RecordKey {
  std::string id;
  std::string slug;  // of the report it belongs to (PlaceOf)
  std::string adopted;
  std::string symbol;
  std::string paragraph;
  std::string section;
  ParagraphKey key;
  uint64_t offset;  // in the EntrySpill
};

class SpilledMeetings : public MeetingSource {
 public:
  size_t Count() const override { return meetings_.size(); }

  void ForEach(const std::function<void(const Meeting&)>& visit) const override {
    auto link_of = [this](const std::string& id) {
      auto found = std::lower_bound(
          keys_.begin(), keys_.end(), id,
          [](const RecordKey& key, const std::string& wanted) { return key.id < wanted; });
      if (found == keys_.end() || found->id != id) return Link{id, ""};
      return RepeatLink(id, found->symbol, found->paragraph);
    };
    for (const auto& [head, members] : meetings_) {
      Meeting meeting = head;
      for (size_t index : members) {
        const RecordKey& key = keys_[index];
        Entry entry = spill_.Read(key.offset);
        auto lineage = lineage_.find(key.id);
        if (lineage != lineage_.end()) AddRepeats(entry, lineage->second, link_of);
        AddEntry(meeting, key.section, std::move(entry));
      }
      visit(meeting);
    }
  }

  EntrySpill spill_;
  std::vector<RecordKey> keys_;  // by id
  // Each meeting's heading and its records (indexes into keys_) in paragraph order.
  std::vector<std::pair<Meeting, std::vector<size_t>>> meetings_;
  std::map<std::string, std::vector<std::string>> lineage_;
};

struct ParsedRecord {
  const store::TreeEntry* entry;
  model::ParsedRecord parsed;
};

// Parses a batch on every core; reads are serialised inside the Repository, parsers share nothing.
void ParseBatch(const store::Repository& repository, std::vector<ParsedRecord>& batch) {
  ParallelFor(batch.size(), 0, [&](size_t i) {
    ParsedRecord& item = batch[i];
    std::string text = repository.ReadBlob(item.entry->blob_id).value_or("");
    item.parsed = model::ParseRecord(item.entry->path, text);
  });
}

Revision Describe(const store::Repository& repository, const std::string& rev,
                  const std::string& commit) {
  if (commit.empty()) return {rev, "", ""};
  return {rev, commit, CommitDate(repository.Describe(commit))};
}

// Enough records to keep both cores busy, few enough that a batch's texts stay small.
constexpr size_t kBatch = 2048;

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
  // Resolve --since first: a bad ref is refused before the (possibly long) read.
  std::optional<std::string> since_commit;
  if (options.since) since_commit = repository.Resolve(*options.since);
  // Settings and the reports' front matter; the records are streamed below.
  records::Snapshot frame = records::LoadSnapshot(
      repository, options.as_of, {.paragraphs = false, .briefs = false, .records = false});
  SlugMap slugs;
  for (const markdown::Document& document : frame.reports)
    slugs.Add(document.report.meta.symbol, document.report.slug);

  std::vector<store::TreeEntry> files;
  if (!frame.commit.empty())
    for (store::TreeEntry& entry : repository.ListFiles("recommendations", frame.commit))
      if (entry.path.ends_with(".yaml")) files.push_back(std::move(entry));

  auto spilled = std::make_shared<SpilledMeetings>();
  SummaryCounter counter(frame.settings);
  std::optional<ChangeTracker> changes;
  if (since_commit) changes.emplace(repository, *since_commit, frame.commit);
  std::map<std::string, std::vector<std::pair<ParagraphKey, size_t>>> by_slug;
  std::vector<ParsedRecord> batch;
  for (size_t start = 0; start < files.size(); start += kBatch) {
    batch.clear();
    for (size_t i = start; i < std::min(files.size(), start + kBatch); ++i)
      batch.push_back({&files[i], {}});
    ParseBatch(repository, batch);
    for (ParsedRecord& item : batch) {
      const model::Recommendation& record = item.parsed.record;
      if (!item.parsed.parsed || record.id.empty()) continue;  // `sijill check` reports these
      counter.Add(record);
      if (changes) changes->See(record);
      Place place = PlaceOf(record, slugs);
      uint64_t offset = spilled->spill_.Write(MakeEntry(frame.settings, slugs, record, place));
      spilled->keys_.push_back({record.id, place.slug, record.adopted, record.source.symbol,
                                record.source.paragraph, record.source.section, place.key, offset});
    }
  }
  spilled->spill_.Finish();
  batch.clear();
  files.clear();

  // The order the snapshot build gives: records by id, then by paragraph within their report.
  std::vector<RecordKey>& keys = spilled->keys_;
  std::sort(keys.begin(), keys.end(),
            [](const RecordKey& a, const RecordKey& b) { return a.id < b.id; });
  for (size_t i = 0; i < keys.size(); ++i) by_slug[keys[i].slug].push_back({keys[i].key, i});
  auto add_meeting = [&](const std::string& slug, const markdown::Document* report,
                         std::vector<std::pair<ParagraphKey, size_t>>& members) {
    std::stable_sort(members.begin(), members.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<size_t> indexes;
    for (const auto& member : members) indexes.push_back(member.second);
    spilled->meetings_.push_back(
        {MeetingHead(slug, report, keys[indexes.front()].symbol), std::move(indexes)});
  };
  for (const markdown::Document& document : frame.reports) {
    auto it = by_slug.find(document.report.slug);
    if (it == by_slug.end()) continue;
    add_meeting(it->first, &document, it->second);
    by_slug.erase(it);
  }
  // Records of a report that is not in the repository still belong in the record: last.
  for (auto& [slug, members] : by_slug) add_meeting(slug, nullptr, members);

  if (options.find_lineage) {
    records::Adoptions adoptions;
    adoptions.reserve(keys.size());
    for (const RecordKey& key : keys) adoptions.push_back({key.id, key.adopted});
    spilled->lineage_ = options.find_lineage(adoptions);
  } else {
    spilled->lineage_ = options.lineage;
  }

  Consolidated out;
  out.title = frame.settings.title;
  out.as_of = Describe(repository, options.as_of, frame.commit);
  out.total = keys.size();
  out.summaries = counter.Tables();
  if (since_commit) {
    out.since = Describe(repository, *options.since, *since_commit);
    out.changes = changes->Finish();
  }
  out.more_meetings = std::move(spilled);
  return out;
}

}  // namespace sijill::record
