#include "site/snapshot_cache_internal.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "sijill/error.h"
#include "sijill/parallel.h"
#include "sijill/whole_file.h"
#include "site/cache_codec_internal.h"
#include "site/output_internal.h"
#include "site/prefix_order_internal.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sijill::site::internal {

namespace fs = std::filesystem;
using records::SnapshotFile;

namespace {

constexpr const char* kDir = ".sijill-site-cache";
constexpr const char* kHeadMagic = "sijill-site-cache";
constexpr const char* kShardMagic = "sijill-site-cache-shard";
// Bumped whenever what is stored changes, or what a parser makes of a file: a cache of another
// format is never read (the sijill version is checked too).
// Format 3: a record is one string of bytes, its text and summaries last after their SearchSum
// (decoded straight into the snapshot, the text and summaries left as views).
constexpr uint32_t kFormat = 3;
constexpr size_t kShards = 256;

size_t ShardOf(std::string_view path) { return Checksum(path) % kShards; }

std::string Hex(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

void Strings(CacheWriter& out, const std::vector<std::string>& values) {
  out.U32(static_cast<uint32_t>(values.size()));
  for (const std::string& value : values) out.Str(value);
}

std::vector<std::string> Strings(CacheReader& in) {
  std::vector<std::string> out(in.U32());
  for (std::string& value : out) value = in.Str();
  return out;
}

void Map(CacheWriter& out, const std::map<std::string, std::string>& values) {
  out.U32(static_cast<uint32_t>(values.size()));
  for (const auto& [key, value] : values) out.Str(key), out.Str(value);
}

std::map<std::string, std::string> Map(CacheReader& in) {
  std::map<std::string, std::string> out;
  for (uint32_t n = in.U32(); n > 0; --n) {
    std::string key = in.Str();
    out.emplace_hint(out.end(), std::move(key), in.Str());
  }
  return out;
}

// A record: its fields, then SearchSum, its text and its summaries. Written as one string of a
// shard, so a record kept from the cache is copied as it is, never decoded to be written again.
void Record(CacheWriter& out, const model::Recommendation& r) {
  for (const std::string* s : {&r.id, &r.source.symbol, &r.source.paragraph, &r.source.section,
                               &r.language, &r.adopted, &r.modality, &r.status})
    out.Str(*s);
  Strings(out, r.addressees);
  Strings(out, r.topics);
  out.U32(static_cast<uint32_t>(r.followup.size()));
  for (const model::FollowUp& f : r.followup) {
    out.Str(f.date), out.Str(f.status), out.Str(f.note), out.Str(f.by);
    out.U32(static_cast<uint32_t>(f.evidence.size()));
    for (const model::Evidence& e : f.evidence) out.Str(e.symbol), out.Str(e.paragraph), out.Str(e.url);
  }
  out.U64(SearchSum(r.text, r.summary));
  out.Str(r.text);
  Map(out, r.summary);
}

// The record encoded in `encoded` into `r` (a new Recommendation), without its text and
// summaries: `text` views them in `encoded`.
void Record(std::string_view encoded, model::Recommendation& r, CachedText& text) {
  CacheReader in(encoded);
  for (std::string* s : {&r.id, &r.source.symbol, &r.source.paragraph, &r.source.section,
                         &r.language, &r.adopted, &r.modality, &r.status})
    *s = in.Str();
  r.addressees = Strings(in);
  r.topics = Strings(in);
  r.followup.resize(in.U32());
  for (model::FollowUp& f : r.followup) {
    f.date = in.Str(), f.status = in.Str(), f.note = in.Str(), f.by = in.Str();
    f.evidence.resize(in.U32());
    for (model::Evidence& e : f.evidence) e.symbol = in.Str(), e.paragraph = in.Str(), e.url = in.Str();
  }
  text.cached = true;
  text.search_sum = in.U64();
  text.text = in.View();
  size_t from = in.at();
  for (uint32_t n = in.U32(); n > 0; --n) in.View(), in.View();
  text.summary = in.Since(from);
  // The shard's checksum was right: anything else is a bug of the format, not damage.
  if (!in.done()) throw CacheDamaged("a cached record has trailing bytes");
}

// The id of the record encoded in `encoded` (its first field), without decoding the rest.
std::string_view IdOf(std::string_view encoded) { return CacheReader(encoded).View(); }

}  // namespace

uint64_t SearchSum(std::string_view text, const std::map<std::string, std::string>& summary) {
  Key key;
  key.Add(Checksum(text));
  for (const auto& [language, words] : summary) key.Add(language).Add(Checksum(words));
  return key.value();
}

std::map<std::string, std::string> DecodeSummary(std::string_view encoded) {
  CacheReader in(encoded);
  return Map(in);
}

std::string ParagraphIds(const markdown::Document& document) {
  const std::string& slug = document.report.slug;
  std::string out;
  for (const markdown::Paragraph& paragraph : document.paragraphs) {
    // Every id the parser makes starts with the slug ("<slug>", "<slug>.p22"); any other is
    // kept whole, marked.
    if (paragraph.id.starts_with(slug))
      out.append(paragraph.id, slug.size());
    else
      out.append("\x01").append(paragraph.id);
    out.push_back('\0');
  }
  return out;
}

namespace {

// A report without its body: its front matter and its paragraphs' ids (Model orders a report's
// records by them), as one string (ParagraphIds); the body is read from its blob when its page
// is rendered.
void Report(CacheWriter& out, const markdown::Document& document, const std::string& paragraph_ids) {
  const model::Report& r = document.report;
  const model::FrontMatter& m = r.meta;
  out.Str(r.slug);
  out.I64(r.body_line);
  for (const std::string* s : {&m.symbol, &m.title, &m.type, &m.body, &m.date, &m.language,
                               &m.session, &m.agenda_item, &m.source, &m.symbol_confidence})
    out.Str(*s);
  Strings(out, m.furniture);
  Map(out, m.extra);
  out.Str(paragraph_ids);
}

markdown::Document Report(CacheReader& in, std::string& paragraph_ids) {
  markdown::Document document;
  model::Report& r = document.report;
  model::FrontMatter& m = r.meta;
  r.slug = in.Str();
  r.body_line = static_cast<int>(in.I64());
  for (std::string* s : {&m.symbol, &m.title, &m.type, &m.body, &m.date, &m.language, &m.session,
                         &m.agenda_item, &m.source, &m.symbol_confidence})
    *s = in.Str();
  m.furniture = Strings(in);
  m.extra = Map(in);
  paragraph_ids = in.Str();
  return document;
}

// A file of a shard as read: a record as its bytes, decoded once into its place in the snapshot
// (Assemble); a report in the shard's own vectors. (Not a records::SnapshotFile: that is
// ~1.5 KB, mostly its empty alternatives, and 100,000 of them moved from shard to list to
// snapshot were most of a 20,000-report rebuild's memory — and of its time, the kernel clearing
// every fresh page. Records decoded in the shard and moved to the snapshot were 2 x 40 MB.)
constexpr uint32_t kNoItem = static_cast<uint32_t>(-1);

struct CachedEntry {
  std::string_view path;     // views of the shard file, mapped
  std::string_view blob_id;
  SnapshotFile::Kind kind = SnapshotFile::Kind::kRecord;
  std::string_view record;  // a readable record: its encoding (Record)
  uint32_t item = kNoItem;  // index into CachedShard::reports
  bool gone = false;        // changed since the cache's commit, or parsed again anyway
};

struct CachedShard {
  std::vector<CachedEntry> entries;  // by path
  std::vector<markdown::Document> reports;  // without paragraphs: their ids are below
  std::vector<std::string> paragraph_ids;   // of each report (ParagraphIds)
};

// One file of the build, wherever it comes from (the cache or parsed now): what a shard is
// written from and the snapshot assembled from.
struct FileRef {
  std::string_view path;
  std::string_view blob_id;
  SnapshotFile::Kind kind = SnapshotFile::Kind::kRecord;
  model::Recommendation* record = nullptr;  // kRecord parsed this build, when readable
  std::string_view encoded;                 // kRecord from the cache, when readable
  markdown::Document* report = nullptr;     // kReport
  std::string* paragraph_ids = nullptr;     // a report from the cache: its paragraphs' ids
  SnapshotFile* parsed = nullptr;           // parsed this build (briefs, settings, problems)
};

FileRef RefOf(SnapshotFile& file) {
  FileRef ref{file.path, file.blob_id, file.kind, nullptr, {}, nullptr, nullptr, &file};
  if (file.kind == SnapshotFile::Kind::kRecord && file.record) ref.record = &*file.record;
  if (file.kind == SnapshotFile::Kind::kReport) ref.report = &file.report;
  return ref;
}

FileRef RefOf(CachedShard& shard, CachedEntry& entry) {
  FileRef ref{entry.path, entry.blob_id, entry.kind, nullptr, entry.record, nullptr, nullptr, nullptr};
  if (entry.item != kNoItem) {
    if (entry.kind == SnapshotFile::Kind::kReport) {
      ref.report = &shard.reports[entry.item];
      ref.paragraph_ids = &shard.paragraph_ids[entry.item];
    }
  }
  return ref;
}

// One shard: files sorted by path, then the checksum of the whole.
std::string WriteShard(size_t shard, std::vector<FileRef> files) {
  std::sort(files.begin(), files.end(),
            [](const FileRef& a, const FileRef& b) { return a.path < b.path; });
  CacheWriter out;
  out.Str(kShardMagic);
  out.U32(kFormat);
  out.U32(static_cast<uint32_t>(shard));
  out.U32(static_cast<uint32_t>(files.size()));
  for (const FileRef& file : files) {
    out.Str(file.path);
    out.Str(file.blob_id);
    out.U8(static_cast<uint8_t>(file.kind));
    if (file.kind == SnapshotFile::Kind::kRecord) {
      out.U8(file.record || !file.encoded.empty() ? 1 : 0);
      if (file.record) {
        CacheWriter record;
        Record(record, *file.record);
        out.Str(record.bytes());
      } else if (!file.encoded.empty()) {
        out.Str(file.encoded);
      }
    } else if (file.kind == SnapshotFile::Kind::kReport) {
      Report(out, *file.report, file.paragraph_ids ? *file.paragraph_ids : ParagraphIds(*file.report));
    }
  }
  out.Seal(0);
  return std::move(out.bytes());
}

// `bytes`: the shard file, mapped; the entries and texts read are views of it.
CachedShard ReadShard(std::string_view bytes, size_t shard, uint64_t checksum) {
  CacheReader in(bytes);
  if (in.Str() != kShardMagic || in.U32() != kFormat || in.U32() != shard)
    throw CacheDamaged("shard " + std::to_string(shard) + " is not one of this cache");
  CachedShard read;
  uint32_t n = in.U32();
  if (n > bytes.size()) throw CacheDamaged("shard " + std::to_string(shard) + " is damaged");
  read.entries.resize(n);
  for (CachedEntry& entry : read.entries) {
    entry.path = in.View();
    entry.blob_id = in.View();
    uint8_t kind = in.U8();
    if (kind > static_cast<uint8_t>(SnapshotFile::Kind::kSettings))
      throw CacheDamaged("unknown file kind");
    entry.kind = static_cast<SnapshotFile::Kind>(kind);
    if (entry.kind == SnapshotFile::Kind::kRecord) {
      if (in.U8()) {
        entry.record = in.View();
        if (entry.record.empty()) throw CacheDamaged("an empty cached record");
      }
    } else if (entry.kind == SnapshotFile::Kind::kReport) {
      entry.item = static_cast<uint32_t>(read.reports.size());
      read.reports.push_back(Report(in, read.paragraph_ids.emplace_back()));
    }
  }
  uint64_t sum = Checksum(bytes.substr(0, in.at()));
  if (in.U64() != sum || !in.done())
    throw CacheDamaged("shard " + std::to_string(shard) + " is damaged");
  if (sum != checksum)
    throw CacheDamaged("shard " + std::to_string(shard) + " is not the one the head names");
  return read;
}

// Reads the file at `path` into `bytes` (its capacity reused).
void ReadInto(const fs::path& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CacheDamaged("cannot read " + path.filename().string());
  in.seekg(0, std::ios::end);
  bytes.resize(static_cast<size_t>(in.tellg()));
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in) throw CacheDamaged("cannot read " + path.filename().string());
}

// A file mapped read-only, for as long as the shared pointer lives (pages of the page cache:
// nothing copied, no fresh memory for the kernel to clear).
std::shared_ptr<const void> Map(const fs::path& path, std::string_view& bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw CacheDamaged("cannot read " + path.filename().string());
  struct stat info;
  if (::fstat(fd, &info) != 0 || info.st_size <= 0) {
    ::close(fd);
    throw CacheDamaged("cannot read " + path.filename().string());
  }
  size_t size = static_cast<size_t>(info.st_size);
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (data == MAP_FAILED) throw CacheDamaged("cannot map " + path.filename().string());
  bytes = std::string_view(static_cast<const char*>(data), size);
  return std::shared_ptr<const void>(data, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
}

std::string ReadAll(const fs::path& path) {
  std::string bytes;
  ReadInto(path, bytes);
  return bytes;
}

std::string Generator() { return std::string("sijill ") + SIJILL_VERSION; }

struct Head {
  std::string commit;
  std::map<size_t, std::pair<std::string, uint64_t>> shards;  // shard -> file name, checksum
};

std::string WriteHead(const Head& head) {
  CacheWriter out;
  out.Str(kHeadMagic);
  out.U32(kFormat);
  out.Str(Generator());
  out.Str(head.commit);
  out.U32(static_cast<uint32_t>(head.shards.size()));
  for (const auto& [shard, file] : head.shards) {
    out.U32(static_cast<uint32_t>(shard));
    out.Str(file.first);
    out.U64(file.second);
  }
  out.Seal(0);
  return std::move(out.bytes());
}

Head ReadHead(const std::string& bytes) {
  CacheReader in(bytes);
  if (in.Str() != kHeadMagic) throw CacheDamaged("not a sijill site cache");
  if (uint32_t format = in.U32(); format != kFormat)
    throw CacheDamaged("cache format " + std::to_string(format) + ", this sijill reads " +
                       std::to_string(kFormat));
  if (std::string generator = in.Str(); generator != Generator())
    throw CacheDamaged("made by " + generator + ", this is " + Generator());
  Head head;
  head.commit = in.Str();
  for (uint32_t n = in.U32(); n > 0; --n) {
    size_t shard = in.U32();
    std::string name = in.Str();
    uint64_t checksum = in.U64();
    if (shard >= kShards || name.find('/') != std::string::npos)
      throw CacheDamaged("bad shard entry");
    head.shards[shard] = {std::move(name), checksum};
  }
  in.CheckSeal(0);
  if (!in.done()) throw CacheDamaged("head has trailing bytes");
  return head;
}

// The shards the head names, by shard number (an absent shard is empty), and their files
// mapped (the shards' views point into them); throws CacheDamaged.
std::vector<CachedShard> ReadShards(const fs::path& dir, const Head& head, unsigned threads,
                                    std::vector<std::shared_ptr<const void>>& mappings) {
  std::vector<std::pair<size_t, std::pair<std::string, uint64_t>>> shards(head.shards.begin(),
                                                                          head.shards.end());
  std::vector<CachedShard> read(kShards);
  mappings.assign(shards.size(), nullptr);
  ParallelFor(shards.size(), threads, [&](size_t i) {
    const auto& [shard, file] = shards[i];
    std::string_view bytes;
    mappings[i] = Map(dir / file.first, bytes);
    read[shard] = ReadShard(bytes, shard, file.second);
  });
  return read;
}

// Writes the shards in `dirty` from `files`, then the head, then removes the shard files the
// new head does not name.
void Save(const fs::path& dir, const std::string& commit, const std::vector<FileRef>& files,
          const std::set<size_t>& dirty, Head head, unsigned threads) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) throw Error(Error::Kind::kIo, "cannot create " + dir.string() + ": " + error.message());
  std::vector<std::vector<FileRef>> by_shard(kShards);
  for (const FileRef& file : files) {
    size_t shard = ShardOf(file.path);
    if (dirty.count(shard)) by_shard[shard].push_back(file);
  }
  std::vector<size_t> todo(dirty.begin(), dirty.end());
  std::vector<std::pair<std::string, uint64_t>> written(todo.size());
  ParallelFor(todo.size(), threads, [&](size_t i) {
    size_t shard = todo[i];
    if (by_shard[shard].empty()) return;
    std::string bytes = WriteShard(shard, std::move(by_shard[shard]));
    uint64_t checksum = Checksum(std::string_view(bytes).substr(0, bytes.size() - 8));
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%02zx-", shard);
    std::string name = prefix + Hex(checksum) + ".bin";
    ReplaceFile((dir / name).string(), bytes);
    written[i] = {name, checksum};
  });
  for (size_t i = 0; i < todo.size(); ++i) {
    if (written[i].first.empty())
      head.shards.erase(todo[i]);
    else
      head.shards[todo[i]] = written[i];
  }
  head.commit = commit;
  ReplaceFile((dir / "head").string(), WriteHead(head));
  std::set<std::string> named;
  for (const auto& [shard, file] : head.shards) named.insert(file.first);
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".bin") && !named.count(name)) fs::remove(entry.path(), error);
  }
}

// The snapshot of `commit` made of `files`, as records::AssembleSnapshot makes it of
// SnapshotFiles (blob ids, problems, then reports, records and briefs sorted as
// records::SortSnapshot sorts them), but for the records' blob ids, which go to
// loaded.record_files. Values are moved out of `files`.
records::Snapshot Assemble(std::string commit, std::vector<FileRef> files, LoadedSnapshot& loaded,
                           unsigned threads) {
  records::Snapshot snapshot;
  snapshot.commit = std::move(commit);
  snapshot.settings = model::DefaultSettings();
  // The records by id, the other files by path; each value then put in its place once (moved
  // or decoded). Sorted as views with an index: a FileRef is 80 bytes.
  std::vector<std::pair<PrefixKey, const FileRef*>> by_id;
  std::vector<std::pair<std::string_view, uint32_t>> by_path;  // files but records
  by_id.reserve(files.size());
  for (uint32_t i = 0; i < files.size(); ++i) {
    const FileRef& file = files[i];
    if (file.kind != SnapshotFile::Kind::kRecord)
      by_path.emplace_back(file.path, i);
    else if (file.record)
      by_id.emplace_back(PrefixOf(file.record->id), &file);
    else if (!file.encoded.empty())
      by_id.emplace_back(PrefixOf(IdOf(file.encoded)), &file);
  }
  std::sort(by_path.begin(), by_path.end());
  std::vector<FileRef*> reports;
  for (const auto& [path, index] : by_path) {
    FileRef& file = files[index];
    snapshot.blob_ids.emplace_hint(snapshot.blob_ids.end(), std::string(file.path),
                                   std::string(file.blob_id));
    switch (file.kind) {
      case SnapshotFile::Kind::kReport: reports.push_back(&file); break;
      case SnapshotFile::Kind::kRecord: break;
      case SnapshotFile::Kind::kBrief:
        if (file.parsed && file.parsed->brief) snapshot.briefs.push_back(std::move(*file.parsed->brief));
        break;
      case SnapshotFile::Kind::kSettings:
        if (file.parsed && file.parsed->settings) snapshot.settings = std::move(*file.parsed->settings);
        break;
    }
  }
  // Problems in path order, as records::AssembleSnapshot gives them (only parsed files have any).
  std::vector<std::pair<std::string_view, SnapshotFile*>> with_problems;
  for (FileRef& file : files)
    if (file.parsed && !file.parsed->problems.empty()) with_problems.emplace_back(file.path, file.parsed);
  std::sort(with_problems.begin(), with_problems.end());
  for (auto& [path, parsed] : with_problems)
    for (Problem& problem : parsed->problems) snapshot.problems.push_back(std::move(problem));
  // Records by id and reports by date then slug, as records::SortSnapshot sorts them (equal
  // ids, which `sijill check` reports, in path order), each with what goes with it; the briefs
  // by SortSnapshot.
  std::sort(by_id.begin(), by_id.end(), [](const auto& a, const auto& b) {
    int order = ComparePrefixed(a.first, b.first);
    return order != 0 ? order < 0 : a.second->path < b.second->path;
  });
  std::vector<CachedText>& record_texts = loaded.record_texts;
  std::vector<std::string>& paragraph_ids = loaded.paragraph_ids;
  loaded.record_files.resize(by_id.size());
  for (size_t i = 0; i < by_id.size(); ++i) {
    const FileRef& file = *by_id[i].second;
    if (file.record)  // parsed this build: its strings go with the SnapshotFile
      loaded.record_files[i] = {loaded.owned.emplace_back(file.path),
                                loaded.owned.emplace_back(file.blob_id)};
    else
      loaded.record_files[i] = {file.path, file.blob_id};
  }
  std::vector<model::Recommendation> sorted(by_id.size());
  record_texts.assign(by_id.size(), CachedText{});
  ParallelFor(by_id.size(), threads, [&](size_t i) {
    const FileRef& file = *by_id[i].second;
    if (file.record)
      sorted[i] = std::move(*file.record);
    else
      Record(file.encoded, sorted[i], record_texts[i]);
  });
  std::stable_sort(reports.begin(), reports.end(), [](const FileRef* a, const FileRef* b) {
    const model::Report& x = a->report->report;
    const model::Report& y = b->report->report;
    return std::tie(x.meta.date, x.slug) < std::tie(y.meta.date, y.slug);
  });
  std::vector<markdown::Document> documents;
  documents.reserve(reports.size());
  paragraph_ids.assign(reports.size(), "");
  for (size_t i = 0; i < reports.size(); ++i) {
    documents.push_back(std::move(*reports[i]->report));
    if (reports[i]->paragraph_ids) paragraph_ids[i] = std::move(*reports[i]->paragraph_ids);
  }
  records::SortSnapshot(snapshot);
  snapshot.records = std::move(sorted);
  snapshot.reports = std::move(documents);
  return snapshot;
}

}  // namespace

LoadedSnapshot LoadSnapshotCached(const store::Repository& repository, const std::string& rev,
                                  const std::string& out, unsigned threads) {
  LoadedSnapshot loaded;
  if (rev == "HEAD" && repository.Head().empty()) {
    loaded.snapshot = records::AssembleSnapshot("", {});
    return loaded;
  }
  std::string commit = repository.Resolve(rev);
  const fs::path dir = fs::path(out) / kDir;
  records::SnapshotOptions options;
  options.threads = threads;

  std::optional<Head> head;
  std::vector<CachedShard> cached;
  if (fs::exists(dir / "head")) {
    try {
      Head read = ReadHead(ReadAll(dir / "head"));
      try {
        repository.Resolve(read.commit);
      } catch (const Error&) {
        throw CacheDamaged("it was made from commit " + read.commit.substr(0, 12) +
                           ", which this repository does not have");
      }
      cached = ReadShards(dir, read, threads, loaded.mappings);
      head = std::move(read);
    } catch (const CacheDamaged& damaged) {
      loaded.note = std::string("the build cache in ") + dir.string() + " was not used (" +
                    damaged.what() + "): every file is read again";
      cached.clear();
    }
  }

  std::set<size_t> dirty;
  std::vector<SnapshotFile> parsed;
  if (!head) {
    parsed = records::LoadSnapshotFiles(repository, commit, options);
    for (size_t shard = 0; shard < kShards; ++shard) dirty.insert(shard);
  } else {
    loaded.from_cache = true;
    std::vector<std::pair<SnapshotFile::Kind, std::string>> todo;  // kind, path
    std::vector<std::string> blobs;
    if (head->commit != commit) {
      for (const std::string& path : repository.ChangedPaths(head->commit, commit)) {
        std::optional<SnapshotFile::Kind> kind = records::SnapshotKindOf(path, options);
        if (!kind) continue;
        size_t shard = ShardOf(path);
        dirty.insert(shard);
        std::vector<CachedEntry>& entries = cached[shard].entries;
        auto it = std::lower_bound(
            entries.begin(), entries.end(), path,
            [](const CachedEntry& e, const std::string& p) { return e.path < std::string_view(p); });
        if (it != entries.end() && it->path == path) it->gone = true;
        if (std::optional<std::string> blob = repository.BlobId(path, commit)) {
          todo.emplace_back(*kind, path);
          blobs.push_back(*blob);
        }
      }
    }
    // Briefs and sijill.yaml are kept by blob id only: they are few, parsed every build.
    for (CachedShard& shard : cached)
      for (CachedEntry& entry : shard.entries) {
        if (entry.gone || (entry.kind != SnapshotFile::Kind::kBrief &&
                           entry.kind != SnapshotFile::Kind::kSettings))
          continue;
        entry.gone = true;
        todo.emplace_back(entry.kind, std::string(entry.path));
        blobs.push_back(std::string(entry.blob_id));
      }
    parsed.resize(todo.size());
    ParallelFor(todo.size(), threads, [&](size_t i) {
      parsed[i] = records::ParseSnapshotFile(repository, todo[i].first, todo[i].second, blobs[i],
                                             options);
    });
  }
  loaded.parsed = parsed.size();
  std::vector<FileRef> files;
  size_t total = parsed.size();
  for (const CachedShard& shard : cached) total += shard.entries.size();
  files.reserve(total);
  for (CachedShard& shard : cached)
    for (CachedEntry& entry : shard.entries)
      if (!entry.gone) files.push_back(RefOf(shard, entry));
  for (SnapshotFile& file : parsed) files.push_back(RefOf(file));
  if (!head || head->commit != commit) {
    // The cache follows the build; a cache that cannot be written only costs the next build.
    try {
      Save(dir, commit, files, dirty, head ? std::move(*head) : Head{}, threads);
    } catch (const std::exception& error) {
      if (loaded.note.empty())
        loaded.note = std::string("the build cache was not written: ") + error.what();
    }
  }
  loaded.snapshot =
      Assemble(std::move(commit), std::move(files), loaded, threads);
  return loaded;
}

}  // namespace sijill::site::internal
