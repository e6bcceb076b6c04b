// The output directory of the site and its manifest (site.h "Incremental").
// OUT/.sijill-site-manifest: a line per page, "<key> <content hash> <path>" (output.cpp), and
// OUT/.sijill-site-manifest-changes: the pages changed, added or removed since it was written.
// Thread-safety: Fresh/Put/Keep may be called from several threads at once.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sijill::site::internal {

// A 64-bit hash of the parts added, 8 bytes at a step (output.cpp): stable across runs and
// builds (std::hash is not), cheap, and collisions only cost a missed rewrite of one page if two
// different inputs ever met.
class Key {
 public:
  Key& Add(std::string_view part);
  Key& Add(uint64_t part);
  uint64_t value() const { return hash_; }

 private:
  uint64_t hash_ = 14695981039346656037ull;
};

uint64_t Hash(std::string_view bytes);

// The modification times of the output's directories after a complete build (kept in the build
// stamp): a directory whose time is still the same has had no file added, removed or renamed
// in it since, so its pages of the manifest are still there without reading it (readdir of
// 127,000 pages was ~0.13 s of CPU in a 20,000-report rebuild).
struct DirTimes {
  uint64_t manifest_sum = 0;  // Output::ManifestSum of the manifest they were taken with
  std::vector<std::pair<std::string, int64_t>> dirs;  // "" (the root), "reports/" -> ns
  bool operator==(const DirTimes&) const = default;
};

class Output {
 public:
  // Reads the manifest, if any, and which of its pages are there: each directory of its pages
  // is read, but for one whose time is as `known` says (and `known` goes with this manifest).
  explicit Output(std::string root, const DirTimes* known = nullptr);

  // True when `path` was made from the same key last time and is still there: nothing to do.
  // Each path is asked about once per build.
  bool Fresh(const std::string& path, uint64_t key);
  // Records `content` for `path`; writes the file only when the bytes differ from last time.
  void Put(const std::string& path, uint64_t key, const std::string& content);

  // The pages of the last build whose path starts with `prefix`, with their keys: for a group
  // of pages listed from what they were made of last time (the search index).
  std::vector<std::pair<std::string, uint64_t>> PreviousUnder(const std::string& prefix) const;

  // Removes the files of the last build that were not part of this one and writes the manifest.
  void Finish();

  // The last build's manifest: every page it lists is in the output directory (and it lists
  // some), and its checksum (Hash of its text, 0 for none); after Finish, ManifestSum is that of
  // the manifest now on disk. For the build stamp (build_stamp_internal.h).
  bool AllPresent() const;
  // After Finish: the times of the directories of this build's pages, for the next build. A
  // directory whose time is not older than the file system's clock at that moment (a file
  // written then, OUT/.sijill-site-cache/clock, removed again) is left out: a change later in
  // the same clock tick would leave its time as it is.
  DirTimes Times() const;
  size_t previous_pages() const { return old_.size(); }
  uint64_t ManifestSum() const { return manifest_sum_; }

  size_t pages() const;
  size_t rendered() const { return rendered_; }
  size_t removed() const { return removed_; }
  std::vector<std::string> written() const;

 private:
  struct Entry {
    uint64_t key = 0;
    uint64_t content = 0;
  };
  // A page of the last build's manifest (its path points into manifest_).
  struct Previous {
    std::string_view path;
    Entry entry;
  };
  void ReadManifest();
  void ReadChanges();
  void FindExisting();
  void FindExistingIn(const DirTimes& known);
  const Previous* FindPrevious(std::string_view path, size_t* index) const;

  std::string root_;
  // The last build's pages, by path: a view of the manifest's text, not a map of 127,000
  // strings (reading, looking up and copying those was ~0.5 s of a 20,000-report rebuild).
  std::string manifest_;
  // The manifest as written whole (base_, views of manifest_), and the changes to it since
  // (views of changes_text_): a rebuild writes only those, until they are many (Finish).
  std::vector<Previous> base_;
  bool has_base_ = false;
  uint64_t base_sum_ = 0;
  std::string changes_text_;
  uint64_t changes_sum_ = 0;
  // The last build's pages: base_ with the changes applied.
  std::vector<Previous> old_;
  // old_ by path: open addressing, a slot holds an index of old_ plus one (0: empty). A
  // std::unordered_map of 127,000 views was ~0.1 s to fill and ask at 20,000 reports.
  std::vector<uint32_t> old_index_;
  std::vector<uint8_t> exists_;  // old_[i]'s file was in root_ when the build started
  // old_[i] is part of this build unchanged (Fresh). One byte per page, each written by the one
  // thread that asks about that page: no lock.
  std::vector<uint8_t> kept_;
  std::atomic<size_t> kept_count_{0};
  std::map<std::string, Entry> rendered_pages_;  // pages rendered in this build
  std::vector<std::string> written_;
  size_t rendered_ = 0;
  size_t removed_ = 0;
  uint64_t manifest_sum_ = 0;
  mutable std::mutex mutex_;
};

}  // namespace sijill::site::internal
