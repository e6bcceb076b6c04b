#include "sijill/records/snapshot.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
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

namespace {

enum class FileKind { kReport, kRecord, kBrief, kSettings };

// One file of the snapshot, read and parsed on its own (so files can be parsed in parallel)
// and then added to the snapshot in path order, as the sequential read did.
struct ParsedFile {
  FileKind kind;
  const store::TreeEntry* entry;
  markdown::Document report;
  model::ParsedRecord record;
  model::ParsedBrief brief;
  model::ParsedSettings settings;
  Problems problems;
};

void Parse(const store::Repository& repository, const SnapshotOptions& options, ParsedFile& file) {
  const std::string& path = file.entry->path;
  // By blob id: ReadFile would look the commit, its tree and the path up again per file.
  std::string text = repository.ReadBlob(file.entry->blob_id).value_or("");
  switch (file.kind) {
    case FileKind::kReport: file.report = ReadReport(path, text, options, file.problems); break;
    case FileKind::kRecord:
      file.record = model::ParseRecord(path, text);
      file.record.where.clear();  // locations are for `sijill check`; 100,000 maps add up
      break;
    case FileKind::kBrief: file.brief = model::ParseBrief(path, text); break;
    case FileKind::kSettings: file.settings = model::ParseSettings(path, text); break;
  }
}

}  // namespace

Snapshot LoadSnapshot(const store::Repository& repository, const std::string& rev,
                      const SnapshotOptions& options) {
  Snapshot snapshot;
  snapshot.settings = model::DefaultSettings();
  if (rev == "HEAD" && repository.Head().empty()) return snapshot;
  snapshot.commit = repository.Resolve(rev);
  std::vector<store::TreeEntry> entries = repository.ListFiles("", snapshot.commit);
  std::vector<ParsedFile> files;
  for (const store::TreeEntry& entry : entries) {
    const std::string& path = entry.path;
    std::optional<FileKind> kind;
    if (path.starts_with("corpus/") && path.ends_with(".md"))
      kind = FileKind::kReport;
    else if (options.records && path.starts_with("recommendations/") && path.ends_with(".yaml"))
      kind = FileKind::kRecord;
    else if (options.briefs && path.starts_with("briefs/") && path.ends_with(".md"))
      kind = FileKind::kBrief;
    else if (path == model::kSettingsPath)
      kind = FileKind::kSettings;
    if (!kind) continue;
    snapshot.blob_ids[path] = entry.blob_id;
    files.push_back({*kind, &entry, {}, {}, {}, {}, {}});
  }
  // Parsing (YAML above all) is most of the time of a large repository: every core takes the
  // next file. Reads are serialised inside the Repository; parsers share nothing.
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    for (size_t i; (i = next++) < files.size();) {
      try {
        Parse(repository, options, files[i]);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        next = files.size();
      }
    }
  };
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<size_t>(std::max(1u, threads), files.size()); ++t)
    pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  if (error) std::rethrow_exception(error);
  for (ParsedFile& file : files) {
    switch (file.kind) {
      case FileKind::kReport:
        Append(snapshot.problems, std::move(file.problems));
        snapshot.reports.push_back(std::move(file.report));
        break;
      case FileKind::kRecord:
        Append(snapshot.problems, std::move(file.record.problems));
        if (file.record.parsed && !file.record.record.id.empty())
          snapshot.records.push_back(std::move(file.record.record));
        break;
      case FileKind::kBrief:
        Append(snapshot.problems, std::move(file.brief.problems));
        if (file.brief.parsed) snapshot.briefs.push_back(std::move(file.brief.brief));
        break;
      case FileKind::kSettings:
        Append(snapshot.problems, std::move(file.settings.problems));
        snapshot.settings = std::move(file.settings.settings);
        break;
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
