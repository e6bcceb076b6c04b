#include "sijill/records/snapshot.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "sijill/markdown/parse.h"
#include "sijill/model/front_matter.h"
#include "sijill/model/record_yaml.h"
#include "sijill/parallel.h"

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
  // Freed, not just emptied: clear() (and assigning "", which copies into the old buffer) keep
  // the text's allocation, ~10 KB a report — 200 MB at 20,000 reports.
  std::string().swap(document.report.body);
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

std::optional<SnapshotFile::Kind> SnapshotKindOf(const std::string& path,
                                                 const SnapshotOptions& options) {
  if (path.starts_with("corpus/") && path.ends_with(".md")) return SnapshotFile::Kind::kReport;
  if (options.records && path.starts_with("recommendations/") && path.ends_with(".yaml"))
    return SnapshotFile::Kind::kRecord;
  if (options.briefs && path.starts_with("briefs/") && path.ends_with(".md"))
    return SnapshotFile::Kind::kBrief;
  if (path == model::kSettingsPath) return SnapshotFile::Kind::kSettings;
  return std::nullopt;
}

SnapshotFile ParseSnapshotFile(const store::Repository& repository, SnapshotFile::Kind kind,
                               const std::string& path, const std::string& blob_id,
                               const SnapshotOptions& options) {
  SnapshotFile file{.kind = kind, .path = path, .blob_id = blob_id};
  // By blob id: ReadFile would look the commit, its tree and the path up again per file.
  std::string text = repository.ReadBlob(blob_id).value_or("");
  switch (kind) {
    case SnapshotFile::Kind::kReport:
      file.report = ReadReport(path, text, options, file.problems);
      break;
    case SnapshotFile::Kind::kRecord: {
      // Most records are in the plain shape they are written in: read without yaml-cpp (the
      // larger part of loading a large repository); any other goes through ParseRecord.
      if (std::optional<model::Recommendation> plain = model::ParsePlainRecord(text)) {
        file.record = std::move(*plain);
        break;
      }
      model::ParsedRecord parsed = model::ParseRecord(path, text);
      Append(file.problems, std::move(parsed.problems));
      if (parsed.parsed && !parsed.record.id.empty()) file.record = std::move(parsed.record);
      break;
    }
    case SnapshotFile::Kind::kBrief: {
      model::ParsedBrief parsed = model::ParseBrief(path, text);
      Append(file.problems, std::move(parsed.problems));
      if (parsed.parsed) file.brief = std::move(parsed.brief);
      break;
    }
    case SnapshotFile::Kind::kSettings: {
      model::ParsedSettings parsed = model::ParseSettings(path, text);
      Append(file.problems, std::move(parsed.problems));
      file.settings = std::move(parsed.settings);
      break;
    }
  }
  return file;
}

Snapshot AssembleSnapshot(std::string commit, std::vector<SnapshotFile> files) {
  Snapshot snapshot;
  snapshot.commit = std::move(commit);
  snapshot.settings = model::DefaultSettings();
  // By pointer: a SnapshotFile is large, and 100,000 of them are moved once, not log n times.
  std::vector<SnapshotFile*> order;
  order.reserve(files.size());
  for (SnapshotFile& file : files) order.push_back(&file);
  std::sort(order.begin(), order.end(),
            [](const SnapshotFile* a, const SnapshotFile* b) { return a->path < b->path; });
  for (SnapshotFile* each : order) {
    SnapshotFile& file = *each;
    snapshot.blob_ids[file.path] = file.blob_id;
    Append(snapshot.problems, std::move(file.problems));
    switch (file.kind) {
      case SnapshotFile::Kind::kReport: snapshot.reports.push_back(std::move(file.report)); break;
      case SnapshotFile::Kind::kRecord:
        if (file.record) snapshot.records.push_back(std::move(*file.record));
        break;
      case SnapshotFile::Kind::kBrief:
        if (file.brief) snapshot.briefs.push_back(std::move(*file.brief));
        break;
      case SnapshotFile::Kind::kSettings:
        if (file.settings) snapshot.settings = std::move(*file.settings);
        break;
    }
  }
  SortSnapshot(snapshot);
  return snapshot;
}

void SortSnapshot(Snapshot& snapshot) {
  std::sort(snapshot.reports.begin(), snapshot.reports.end(), [](const auto& a, const auto& b) {
    return std::tie(a.report.meta.date, a.report.slug) < std::tie(b.report.meta.date, b.report.slug);
  });
  std::sort(snapshot.records.begin(), snapshot.records.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  std::sort(snapshot.briefs.begin(), snapshot.briefs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.date, a.slug) < std::tie(b.date, b.slug);
  });
}

std::vector<SnapshotFile> LoadSnapshotFiles(const store::Repository& repository,
                                            const std::string& commit,
                                            const SnapshotOptions& options) {
  std::vector<store::TreeEntry> entries = repository.ListFiles("", commit);
  std::vector<SnapshotFile> files;
  std::vector<std::pair<SnapshotFile::Kind, const store::TreeEntry*>> todo;
  for (const store::TreeEntry& entry : entries)
    if (std::optional<SnapshotFile::Kind> kind = SnapshotKindOf(entry.path, options))
      todo.emplace_back(*kind, &entry);
  files.resize(todo.size());
  // Parsing (YAML above all) is most of the time of a large repository: every core takes the
  // next file. Reads are serialised inside the Repository; parsers share nothing.
  ParallelFor(todo.size(), options.threads, [&](size_t i) {
    const auto& [kind, entry] = todo[i];
    files[i] = ParseSnapshotFile(repository, kind, entry->path, entry->blob_id, options);
  });
  return files;
}

Snapshot LoadSnapshot(const store::Repository& repository, const std::string& rev,
                      const SnapshotOptions& options) {
  if (rev == "HEAD" && repository.Head().empty()) return AssembleSnapshot("", {});
  std::string commit = repository.Resolve(rev);
  std::vector<SnapshotFile> files = LoadSnapshotFiles(repository, commit, options);
  return AssembleSnapshot(std::move(commit), std::move(files));
}

}  // namespace sijill::records
