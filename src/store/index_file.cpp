// The fast index editor (see index_editor.h). Format: git's Documentation/gitformat-index.txt.
// The old index is mapped, not copied: the new one is written as a list of segments, most of
// them pointing into the mapping, and hashed segment by segment.
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "sijill/error.h"
#include "store/index_editor.h"
#include "store/index_format_internal.h"

namespace sijill::store::worktree {

namespace {

using namespace index_format;  // NOLINT: this file is the format's one user

class FastIndexEditor : public IndexEditor {
 public:
  FastIndexEditor(std::string git_dir, std::string root)
      : git_dir_(std::move(git_dir)), root_(std::move(root)) {}
  ~FastIndexEditor() override { Unmap(); }

  // False when the index is in a format this editor leaves to libgit2.
  bool Load() {
    Unmap();
    entries_.clear();
    tree_ = {};
    version_ = 2;
    entries_end_ = kHeaderSize;
    loaded_ = {};
    std::string path = git_dir_ + "index";
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      if (errno != ENOENT) ThrowErrno("cannot read " + path);
      return true;  // no index yet: start an empty one
    }
    bool ok = fstat(fd, &loaded_) == 0;
    if (ok && loaded_.st_size > 0) {
      void* map = mmap(nullptr, static_cast<size_t>(loaded_.st_size), PROT_READ,
                       MAP_PRIVATE | MAP_POPULATE, fd, 0);
      ok = map != MAP_FAILED;
      if (ok)
        data_ =
            std::string_view(static_cast<const char*>(map), static_cast<size_t>(loaded_.st_size));
    }
    close(fd);
    if (!ok) ThrowErrno("cannot read " + path);
    return Parse();
  }

  Staged Find(const std::string& path) const override {
    Staged staged;
    auto it = std::lower_bound(entries_.begin(), entries_.end(), std::string_view(path),
                               [](const Entry& e, std::string_view p) { return e.path < p; });
    for (; it != entries_.end() && it->path == path; ++it) {
      if (it->stage != 0) {
        staged.conflicted = true;
        continue;
      }
      git_oid id;
      git_oid_fromraw(&id, reinterpret_cast<const unsigned char*>(&data_[it->offset + kIdOffset]));
      staged.id = id;
    }
    return staged;
  }

  void Put(const std::string& path, const git_oid& id, uint32_t mode,
           const struct stat& st) override {
    std::string entry;
    for (uint32_t value :
         {uint32_t(st.st_ctim.tv_sec), uint32_t(st.st_ctim.tv_nsec), uint32_t(st.st_mtim.tv_sec),
          uint32_t(st.st_mtim.tv_nsec), uint32_t(st.st_dev), uint32_t(st.st_ino), mode,
          uint32_t(st.st_uid), uint32_t(st.st_gid), uint32_t(st.st_size)}) {
      Append32(entry, value);
    }
    entry.append(reinterpret_cast<const char*>(id.id), kHashSize);
    uint16_t flags = static_cast<uint16_t>(std::min<size_t>(path.size(), 0xfff));
    entry += static_cast<char>(flags >> 8);
    entry += static_cast<char>(flags & 0xff);
    entry += path;
    // "1-8 nul bytes as necessary to pad the entry to a multiple of eight bytes"
    entry.append(((kNameOffset + path.size() + 8) & ~size_t{7}) - entry.size(), '\0');
    edits_[path] = std::move(entry);
  }

  void Remove(const std::string& path) override { edits_[path] = std::nullopt; }

  bool Write() override {
    // Lock first, then make sure the index we edit is the one on disk now: a plain git may
    // have rewritten it since Load, and its change must not be lost.
    std::string lock = git_dir_ + "index.lock";
    int fd = open(lock.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno == EEXIST) return false;
    if (fd < 0) ThrowErrno("cannot create " + lock);
    bool written = false;
    try {
      // A reloaded index in a format beyond this editor: the caller retries with libgit2's.
      if (!ChangedSinceLoad() || Load()) {
        Build().WriteTo(fd, lock);
        written = true;
      }
    } catch (...) {
      close(fd);
      unlink(lock.c_str());
      throw;
    }
    if (close(fd) != 0 || !written || rename(lock.c_str(), (git_dir_ + "index").c_str()) != 0) {
      int saved = errno;
      unlink(lock.c_str());
      if (!written) return false;
      errno = saved;
      ThrowErrno("cannot write " + git_dir_ + "index");
    }
    return true;
  }

 private:
  struct Entry {
    size_t offset;
    std::string_view path;
    int stage;
  };

  void Unmap() {
    if (!data_.empty()) munmap(const_cast<char*>(data_.data()), data_.size());
    data_ = {};
  }

  bool Parse() {
    if (data_.size() < kHeaderSize + kHashSize || data_.substr(0, 4) != "DIRC") return false;
    version_ = Get32(&data_[4]);
    if (version_ != 2 && version_ != 3) return false;  // v4 compresses paths: libgit2's job
    uint32_t count = Get32(&data_[8]);
    size_t end = data_.size() - kHashSize, pos = kHeaderSize;
    entries_.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
      if (pos + kNameOffset + 2 > end) return false;
      unsigned flags = (static_cast<unsigned char>(data_[pos + kFlagsOffset]) << 8) |
                       static_cast<unsigned char>(data_[pos + kFlagsOffset + 1]);
      bool extended = (flags & 0x4000) != 0;
      if (extended && version_ < 3) return false;
      size_t name_at = kNameOffset + (extended ? 2 : 0);
      size_t length = flags & 0xfff;
      if (length == 0xfff) length = strnlen(&data_[pos + name_at], end - pos - name_at);
      size_t size = (name_at + length + 8) & ~size_t{7};
      if (pos + size > end) return false;
      entries_.push_back({pos, data_.substr(pos + name_at, length), int((flags >> 12) & 3)});
      pos += size;
    }
    entries_end_ = pos;
    while (pos < end) {
      if (pos + 8 > end) return false;
      uint32_t size = Get32(&data_[pos + 4]);
      if (pos + 8 + size > end) return false;
      // "If the first byte is 'A'..'Z' the extension is optional and can be ignored."
      // A required one (split index "link", sparse index "sdir") is beyond this editor.
      if (data_[pos] < 'A' || data_[pos] > 'Z') return false;
      if (data_.substr(pos, 4) == "TREE") tree_ = data_.substr(pos + 8, size);
      pos += 8 + size;
    }
    return true;
  }

  bool ChangedSinceLoad() const {
    struct stat now;
    if (stat((git_dir_ + "index").c_str(), &now) != 0) return loaded_.st_ino != 0;
    return now.st_ino != loaded_.st_ino || now.st_size != loaded_.st_size ||
           now.st_mtim.tv_sec != loaded_.st_mtim.tv_sec ||
           now.st_mtim.tv_nsec != loaded_.st_mtim.tv_nsec;
  }

  Output Build() const {
    Output out;
    std::string start = "DIRC";
    Append32(start, version_);
    Append32(start, 0);
    std::string& header = out.Own(std::move(start));  // the count is set in place below
    uint32_t count = 0;
    size_t next = 0;
    std::set<std::string> stale;
    int budget = 64;
    for (const auto& [path, entry] : edits_) {
      count += CopyEntriesBefore(path, next, out, budget);
      while (next < entries_.size() && entries_[next].path == path) ++next;
      if (entry) {
        out.Own(*entry);
        ++count;
      }
      AddDirs(path, stale);
    }
    count += CopyEntriesBefore(std::nullopt, next, out, budget);
    Set32(&header[8], count);
    AppendTreeExtension(stale, out);
    out.AppendHash();
    return out;
  }

  // True when an entry git would call racily clean ("entries whose mtime are the same as the
  // index file timestamp", at seconds granularity) has stat data matching a file whose content
  // changed: git's ce_smudge_racily_clean_entry gives those size 0 so that git re-reads them.
  // Past a budget of checks, racy entries are smudged without looking (always safe).
  bool NeedsSmudge(const Entry& entry, int& budget) const {
    const char* raw = &data_[entry.offset];
    if (Get32(raw + kMtimeOffset) < uint32_t(loaded_.st_mtim.tv_sec)) return false;
    if (--budget < 0) return true;
    std::string full = root_ + "/" + std::string(entry.path);
    struct stat st;
    if (lstat(full.c_str(), &st) != 0) return false;  // git sees it as deleted anyway
    if (uint32_t(st.st_size) != Get32(raw + kSizeOffset) ||
        uint32_t(st.st_mtim.tv_sec) != Get32(raw + kMtimeOffset) ||
        uint32_t(st.st_mtim.tv_nsec) != Get32(raw + kMtimeOffset + 4)) {
      return false;  // the stat data already differs, so git re-reads it
    }
    if (!S_ISREG(st.st_mode)) return true;
    std::optional<std::string> content = ReadFileContent(full);
    git_oid actual;
    return !content ||
           git_odb_hash(&actual, content->data(), content->size(), GIT_OBJECT_BLOB) != 0 ||
           std::memcmp(actual.id, raw + kIdOffset, kHashSize) != 0;
  }

  // Borrows the unedited entries before `limit` (all the rest for nullopt), copying the ones
  // to smudge.
  uint32_t CopyEntriesBefore(std::optional<std::string_view> limit, size_t& next, Output& out,
                             int& budget) const {
    size_t first = next, from = first < entries_.size() ? entries_[first].offset : entries_end_;
    for (; next < entries_.size() && (!limit || entries_[next].path < *limit); ++next) {
      size_t at = entries_[next].offset;
      if (!NeedsSmudge(entries_[next], budget)) continue;
      size_t end = next + 1 < entries_.size() ? entries_[next + 1].offset : entries_end_;
      out.Borrow(&data_[from], at - from);
      Set32(&out.Own(std::string(data_.substr(at, end - at)))[kSizeOffset], 0);
      from = end;
    }
    size_t to = next < entries_.size() ? entries_[next].offset : entries_end_;
    // Without an index file data_ is empty and its data() null: null + offset is undefined.
    if (to > from) out.Borrow(data_.data() + from, to - from);
    return static_cast<uint32_t>(next - first);
  }

  // The cache tree, invalidated along the edited paths. The other optional extensions
  // (untracked cache, fsmonitor, and the offset tables our splice would falsify) are dropped,
  // which git allows and repairs on its next full write.
  void AppendTreeExtension(const std::set<std::string>& stale, Output& out) const {
    if (tree_.empty()) return;
    std::optional<std::string> payload = InvalidateCacheTree(tree_, stale);
    if (!payload) return;
    std::string extension = "TREE";
    Append32(extension, static_cast<uint32_t>(payload->size()));
    out.Own(extension + *payload);
  }

  std::string git_dir_;
  std::string root_;
  std::string_view data_;  // the mapped index
  struct stat loaded_ {};  // of the index as mapped; all zero when there was none
  uint32_t version_ = 2;
  std::vector<Entry> entries_;
  size_t entries_end_ = kHeaderSize;
  std::string_view tree_;
  std::map<std::string, std::optional<std::string>> edits_;
};

}  // namespace

std::unique_ptr<IndexEditor> OpenFastIndexEditor(const std::string& git_dir,
                                                 const std::string& root) {
  auto editor = std::make_unique<FastIndexEditor>(git_dir, root);
  if (!editor->Load()) return nullptr;
  return editor;
}

}  // namespace sijill::store::worktree
