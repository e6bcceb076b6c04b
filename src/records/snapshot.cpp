#include "sijill/records/snapshot.h"

#include <algorithm>
#include <tuple>

#include "sijill/markdown/parse.h"
#include "sijill/model/front_matter.h"
#include "sijill/model/record_yaml.h"

namespace sijill::records {

namespace {

void Append(Problems& into, Problems&& from) {
  for (Problem& problem : from) into.push_back(std::move(problem));
}

markdown::Document ReadReport(const std::string& path, const std::string& text,
                              const SnapshotOptions& options, Problems& problems) {
  if (options.paragraphs) {
    markdown::ParseResult parsed = markdown::ParseReport(path, text);
    Append(problems, std::move(parsed.problems));
    return std::move(parsed.document);
  }
  model::ParsedReport parsed = model::ParseReport(path, text);
  Append(problems, std::move(parsed.problems));
  markdown::Document document;
  document.report = std::move(parsed.report);
  document.report.body.clear();
  return document;
}

template <typename T, typename Key>
const T* FindSorted(const std::vector<T>& items, std::string_view key, Key key_of) {
  auto it = std::lower_bound(items.begin(), items.end(), key,
                             [&](const T& item, std::string_view k) { return key_of(item) < k; });
  return it != items.end() && key_of(*it) == key ? &*it : nullptr;
}

}  // namespace

const markdown::Document* Snapshot::FindReport(std::string_view slug) const {
  for (const markdown::Document& document : reports)
    if (document.report.slug == slug) return &document;
  return nullptr;
}

const markdown::Document* Snapshot::FindReportBySymbol(std::string_view symbol) const {
  for (const markdown::Document& document : reports)
    if (!symbol.empty() && document.report.meta.symbol == symbol) return &document;
  return nullptr;
}

const model::Recommendation* Snapshot::FindRecord(std::string_view id) const {
  return FindSorted(records, id, [](const model::Recommendation& r) -> const std::string& {
    return r.id;
  });
}

const model::Brief* Snapshot::FindBrief(std::string_view slug) const {
  for (const model::Brief& brief : briefs)
    if (brief.slug == slug) return &brief;
  return nullptr;
}

std::vector<const model::Recommendation*> Snapshot::RecordsOf(std::string_view symbol) const {
  std::vector<const model::Recommendation*> out;
  for (const model::Recommendation& record : records)
    if (record.source.symbol == symbol) out.push_back(&record);
  return out;
}

Snapshot LoadSnapshot(const store::Repository& repository, const std::string& rev,
                      const SnapshotOptions& options) {
  Snapshot snapshot;
  snapshot.settings = model::DefaultSettings();
  if (rev == "HEAD" && repository.Head().empty()) return snapshot;
  snapshot.commit = repository.Resolve(rev);
  for (const store::TreeEntry& entry : repository.ListFiles("", snapshot.commit)) {
    const std::string& path = entry.path;
    bool report = path.starts_with("corpus/") && path.ends_with(".md");
    bool record = path.starts_with("recommendations/") && path.ends_with(".yaml");
    bool brief = options.briefs && path.starts_with("briefs/") && path.ends_with(".md");
    bool settings = path == model::kSettingsPath;
    if (!report && !record && !brief && !settings) continue;
    std::string text = repository.ReadFile(path, snapshot.commit).value_or("");
    snapshot.blob_ids[path] = entry.blob_id;
    if (report) {
      snapshot.reports.push_back(ReadReport(path, text, options, snapshot.problems));
    } else if (record) {
      model::ParsedRecord parsed = model::ParseRecord(path, text);
      Append(snapshot.problems, std::move(parsed.problems));
      if (parsed.parsed && !parsed.record.id.empty())
        snapshot.records.push_back(std::move(parsed.record));
    } else if (brief) {
      model::ParsedBrief parsed = model::ParseBrief(path, text);
      Append(snapshot.problems, std::move(parsed.problems));
      if (parsed.parsed) snapshot.briefs.push_back(std::move(parsed.brief));
    } else {
      model::ParsedSettings parsed = model::ParseSettings(path, text);
      Append(snapshot.problems, std::move(parsed.problems));
      snapshot.settings = std::move(parsed.settings);
    }
  }
  std::sort(snapshot.reports.begin(), snapshot.reports.end(), [](const auto& a, const auto& b) {
    return std::tie(a.report.meta.date, a.report.slug) < std::tie(b.report.meta.date, b.report.slug);
  });
  std::sort(snapshot.records.begin(), snapshot.records.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  std::sort(snapshot.briefs.begin(), snapshot.briefs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.date, a.slug) < std::tie(b.date, b.slug);
  });
  return snapshot;
}

}  // namespace sijill::records
