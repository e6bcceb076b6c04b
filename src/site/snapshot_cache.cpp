#include "site/snapshot_cache_internal.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include "sijill/error.h"
#include "site/cache_codec_internal.h"

namespace sijill::site::internal {

namespace fs = std::filesystem;
using records::SnapshotFile;

namespace {

constexpr const char* kDir = ".sijill-site-cache";
constexpr const char* kHeadMagic = "sijill-site-cache";
constexpr const char* kShardMagic = "sijill-site-cache-shard";
// Bumped whenever what is stored changes, or what a parser makes of a file: a cache of another
// format is never read (the sijill version is checked too).
constexpr uint32_t kFormat = 1;
constexpr size_t kShards = 256;

size_t ShardOf(const std::string& path) { return Checksum(path) % kShards; }

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

void Record(CacheWriter& out, const model::Recommendation& r) {
  for (const std::string* s : {&r.id, &r.source.symbol, &r.source.paragraph, &r.source.section,
                               &r.text, &r.language, &r.adopted, &r.modality, &r.status})
    out.Str(*s);
  Strings(out, r.addressees);
  Strings(out, r.topics);
  out.U32(static_cast<uint32_t>(r.followup.size()));
  for (const model::FollowUp& f : r.followup) {
    out.Str(f.date), out.Str(f.status), out.Str(f.note), out.Str(f.by);
    out.U32(static_cast<uint32_t>(f.evidence.size()));
    for (const model::Evidence& e : f.evidence) out.Str(e.symbol), out.Str(e.paragraph), out.Str(e.url);
  }
  Map(out, r.summary);
}

model::Recommendation Record(CacheReader& in) {
  model::Recommendation r;
  for (std::string* s : {&r.id, &r.source.symbol, &r.source.paragraph, &r.source.section, &r.text,
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
  r.summary = Map(in);
  return r;
}

// A report without its body: its front matter and its paragraphs' ids (Model orders a report's
// records by them); the body is read from its blob when its page is rendered.
void Report(CacheWriter& out, const markdown::Document& document) {
  const model::Report& r = document.report;
  const model::FrontMatter& m = r.meta;
  out.Str(r.slug);
  out.I64(r.body_line);
  for (const std::string* s : {&m.symbol, &m.title, &m.type, &m.body, &m.date, &m.language,
                               &m.session, &m.agenda_item, &m.source, &m.symbol_confidence})
    out.Str(*s);
  Strings(out, m.furniture);
  Map(out, m.extra);
  out.U32(static_cast<uint32_t>(document.paragraphs.size()));
  for (const markdown::Paragraph& paragraph : document.paragraphs) out.Str(paragraph.id);
}

markdown::Document Report(CacheReader& in) {
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
  document.paragraphs.resize(in.U32());
  for (markdown::Paragraph& paragraph : document.paragraphs) paragraph.id = in.Str();
  return document;
}

// One shard: files sorted by path, then the checksum of the whole.
std::string WriteShard(size_t shard, std::vector<const SnapshotFile*> files) {
  std::sort(files.begin(), files.end(),
            [](const SnapshotFile* a, const SnapshotFile* b) { return a->path < b->path; });
  CacheWriter out;
  out.Str(kShardMagic);
  out.U32(kFormat);
  out.U32(static_cast<uint32_t>(shard));
  out.U32(static_cast<uint32_t>(files.size()));
  for (const SnapshotFile* file : files) {
    out.Str(file->path);
    out.Str(file->blob_id);
    out.U8(static_cast<uint8_t>(file->kind));
    if (file->kind == SnapshotFile::Kind::kRecord) {
      out.U8(file->record ? 1 : 0);
      if (file->record) Record(out, *file->record);
    } else if (file->kind == SnapshotFile::Kind::kReport) {
      Report(out, file->report);
    }
  }
  out.Seal(0);
  return std::move(out.bytes());
}

std::vector<SnapshotFile> ReadShard(const std::string& bytes, size_t shard, uint64_t checksum) {
  CacheReader in(bytes);
  if (in.Str() != kShardMagic || in.U32() != kFormat || in.U32() != shard)
    throw CacheDamaged("shard " + std::to_string(shard) + " is not one of this cache");
  std::vector<SnapshotFile> files(in.U32());
  for (SnapshotFile& file : files) {
    file.path = in.Str();
    file.blob_id = in.Str();
    uint8_t kind = in.U8();
    if (kind > static_cast<uint8_t>(SnapshotFile::Kind::kSettings))
      throw CacheDamaged("unknown file kind");
    file.kind = static_cast<SnapshotFile::Kind>(kind);
    if (file.kind == SnapshotFile::Kind::kRecord) {
      if (in.U8()) file.record = Record(in);
    } else if (file.kind == SnapshotFile::Kind::kReport) {
      file.report = Report(in);
    }
  }
  uint64_t sum = Checksum(std::string_view(bytes).substr(0, in.at()));
  if (in.U64() != sum || !in.done())
    throw CacheDamaged("shard " + std::to_string(shard) + " is damaged");
  if (sum != checksum)
    throw CacheDamaged("shard " + std::to_string(shard) + " is not the one the head names");
  return files;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CacheDamaged("cannot read " + path.filename().string());
  std::string bytes;
  in.seekg(0, std::ios::end);
  bytes.resize(static_cast<size_t>(in.tellg()));
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in) throw CacheDamaged("cannot read " + path.filename().string());
  return bytes;
}

void WriteAtomically(const fs::path& path, const std::string& bytes) {
  fs::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Error(Error::Kind::kIo, "cannot write " + temporary.string());
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) throw Error(Error::Kind::kIo, "cannot write " + path.string() + ": " + error.message());
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

// Runs `job(i)` for i in [0, n) on `threads` threads; the first exception is rethrown.
template <typename Job>
void Parallel(size_t n, unsigned threads, Job job) {
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex mutex;
  auto work = [&] {
    for (size_t i; (i = next++) < n;) {
      try {
        job(i);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        next = n;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<size_t>(std::max(1u, threads), n); ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  if (error) std::rethrow_exception(error);
}

// The files the cache holds, by path; throws CacheDamaged.
std::vector<SnapshotFile> ReadShards(const fs::path& dir, const Head& head, unsigned threads) {
  std::vector<std::pair<size_t, std::pair<std::string, uint64_t>>> shards(head.shards.begin(),
                                                                          head.shards.end());
  std::vector<std::vector<SnapshotFile>> read(shards.size());
  Parallel(shards.size(), threads, [&](size_t i) {
    const auto& [shard, file] = shards[i];
    read[i] = ReadShard(ReadAll(dir / file.first), shard, file.second);
  });
  // Reserved: SnapshotFile's move may throw (so a growing vector would copy them).
  size_t total = 0;
  for (const auto& part : read) total += part.size();
  std::vector<SnapshotFile> files;
  files.reserve(total);
  for (auto& part : read)
    for (SnapshotFile& file : part) files.push_back(std::move(file));
  return files;
}

// Writes the shards in `dirty` from `files`, then the head, then removes the shard files the
// new head does not name.
void Save(const fs::path& dir, const std::string& commit, const std::vector<SnapshotFile>& files,
          const std::set<size_t>& dirty, Head head, unsigned threads) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) throw Error(Error::Kind::kIo, "cannot create " + dir.string() + ": " + error.message());
  std::vector<std::vector<const SnapshotFile*>> by_shard(kShards);
  for (const SnapshotFile& file : files) {
    size_t shard = ShardOf(file.path);
    if (dirty.count(shard)) by_shard[shard].push_back(&file);
  }
  std::vector<size_t> todo(dirty.begin(), dirty.end());
  std::vector<std::pair<std::string, uint64_t>> written(todo.size());
  Parallel(todo.size(), threads, [&](size_t i) {
    size_t shard = todo[i];
    if (by_shard[shard].empty()) return;
    std::string bytes = WriteShard(shard, std::move(by_shard[shard]));
    uint64_t checksum = Checksum(std::string_view(bytes).substr(0, bytes.size() - 8));
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%02zx-", shard);
    std::string name = prefix + Hex(checksum) + ".bin";
    WriteAtomically(dir / name, bytes);
    written[i] = {name, checksum};
  });
  for (size_t i = 0; i < todo.size(); ++i) {
    if (written[i].first.empty())
      head.shards.erase(todo[i]);
    else
      head.shards[todo[i]] = written[i];
  }
  head.commit = commit;
  WriteAtomically(dir / "head", WriteHead(head));
  std::set<std::string> named;
  for (const auto& [shard, file] : head.shards) named.insert(file.first);
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".bin") && !named.count(name)) fs::remove(entry.path(), error);
  }
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
  std::vector<SnapshotFile> files;
  if (fs::exists(dir / "head")) {
    try {
      Head read = ReadHead(ReadAll(dir / "head"));
      try {
        repository.Resolve(read.commit);
      } catch (const Error&) {
        throw CacheDamaged("it was made from commit " + read.commit.substr(0, 12) +
                           ", which this repository does not have");
      }
      files = ReadShards(dir, read, threads);
      head = std::move(read);
    } catch (const CacheDamaged& damaged) {
      loaded.note = std::string("the build cache in ") + dir.string() + " was not used (" +
                    damaged.what() + "): every file is read again";
      files.clear();
    }
  }

  std::set<size_t> dirty;
  if (!head) {
    files = records::LoadSnapshotFiles(repository, commit, options);
    loaded.parsed = files.size();
    for (size_t shard = 0; shard < kShards; ++shard) dirty.insert(shard);
  } else {
    loaded.from_cache = true;
    std::unordered_map<std::string, size_t> at;
    for (size_t i = 0; i < files.size(); ++i) at.emplace(files[i].path, i);
    std::vector<std::pair<SnapshotFile::Kind, std::string>> todo;  // kind, path
    std::vector<std::string> blobs;
    std::vector<bool> gone(files.size(), false);
    if (head->commit != commit) {
      for (const std::string& path : repository.ChangedPaths(head->commit, commit)) {
        std::optional<SnapshotFile::Kind> kind = records::SnapshotKindOf(path, options);
        if (!kind) continue;
        dirty.insert(ShardOf(path));
        if (auto it = at.find(path); it != at.end()) gone[it->second] = true;
        if (std::optional<std::string> blob = repository.BlobId(path, commit)) {
          todo.emplace_back(*kind, path);
          blobs.push_back(*blob);
        }
      }
    }
    // Briefs and sijill.yaml are kept by blob id only: they are few, parsed every build.
    for (size_t i = 0; i < files.size(); ++i) {
      SnapshotFile::Kind kind = files[i].kind;
      if (gone[i] || (kind != SnapshotFile::Kind::kBrief && kind != SnapshotFile::Kind::kSettings))
        continue;
      gone[i] = true;
      todo.emplace_back(kind, files[i].path);
      blobs.push_back(files[i].blob_id);
    }
    std::vector<SnapshotFile> parsed(todo.size());
    Parallel(todo.size(), threads, [&](size_t i) {
      parsed[i] = records::ParseSnapshotFile(repository, todo[i].first, todo[i].second, blobs[i],
                                             options);
    });
    loaded.parsed = parsed.size();
    std::vector<SnapshotFile> kept;
    kept.reserve(files.size() + parsed.size());
    for (size_t i = 0; i < files.size(); ++i)
      if (!gone[i]) kept.push_back(std::move(files[i]));
    for (SnapshotFile& file : parsed) kept.push_back(std::move(file));
    files = std::move(kept);
  }
  if (!head || head->commit != commit) {
    // The cache follows the build; a cache that cannot be written only costs the next build.
    try {
      Save(dir, commit, files, dirty, head ? std::move(*head) : Head{}, threads);
    } catch (const std::exception& error) {
      if (loaded.note.empty())
        loaded.note = std::string("the build cache was not written: ") + error.what();
    }
  }
  loaded.snapshot = records::AssembleSnapshot(std::move(commit), std::move(files));
  return loaded;
}

}  // namespace sijill::site::internal
