#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include "sijill/error.h"
#include "sijill/whole_file.h"
#include "sijill/model/record_yaml.h"
#include "site/cache_codec_internal.h"
#include "site/history_internal.h"
#include "site/output_internal.h"

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

// The cache file as read: the commits of its blocks, oldest first, each with its changes as
// views of the file's bytes.
struct CacheRead {
  std::string walked_to;
  std::vector<store::CommitInfo> commits;
  std::vector<std::vector<std::pair<std::string_view, std::string_view>>> changes;  // path, blob
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
    for (uint32_t n = in.U32(); n > 0; --n) {
      store::CommitInfo& c = read.commits.emplace_back();
      c.id = in.Str(), c.author_name = in.Str(), c.author_email = in.Str(), c.message = in.Str();
      c.time = in.I64();
      c.offset_minutes = static_cast<int>(in.I64());
      auto& changes = read.changes.emplace_back(in.U32());
      for (auto& [path, blob_id] : changes) path = in.View(), blob_id = in.View();
    }
    in.CheckSeal(start);
    read.walked_to = std::move(walked_to);
  }
  if (read.walked_to.empty()) throw CacheDamaged("empty history cache");
  return read;
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
  ReplaceFile(path, bytes);
}

}  // namespace

RecordHistories::RecordHistories(const store::Repository& repository,
                                 const records::Snapshot& snapshot, std::string cache)
    : repository_(repository), snapshot_(snapshot), cache_(std::move(cache)) {}

void RecordHistories::Add(
    std::vector<store::CommitInfo> commits,
    const std::vector<std::vector<std::pair<std::string_view, std::string_view>>>& changes) {
  for (size_t i = 0; i < commits.size(); ++i) {
    auto index = static_cast<uint32_t>(commits_.size());
    commits_.push_back(std::move(commits[i]));
    for (const auto& [path, blob_id] : changes[i]) versions_.push_back({path, index, blob_id});
  }
}

void RecordHistories::Index() {
  std::stable_sort(versions_.begin(), versions_.end(),
                   [](const Version& a, const Version& b) { return a.path < b.path; });
  size_t slots = 16;
  while (slots < 2 * versions_.size()) slots *= 2;
  index_.assign(slots, 0);
  for (size_t i = 0; i < versions_.size(); ++i) {
    if (i > 0 && versions_[i - 1].path == versions_[i].path) continue;
    size_t slot = Hash(versions_[i].path) & (slots - 1);
    while (index_[slot] != 0) slot = (slot + 1) & (slots - 1);
    index_[slot] = static_cast<uint32_t>(i + 1);
  }
}

std::pair<const RecordHistories::Version*, const RecordHistories::Version*>
RecordHistories::VersionsOf(std::string_view path) const {
  if (index_.empty()) return {nullptr, nullptr};
  const size_t mask = index_.size() - 1;
  for (size_t slot = Hash(path) & mask;; slot = (slot + 1) & mask) {
    uint32_t at = index_[slot];
    if (at == 0) return {nullptr, nullptr};
    if (versions_[at - 1].path != path) continue;
    size_t end = at - 1;
    while (end < versions_.size() && versions_[end].path == path) ++end;
    return {&versions_[at - 1], versions_.data() + end};
  }
}

void RecordHistories::Load() {
  if (snapshot_.commit.empty()) return;
  std::optional<CacheRead> cached;
  if (!cache_.empty()) {
    if (std::optional<std::string> bytes = ReadWholeFile(cache_)) {
      cache_bytes_ = std::move(*bytes);  // the views of Read point into it from here on
      try {
        cached = ReadCache(cache_bytes_);
      } catch (const CacheDamaged& damaged) {
        note_ = std::string("the history cache ") + cache_ + " was not used (" + damaged.what() +
                "): every commit is walked again";
      }
    }
  }
  if (cached && cached->walked_to == snapshot_.commit) {
    Add(std::move(cached->commits), cached->changes);
    Index();
    return;
  }
  bool reached = false;
  walked_ = repository_.Log(kRecordsDir, snapshot_.commit,
                            cached ? cached->walked_to : std::string(), &reached);
  std::reverse(walked_.begin(), walked_.end());  // oldest first
  std::string block = cache_.empty() ? "" : Block(walked_, snapshot_.commit);
  bool append = cached && reached;
  if (append) Add(std::move(cached->commits), cached->changes);
  std::vector<store::CommitInfo> walked_commits;
  std::vector<std::vector<std::pair<std::string_view, std::string_view>>> walked_changes;
  for (const store::CommitChanges& entry : walked_) {
    walked_commits.push_back(entry.commit);
    auto& changes = walked_changes.emplace_back();
    for (const store::PathChange& change : entry.changes) changes.emplace_back(change.path, change.blob_id);
  }
  Add(std::move(walked_commits), walked_changes);
  Index();
  if (cache_.empty()) return;
  try {
    Write(cache_, append ? block : Header() + block, append);
  } catch (const std::exception& error) {
    if (note_.empty()) note_ = std::string("the history cache was not written: ") + error.what();
  }
}

std::string_view RecordHistories::NewestCommit(std::string_view path) const {
  auto [first, end] = VersionsOf(path);
  if (first == end) return "";
  return commits_[(end - 1)->commit].id;
}

std::vector<records::HistoryEntry> RecordHistories::Of(const std::string& path,
                                                       const model::Recommendation* current) const {
  std::vector<records::HistoryEntry> entries;
  auto [first, end] = VersionsOf(path);
  const size_t count = static_cast<size_t>(end - first);
  // Oldest first, so each version is compared with the one before it (as RecordStore::History).
  std::optional<model::Recommendation> before;
  for (size_t i = 0; i < count; ++i) {
    const Version& version = first[i];
    records::HistoryEntry entry{.commit = commits_[version.commit]};
    std::optional<model::Recommendation> after;
    if (i + 1 == count && current && !version.blob_id.empty()) {
      after = *current;  // the newest version is the snapshot's own
    } else if (!version.blob_id.empty()) {
      if (std::optional<std::string> text = repository_.ReadBlob(std::string(version.blob_id)))
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
