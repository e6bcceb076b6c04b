#include "index/sharded_rebuild.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "sijill/index/analyzer.h"
#include "sijill/index/collect.h"
#include "sijill/index/terms.h"

namespace sijill::index::internal {

namespace fs = std::filesystem;

namespace {

// Nobody reads a shard or the merged database before the rebuild syncs and exchanges it.
constexpr int kScratchFlags =
    Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS;

// Ranges per worker thread. The ranges have as many files each, not as many bytes (a report
// weighs as much as forty records), and a worker that finishes early takes the next range, so
// the cores stay busy when there are many small ranges; more ranges cost more merging.
// On 8,197 files (bench/RESULTS.md), 16 ranges per thread took less time than 1 or 4 and as
// little as 64, whose merge took twice as long.
constexpr unsigned kRangesPerThread = 16;

struct Range {
  size_t begin = 0;
  size_t end = 0;
};

// Documents a shard's writer takes before it writes them out. Xapian keeps the postings it has
// not written in one std::map per term, keyed by document, and every posting walks that map:
// on 82,055 files (base-2000, bench/RESULTS.md) writing every 100 documents instead of at
// Xapian's default 10,000 took ~16 % less CPU and a fifth of the memory.
constexpr size_t kDocumentsPerFlush = 100;

// What one range became.
struct Shard {
  std::string path;
  size_t files = 0;
  size_t documents = 0;
  Problems problems;
  std::vector<std::string> unique_terms;
};

// The shards' directory, removed with everything in it when the build ends either way.
class ScratchDirectory {
 public:
  explicit ScratchDirectory(fs::path dir) : dir_(std::move(dir)) {
    Remove();  // left by a killed rebuild
    fs::create_directories(dir_);
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  std::string Path(size_t shard) const { return (dir_ / std::to_string(shard)).string(); }

 private:
  // Only a directory of numbered shards is ever removed: the name is sijill's, but a user's
  // directory that happens to carry it is not deleted.
  void Remove() {
    if (!fs::exists(dir_)) return;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir_)) {
      std::string name = entry.path().filename().string();
      if (!entry.is_directory() || name.find_first_not_of("0123456789") != std::string::npos)
        throw Error(Error::Kind::kIo,
                    dir_.string() + ": exists and is not sijill's shards; not replacing it");
    }
    fs::remove_all(dir_);
  }

  fs::path dir_;
};

// `count` contiguous ranges of `n` files, of equal length (none empty).
std::vector<Range> Split(size_t n, size_t count) {
  count = std::min(count, n);
  std::vector<Range> ranges;
  for (size_t k = 0; k < count; ++k) ranges.push_back({n * k / count, n * (k + 1) / count});
  return ranges;
}

// Reads, analyses and writes files[range] into a new database at shard.path, in order. As in
// a one-writer rebuild, a unique term met again replaces its document and keeps its id.
void WriteShard(const store::Repository& repo, const std::vector<store::TreeEntry>& files,
                Range range, Analyzer& analyzer, Shard& shard) {
  Xapian::WritableDatabase db(shard.path, kScratchFlags);
  std::unordered_map<std::string, Xapian::docid> added;
  for (size_t i = range.begin; i < range.end; ++i) {
    const store::TreeEntry& entry = files[i];
    std::optional<std::string> content = repo.ReadBlob(entry.blob_id);
    if (!content)
      throw Error(Error::Kind::kIo, entry.path + ": blob " + entry.blob_id +
                                        " is missing from the repository");
    ++shard.files;
    for (const IndexDoc& doc : CollectFile(entry.path, *content, shard.problems)) {
      Xapian::Document xdoc = analyzer.Build(doc);
      if (auto [it, is_new] = added.try_emplace(UniqueTerm(doc.kind, doc.id), 0); is_new)
        it->second = db.add_document(xdoc);
      else
        db.replace_document(it->second, xdoc);
      if (++shard.documents % kDocumentsPerFlush == 0) db.commit();
    }
  }
  db.commit();
  db.close();
  shard.unique_terms.reserve(added.size());
  for (auto& [term, id] : added) shard.unique_terms.push_back(term);
}

// Each range written into its shard by `threads` workers; rethrows the first failure.
void WriteShards(const store::Repository& repo, const std::vector<store::TreeEntry>& files,
                 const std::vector<Range>& ranges, unsigned threads, std::vector<Shard>& shards) {
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    try {
      Analyzer analyzer;  // one each: Xapian::TermGenerator is not thread-safe
      for (size_t k; !failed && (k = next++) < ranges.size();)
        WriteShard(repo, files, ranges[k], analyzer, shards[k]);
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::thread> workers;
  try {
    for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work);
  } catch (...) {
    failed = true;
    for (std::thread& worker : workers) worker.join();
    throw;
  }
  work();  // the calling thread is a worker too
  for (std::thread& worker : workers) worker.join();
  if (error) std::rethrow_exception(error);
}

// True when some unique term was written in two shards: merged, it would be two documents.
bool SharedUniqueTerm(const std::vector<Shard>& shards) {
  std::unordered_map<std::string_view, size_t> owner;
  for (size_t k = 0; k < shards.size(); ++k)
    for (const std::string& term : shards[k].unique_terms)
      if (auto [it, is_new] = owner.try_emplace(term, k); !is_new && it->second != k) return true;
  return false;
}

// The shards with documents merged into a new database at `dest`, in shard order.
void Merge(const std::vector<Shard>& shards, const std::string& dest) {
  Xapian::Database all;
  for (const Shard& shard : shards)
    if (shard.documents > 0) all.add_database(Xapian::Database(shard.path));
  if (all.size() == 0) {
    Xapian::WritableDatabase(dest, kScratchFlags).close();
    return;
  }
  // In one pass: DBCOMPACT_MULTIPASS (temporary files) made the merge of 32 shards of 8,197
  // files take 1.2 s instead of 0.4 s. The default level (FULL) packs the blocks, and catching
  // up writes into them afterwards as into any database.
  all.compact(dest, 0);
}

void AddUp(const std::vector<Shard>& shards, IndexStats& stats) {
  for (const Shard& shard : shards) {
    stats.files += shard.files;
    stats.documents += shard.documents;
    stats.problems.insert(stats.problems.end(), shard.problems.begin(), shard.problems.end());
  }
}

void Finish(const std::string& dest, IndexStats& stats) {
  Xapian::WritableDatabase db(dest, Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
  db.set_metadata(kMetaCommit, stats.commit);
  db.set_metadata(kMetaSchema, kSchema);
  db.commit();
  stats.total_documents = db.get_doccount();
  db.close();
}

// One writer on the calling thread, straight into `dest`.
void BuildInOne(const store::Repository& repo, const std::vector<store::TreeEntry>& files,
                const std::string& dest, IndexStats& stats) {
  std::vector<Shard> one(1);
  one[0].path = dest;
  Analyzer analyzer;
  WriteShard(repo, files, {0, files.size()}, analyzer, one[0]);
  AddUp(one, stats);
}

}  // namespace

void BuildIndex(const store::Repository& repo, std::vector<store::TreeEntry> files,
                const std::string& dest, unsigned threads, IndexStats& stats) {
  std::erase_if(files, [](const store::TreeEntry& entry) { return !IsIndexedPath(entry.path); });
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<Range> ranges;
  if (threads > 1) ranges = Split(files.size(), kRangesPerThread * threads);
  if (ranges.size() <= 1) {
    BuildInOne(repo, files, dest, stats);
  } else {
    ScratchDirectory scratch(dest + ".shards");
    std::vector<Shard> shards(ranges.size());
    for (size_t k = 0; k < shards.size(); ++k) shards[k].path = scratch.Path(k);
    WriteShards(repo, files, ranges,
                static_cast<unsigned>(std::min<size_t>(threads, ranges.size())), shards);
    if (SharedUniqueTerm(shards)) {
      BuildInOne(repo, files, dest, stats);  // see sharded_rebuild.h
    } else {
      Merge(shards, dest);
      AddUp(shards, stats);
    }
  }
  Finish(dest, stats);
}

}  // namespace sijill::index::internal
