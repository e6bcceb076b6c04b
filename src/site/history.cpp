#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include "sijill/error.h"
#include "sijill/model/record_yaml.h"
#include "site/cache_codec_internal.h"
#include "site/history_internal.h"

namespace sijill::site::internal {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRecordsDir = "recommendations";
constexpr const char* kMagic = "sijill-site-history";
constexpr uint32_t kFormat = 1;

std::string Header() {
  CacheWriter out;
  out.Str(kMagic);
  out.U32(kFormat);
  out.Str(std::string("sijill ") + SIJILL_VERSION);
  out.Seal(0);
  return std::move(out.bytes());
}

// One block: the commits walked (oldest first), the commit walked to, a checksum.
std::string Block(const std::vector<store::CommitChanges>& commits, const std::string& walked_to) {
  CacheWriter out;
  out.Str(walked_to);
  out.U32(static_cast<uint32_t>(commits.size()));
  for (const store::CommitChanges& entry : commits) {
    const store::CommitInfo& c = entry.commit;
    out.Str(c.id), out.Str(c.author_name), out.Str(c.author_email), out.Str(c.message);
    out.I64(c.time);
    out.I64(c.offset_minutes);
    out.U32(static_cast<uint32_t>(entry.changes.size()));
    for (const store::PathChange& change : entry.changes) out.Str(change.path), out.Str(change.blob_id);
  }
  out.Seal(0);
  return std::move(out.bytes());
}

struct CacheRead {
  std::string walked_to;
  std::vector<store::CommitChanges> commits;  // oldest first
};

// Throws CacheDamaged.
CacheRead ReadCache(const std::string& bytes) {
  CacheRead read;
  CacheReader in(bytes);
  std::string header = Header();
  if (bytes.compare(0, header.size(), header) != 0)
    throw CacheDamaged("not a history cache of this version of sijill");
  in = CacheReader(std::string_view(bytes).substr(header.size()));
  while (!in.done()) {
    size_t start = in.at();
    std::string walked_to = in.Str();
    std::vector<store::CommitChanges> block(in.U32());
    for (store::CommitChanges& entry : block) {
      store::CommitInfo& c = entry.commit;
      c.id = in.Str(), c.author_name = in.Str(), c.author_email = in.Str(), c.message = in.Str();
      c.time = in.I64();
      c.offset_minutes = static_cast<int>(in.I64());
      entry.changes.resize(in.U32());
      for (store::PathChange& change : entry.changes) change.path = in.Str(), change.blob_id = in.Str();
    }
    in.CheckSeal(start);
    read.walked_to = std::move(walked_to);
    for (store::CommitChanges& entry : block) read.commits.push_back(std::move(entry));
  }
  if (read.walked_to.empty()) throw CacheDamaged("empty history cache");
  return read;
}

std::optional<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void Write(const std::string& path, const std::string& bytes, bool append) {
  std::error_code error;
  fs::create_directories(fs::path(path).parent_path(), error);
  if (append) {
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Error(Error::Kind::kIo, "cannot write " + path);
    return;
  }
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Error(Error::Kind::kIo, "cannot write " + temporary);
  }
  fs::rename(temporary, path, error);
  if (error) throw Error(Error::Kind::kIo, "cannot write " + path + ": " + error.message());
}

}  // namespace

RecordHistories::RecordHistories(const store::Repository& repository,
                                 const records::Snapshot& snapshot, std::string cache)
    : repository_(repository), snapshot_(snapshot), cache_(std::move(cache)) {}

void RecordHistories::Add(std::vector<store::CommitChanges> commits) {
  for (store::CommitChanges& entry : commits) {
    size_t index = commits_.size();
    commits_.push_back(std::move(entry.commit));
    for (store::PathChange& change : entry.changes)
      paths_[std::move(change.path)].push_back({index, std::move(change.blob_id)});
  }
}

void RecordHistories::Load() {
  if (snapshot_.commit.empty()) return;
  std::optional<CacheRead> cached;
  if (!cache_.empty()) {
    if (std::optional<std::string> bytes = ReadAll(cache_)) {
      try {
        cached = ReadCache(*bytes);
      } catch (const CacheDamaged& damaged) {
        note_ = std::string("the history cache ") + cache_ + " was not used (" + damaged.what() +
                "): every commit is walked again";
      }
    }
  }
  if (cached && cached->walked_to == snapshot_.commit) {
    Add(std::move(cached->commits));
    return;
  }
  bool reached = false;
  std::vector<store::CommitChanges> walked = repository_.Log(
      kRecordsDir, snapshot_.commit, cached ? cached->walked_to : std::string(), &reached);
  std::reverse(walked.begin(), walked.end());  // oldest first
  std::string block = cache_.empty() ? "" : Block(walked, snapshot_.commit);
  bool append = cached && reached;
  if (append) Add(std::move(cached->commits));
  Add(std::move(walked));
  if (cache_.empty()) return;
  try {
    Write(cache_, append ? block : Header() + block, append);
  } catch (const std::exception& error) {
    if (note_.empty()) note_ = std::string("the history cache was not written: ") + error.what();
  }
}

std::string_view RecordHistories::NewestCommit(const std::string& path) const {
  auto found = paths_.find(path);
  if (found == paths_.end() || found->second.empty()) return "";
  return commits_[found->second.back().commit].id;
}

std::vector<records::HistoryEntry> RecordHistories::Of(const std::string& path,
                                                       const model::Recommendation* current) const {
  std::vector<records::HistoryEntry> entries;
  auto found = paths_.find(path);
  if (found == paths_.end()) return entries;
  const std::vector<Version>& versions = found->second;
  // Oldest first, so each version is compared with the one before it (as RecordStore::History).
  std::optional<model::Recommendation> before;
  for (size_t i = 0; i < versions.size(); ++i) {
    const Version& version = versions[i];
    records::HistoryEntry entry{.commit = commits_[version.commit]};
    std::optional<model::Recommendation> after;
    if (i + 1 == versions.size() && current && !version.blob_id.empty()) {
      after = *current;  // the newest version is the snapshot's own
    } else if (!version.blob_id.empty()) {
      if (std::optional<std::string> text = repository_.ReadBlob(version.blob_id))
        after = model::ParseRecord(path, *text).record;
    }
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

}  // namespace sijill::site::internal
