// The fast index editor (see index_editor.h). Format: git's Documentation/gitformat-index.txt.
// The old index is mapped, not copied: the new one is written as a list of segments, most of
// them pointing into the mapping, and hashed segment by segment.
//
// Split index ("link" extension): the entries live in a shared index,
// $GIT_DIR/sharedindex.<its hash>, written once, and the main index $GIT_DIR/index holds only
// what changed since (replaced entries, with their names stripped, then added ones) and two
// bitmaps over the shared entries (deleted, replaced). Rewriting the small main index instead
// of all 9 MB is what makes a commit on an 80,000-file repository cheap (issue 2, item 7).
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <deque>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "sijill/checksum.h"
#include "sijill/error.h"
#include "sijill/whole_file.h"
#include "store/index_editor.h"
#include "store/index_format_internal.h"

namespace sijill::store::worktree {

namespace {

std::atomic<size_t> replacement_only_writes{0};

using namespace index_format;  // NOLINT: this file is the format's one user

constexpr std::string_view kSharedPrefix = "sharedindex.";
// git's splitIndex.sharedIndexExpire default: older unused shared indexes are removed.
constexpr time_t kSharedIndexExpiry = 14 * 24 * 3600;

// One index file, mapped read-only.
class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile() { Unmap(); }

  // False when there is no such file; throws kIo on other failures. `populate` maps every page
  // at once, for a file that is read through; without it pages come as they are touched.
  bool Map(const std::string& path, struct stat& st, bool populate = true) {
    Unmap();
    st = {};
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      if (errno != ENOENT) ThrowErrno("cannot read " + path);
      return false;
    }
    bool ok = fstat(fd, &st) == 0;
    if (ok && st.st_size > 0) {
      void* map = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ,
                       MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0);
      ok = map != MAP_FAILED;
      if (ok)
        data_ = std::string_view(static_cast<const char*>(map), static_cast<size_t>(st.st_size));
    }
    close(fd);
    if (!ok) ThrowErrno("cannot read " + path);
    return true;
  }

  void Unmap() {
    if (!data_.empty()) munmap(const_cast<char*>(data_.data()), data_.size());
    data_ = {};
  }

  std::string_view data() const { return data_; }
  bool Holds(const char* p) const {
    return !data_.empty() && p >= data_.data() && p < data_.data() + data_.size();
  }

 private:
  std::string_view data_;
};

// 32 bytes: a large index has ~80,000 of them, and fresh memory costs ~0.5 ms per MB to touch
// on this kind of machine (a VM), so their size shows in every `sijill status`.
struct Entry {
  const char* raw;        // the entry as on disk: in a mapping, an edit, or a smudged copy
  const char* path_data;  // its path (in the shared entry when raw is a nameless replacement)
  uint16_t size;          // of raw, padding included (at most 62 + 4 + 4,096 + 8 bytes)
  uint16_t path_size;
  uint32_t shared;  // 1 + its position in the shared index; 0 when it is not there
  // raw's mtime seconds, read while parsing: the racy-clean check looks at every entry, and
  // reading it here spares a second pass through the 9 MB of a large index (0 for an edit,
  // which is never checked).
  uint32_t mtime;
  uint8_t stage;
  bool nameless;  // raw is a split index replacement, its name stripped

  static Entry Make(const char* raw, size_t size, std::string_view path, int stage, uint32_t shared,
                    bool nameless, uint32_t mtime) {
    return {raw,    path.data(), static_cast<uint16_t>(size), static_cast<uint16_t>(path.size()),
            shared, mtime,       static_cast<uint8_t>(stage), nameless};
  }
  std::string_view path() const { return {path_data, path_size}; }
  bool operator<(const Entry& other) const {
    return path() != other.path() ? path() < other.path() : stage < other.stage;
  }
};
static_assert(sizeof(Entry) == 32);

uint16_t Flags(const char* raw) {
  return static_cast<uint16_t>((static_cast<unsigned char>(raw[kFlagsOffset]) << 8) |
                               static_cast<unsigned char>(raw[kFlagsOffset + 1]));
}

size_t NameAt(const char* raw) { return kNameOffset + ((Flags(raw) & 0x4000) != 0 ? 2 : 0); }

// The entry with its name written out (`with_name`) or stripped, as a split index replacement
// must be ("Replaced entries may have empty path names to save space"; git requires it).
std::string Rewrite(const Entry& entry, bool with_name) {
  size_t name_at = NameAt(entry.raw);
  std::string out(entry.raw, name_at);
  uint16_t flags = Flags(entry.raw) & 0xf000;
  if (with_name) flags |= static_cast<uint16_t>(std::min<size_t>(entry.path().size(), 0xfff));
  out[kFlagsOffset] = static_cast<char>(flags >> 8);
  out[kFlagsOffset + 1] = static_cast<char>(flags & 0xff);
  if (with_name) out += entry.path();
  out.append(((name_at + (with_name ? entry.path().size() : 0) + 8) & ~size_t{7}) - out.size(),
             '\0');
  return out;
}

// The entries of an index file and the extensions the editor keeps.
struct ParsedIndex {
  uint32_t version = 2;
  std::vector<Entry> entries;
  std::string_view tree;  // the TREE payload
  std::optional<std::string_view> link;
  std::string_view hash;  // the trailer
};

// False when the file is in a format beyond this editor (version 4, a required extension
// other than "link") or malformed. `on_entry(raw, size, path, stage, nameless, mtime)` sees each
// entry in order; `out.entries` is left to the caller.
template <typename OnEntry>
bool ParseIndexWith(std::string_view data, ParsedIndex& out, OnEntry on_entry) {
  if (data.size() < kHeaderSize + kHashSize || data.substr(0, 4) != "DIRC") return false;
  out.version = Get32(&data[4]);
  if (out.version != 2 && out.version != 3) return false;  // v4 compresses paths: libgit2's job
  uint32_t count = Get32(&data[8]);
  size_t end = data.size() - kHashSize, pos = kHeaderSize;
  out.hash = data.substr(end);
  for (uint32_t i = 0; i < count; ++i) {
    if (pos + kNameOffset + 2 > end) return false;
    uint16_t flags = Flags(&data[pos]);
    bool extended = (flags & 0x4000) != 0;
    if (extended && out.version < 3) return false;
    size_t name_at = kNameOffset + (extended ? 2 : 0);
    size_t length = flags & 0xfff;
    if (length == 0xfff) length = strnlen(&data[pos + name_at], end - pos - name_at);
    size_t size = (name_at + length + 8) & ~size_t{7};
    if (pos + size > end) return false;
    if (size > 0xffff) return false;  // a path longer than any file system allows
    on_entry(&data[pos], size, data.substr(pos + name_at, length), (flags >> 12) & 3,
             length == 0, Get32(&data[pos + kMtimeOffset]));
    pos += size;
  }
  while (pos < end) {
    if (pos + 8 > end) return false;
    uint32_t size = Get32(&data[pos + 4]);
    if (pos + 8 + size > end) return false;
    std::string_view signature = data.substr(pos, 4), payload = data.substr(pos + 8, size);
    // "If the first byte is 'A'..'Z' the extension is optional and can be ignored." Of the
    // required ones only the split index's "link" is understood (not the sparse index's "sdir").
    if (signature == "link") {
      out.link = payload;
    } else if (data[pos] < 'A' || data[pos] > 'Z') {
      return false;
    } else if (signature == "TREE") {
      out.tree = payload;
    }
    pos += 8 + size;
  }
  return true;
}

bool ParseIndex(std::string_view data, ParsedIndex& out) {
  // (An entry takes at least 64 bytes: a damaged count must not reserve gigabytes.)
  if (data.size() >= kHeaderSize) out.entries.reserve(std::min<size_t>(Get32(&data[8]), data.size() / 64));
  return ParseIndexWith(data, out,
                        [&](const char* raw, size_t size, std::string_view path, int stage,
                            bool nameless, uint32_t mtime) {
                          out.entries.push_back(
                              Entry::Make(raw, size, path, stage, 0, nameless, mtime));
                        });
}

std::string Hex(std::string_view raw) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : raw) {
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
  }
  return hex;
}

[[noreturn]] void ThrowBrokenSplitIndex(const std::string& git_dir, const std::string& why) {
  throw Error(Error::Kind::kIo, "cannot read the split index " + git_dir + "index: " + why +
                                    " (`git update-index --no-split-index` rewrites it whole)");
}

// Writes `output` to `path` through a temporary file beside it (we hold index.lock, so no
// other writer of the index uses the temporary name).
void WriteFileAtomically(const Output& output, const std::string& path) {
  std::string temporary = path + ".sijill-tmp";
  int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) ThrowErrno("cannot create " + temporary);
  try {
    output.WriteTo(fd, temporary);
  } catch (...) {
    close(fd);
    unlink(temporary.c_str());
    throw;
  }
  if (close(fd) != 0 || rename(temporary.c_str(), path.c_str()) != 0) {
    int saved = errno;
    unlink(temporary.c_str());
    errno = saved;
    ThrowErrno("cannot write " + path);
  }
}

class FastIndexEditor : public IndexEditor {
 public:
  FastIndexEditor(std::string git_dir, std::string root, SplitPolicy policy)
      : git_dir_(std::move(git_dir)), root_(std::move(root)), policy_(policy) {}

  // False when the index is in a format this editor leaves to libgit2.
  bool Load() {
    main_.Unmap();
    shared_.Unmap();
    entries_.clear();
    main_entries_.clear();
    deleted_.clear();
    replaced_.clear();
    shared_offsets_ = nullptr;
    scanned_offsets_.clear();
    offsets_file_.Unmap();
    lazy_ = false;
    tree_ = {};
    version_ = 2;
    shared_hash_.clear();
    shared_count_ = 0;
    if (!main_.Map(git_dir_ + "index", loaded_)) return true;  // no index yet: an empty one
    ParsedIndex main;
    if (!ParseIndex(main_.data(), main)) return false;
    version_ = main.version;
    tree_ = main.tree;
    if (!main.link || *main.link == std::string(kHashSize, '\0')) {
      entries_ = std::move(main.entries);
      return std::none_of(entries_.begin(), entries_.end(),
                          [](const Entry& e) { return e.nameless; });
    }
    OpenSharedIndex(*main.link);
    main_entries_ = std::move(main.entries);
    // The usual state between two new shared indexes: only replacements. Then the shared
    // entries stay unparsed until something needs them (see WriteReplacements).
    lazy_ = deleted_.empty() && main_entries_.size() == replaced_.size();
    if (!lazy_) MergeSharedIndex();
    return true;
  }

  Staged Find(const std::string& path) const override {
    if (lazy_) return FindShared(path);
    Staged staged;
    auto it = std::lower_bound(entries_.begin(), entries_.end(), std::string_view(path),
                               [](const Entry& e, std::string_view p) { return e.path() < p; });
    for (; it != entries_.end() && it->path() == path; ++it) {
      if (it->stage != 0) {
        staged.conflicted = true;
        continue;
      }
      git_oid id;
      git_oid_fromraw(&id, reinterpret_cast<const unsigned char*>(it->raw + kIdOffset));
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
    std::string new_shared;
    try {
      // A reloaded index in a format beyond this editor: the caller retries with libgit2's.
      if (!ChangedSinceLoad() || Load()) {
        Output out;
        if (lazy_ && WriteReplacements(out)) {
          replacement_only_writes.fetch_add(1, std::memory_order_relaxed);
        } else {
          if (lazy_) MergeSharedIndex();
          const std::vector<Entry>& entries = EditedEntries();
          new_shared = BuildIndex(entries, out);
        }
        out.WriteTo(fd, lock);
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
    if (!new_shared.empty()) RemoveExpiredSharedIndexes(new_shared);
    return true;
  }

 private:
  // Reads the link extension of the main index (the shared index's hash and the deleted and
  // replaced bitmaps), maps the shared index, checks it, and notes where each of its entries
  // starts and the newest mtime among them, without building the entries themselves: the
  // 80,000 entries of a large index (2.6 MB of Entry) are most of the work of a commit here.
  void OpenSharedIndex(std::string_view link) {
    shared_hash_ = std::string(link.substr(0, kHashSize));
    size_t pos = kHashSize;
    if (pos < link.size()) {
      std::optional<std::vector<uint32_t>> d = ReadEwah(link, pos), r;
      if (d) r = ReadEwah(link, pos);
      if (!r || pos != link.size()) ThrowBrokenSplitIndex(git_dir_, "malformed link extension");
      deleted_ = std::move(*d);
      replaced_ = std::move(*r);
    }
    std::string path = git_dir_ + std::string(kSharedPrefix) + Hex(shared_hash_);
    struct stat st;
    if (ReadSharedOffsets()) {
      if (!shared_.Map(path, st, false)) ThrowBrokenSplitIndex(git_dir_, path + " is missing");
      std::string_view data = shared_.data();
      bool plausible = data.size() >= kHeaderSize + kHashSize && data.substr(0, 4) == "DIRC" &&
                       Get32(&data[8]) == shared_count_ &&
                       data.substr(data.size() - kHashSize) == shared_hash_;
      if (!plausible) ThrowBrokenSplitIndex(git_dir_, path + " is not the one linked");
      for (uint32_t r : replaced_)
        if (r >= shared_count_) ThrowBrokenSplitIndex(git_dir_, "bad replacement");
      for (uint32_t d : deleted_)
        if (d >= shared_count_) ThrowBrokenSplitIndex(git_dir_, "bad deletion");
      return;
    }
    if (!shared_.Map(path, st)) ThrowBrokenSplitIndex(git_dir_, path + " is missing");
    ParsedIndex shared;
    std::string_view data = shared_.data();
    if (data.size() >= kHeaderSize)
      scanned_offsets_.reserve(std::min<size_t>(Get32(&data[8]), data.size() / 64));
    shared_newest_ = {0, 0};
    bool parsed = ParseIndexWith(
        data, shared,
        [&](const char* raw, size_t, std::string_view, int, bool, uint32_t mtime) {
          scanned_offsets_.push_back(static_cast<uint32_t>(raw - data.data()));
          std::pair<uint32_t, uint32_t> time{mtime, Get32(raw + kMtimeOffset + 4)};
          shared_newest_ = std::max(shared_newest_, time);
        });
    if (!parsed || shared.link) {
      ThrowBrokenSplitIndex(git_dir_, path + " is in a format sijill does not read");
    }
    if (shared.hash != shared_hash_)
      ThrowBrokenSplitIndex(git_dir_, path + " is not the one linked");
    shared_offsets_ = scanned_offsets_.data();
    shared_count_ = static_cast<uint32_t>(scanned_offsets_.size());
    WriteSharedOffsets();
    for (uint32_t r : replaced_)
      if (r >= shared_count_) ThrowBrokenSplitIndex(git_dir_, "bad replacement");
    for (uint32_t d : deleted_)
      if (d >= shared_count_) ThrowBrokenSplitIndex(git_dir_, "bad deletion");
  }

  // The shared index's entries with the main index's replacements, deletions and additions
  // applied, as git's merge_base_index does: entries_ for the general path.
  void MergeSharedIndex() {
    lazy_ = false;
    ParsedIndex shared;
    // (With the offsets sidecar, OpenSharedIndex checked only the shared index's header.)
    if (!ParseIndex(shared_.data(), shared) || shared.link ||
        shared.entries.size() != shared_count_) {
      ThrowBrokenSplitIndex(git_dir_, "its shared index is in a format sijill does not read");
    }
    std::vector<Entry>& base = shared.entries;
    for (uint32_t i = 0; i < base.size(); ++i) base[i].shared = i + 1;
    if (replaced_.size() > main_entries_.size())
      ThrowBrokenSplitIndex(git_dir_, "too many replacements");
    for (size_t k = 0; k < replaced_.size(); ++k) {
      const Entry& replacement = main_entries_[k];
      if (!replacement.nameless) ThrowBrokenSplitIndex(git_dir_, "bad replacement");
      Entry& entry = base[replaced_[k]];
      entry.raw = replacement.raw;
      entry.mtime = replacement.mtime;
      entry.size = replacement.size;
      entry.stage = replacement.stage;
      entry.nameless = true;
    }
    for (uint32_t d : deleted_) base[d].raw = nullptr;
    std::vector<Entry> added(main_entries_.begin() + static_cast<long>(replaced_.size()),
                             main_entries_.end());
    if (std::any_of(added.begin(), added.end(), [](const Entry& e) { return e.nameless; })) {
      ThrowBrokenSplitIndex(git_dir_, "an added entry without a name");
    }
    if (added.empty()) {  // the usual case: the shared entries, edited in place
      if (!deleted_.empty()) {
        base.erase(std::remove_if(base.begin(), base.end(),
                                  [](const Entry& e) { return e.raw == nullptr; }),
                   base.end());
      }
      entries_ = std::move(base);
      return;
    }
    // Both lists are sorted; an added entry replaces a shared one of the same path and stage.
    entries_.reserve(base.size() + added.size());
    auto next = added.begin();
    for (const Entry& entry : base) {
      if (entry.raw == nullptr) continue;
      for (; next != added.end() && *next < entry; ++next) entries_.push_back(*next);
      if (next != added.end() && !(entry < *next)) continue;  // same path and stage
      entries_.push_back(entry);
    }
    entries_.insert(entries_.end(), next, added.end());
  }

  // The raw shared entry at `position` and its path. The offsets come from our own scan or
  // from the checksummed sidecar, but the shared index is read as untrusted all the same.
  const char* SharedRaw(uint32_t position) const {
    std::string_view data = shared_.data();
    uint32_t offset = shared_offsets_[position];
    if (offset < kHeaderSize || size_t{offset} + kNameOffset + 4 > data.size() - kHashSize)
      ThrowBrokenSplitIndex(git_dir_, "an entry of the shared index out of bounds");
    return data.data() + offset;
  }
  std::string_view SharedPath(uint32_t position) const {
    const char* raw = SharedRaw(position);  // at least kNameOffset + 4 bytes before the end
    const char* end = shared_.data().data() + shared_.data().size() - kHashSize;
    const char* name = raw + NameAt(raw);
    size_t room = static_cast<size_t>(end - name);
    size_t length = Flags(raw) & 0xfff;
    if (length == 0xfff) length = strnlen(name, room);
    if (length > room) ThrowBrokenSplitIndex(git_dir_, "an entry of the shared index out of bounds");
    return {name, length};
  }

  // The sidecar <git dir>/sijill-shared-offsets keeps, for one shared index (named by its
  // hash), where each entry starts and the newest mtime among them: with it a commit reads
  // the ~17 entries of a binary search instead of all 9 MB (mapping, scanning and unmapping
  // them was ~1.4 ms of a `sijill status`). Layout, native byte order (a cache for this
  // machine, rebuilt whenever it does not fit): "SJOF", version 1, the shared index's hash
  // (20 bytes), count, newest mtime seconds and nanoseconds, a checksum of all that and the
  // offsets (8 bytes), then count 32-bit offsets.
  static constexpr size_t kOffsetsHeader = 48;
  std::string OffsetsPath() const { return git_dir_ + "sijill-shared-offsets"; }

  static uint64_t OffsetsChecksum(std::string_view head, std::string_view offsets) {
    return Checksum(head) * 0x9E3779B97F4A7C15ull ^ Checksum(offsets);
  }

  // True when the sidecar is there, intact and for the linked shared index.
  bool ReadSharedOffsets() {
    struct stat st;
    try {
      if (!offsets_file_.Map(OffsetsPath(), st)) return false;
    } catch (const Error&) {
      return false;  // unreadable: scan, and try to write it again
    }
    std::string_view data = offsets_file_.data();
    uint32_t fields[3];  // count, newest mtime seconds, nanoseconds
    if (data.size() >= kOffsetsHeader) std::memcpy(fields, data.data() + 28, sizeof fields);
    bool valid = data.size() >= kOffsetsHeader && data.substr(0, 4) == "SJOF" &&
                 data.substr(8, kHashSize) == shared_hash_ &&
                 data.size() == kOffsetsHeader + 4 * size_t{fields[0]};
    uint64_t checksum = 0;
    if (valid) std::memcpy(&checksum, data.data() + 40, 8);
    valid = valid && std::memcmp(data.data() + 4, "\1\0\0\0", 4) == 0 &&
            checksum == OffsetsChecksum(data.substr(0, 40), data.substr(kOffsetsHeader));
    if (!valid) {
      offsets_file_.Unmap();
      return false;
    }
    shared_count_ = fields[0];
    shared_newest_ = {fields[1], fields[2]};
    shared_offsets_ = reinterpret_cast<const uint32_t*>(data.data() + kOffsetsHeader);
    return true;
  }

  // Best effort: without it the next commit scans the shared index again.
  void WriteSharedOffsets() const {
    std::string out = "SJOF";
    uint32_t fields[5] = {1, 0, shared_count_, shared_newest_.first, shared_newest_.second};
    out.append(reinterpret_cast<const char*>(&fields[0]), 4);
    out += shared_hash_;
    out.append(reinterpret_cast<const char*>(&fields[2]), 12);
    std::string_view offsets(reinterpret_cast<const char*>(shared_offsets_),
                             4 * size_t{shared_count_});
    uint64_t checksum = OffsetsChecksum(out, offsets);
    out.append(reinterpret_cast<const char*>(&checksum), 8);
    out.append(offsets);
    // (Readers of the index do not hold index.lock: two may write it at once, each whole.)
    try {
      ReplaceFile(OffsetsPath(), out);
    } catch (const Error&) {
    }
  }

  // The first shared position holding `path` (any stage), or shared_count_.
  uint32_t SharedPosition(std::string_view path) const {
    uint32_t low = 0, high = shared_count_;
    while (low < high) {
      uint32_t middle = low + (high - low) / 2;
      if (SharedPath(middle) < path) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low < shared_count_ && SharedPath(low) == path ? low : shared_count_;
  }
  // The main index's replacement of a shared position, or nullptr.
  const Entry* Replacement(uint32_t position) const {
    auto it = std::lower_bound(replaced_.begin(), replaced_.end(), position);
    if (it == replaced_.end() || *it != position) return nullptr;
    return &main_entries_[static_cast<size_t>(it - replaced_.begin())];
  }

  // Find, while the shared entries are unparsed (no deletions or additions).
  Staged FindShared(const std::string& path) const {
    Staged staged;
    for (uint32_t p = SharedPosition(path); p < shared_count_ && SharedPath(p) == path; ++p) {
      const Entry* replacement = Replacement(p);
      const char* raw = replacement ? replacement->raw : SharedRaw(p);
      if ((Flags(raw) >> 12 & 3) != 0) {
        staged.conflicted = true;
        continue;
      }
      git_oid id;
      git_oid_fromraw(&id, reinterpret_cast<const unsigned char*>(raw + kIdOffset));
      staged.id = id;
    }
    return staged;
  }

  // The new main index when every edit replaces the one stage-0 entry of a path in the shared
  // index (a follow-up rewrites a record that is there): the old replacements plus the edits,
  // in the shared index's order, over the same shared index. Writes nothing to `out` and
  // returns false when another case needs the general path: a removal or an added path, a
  // shared entry git would call racy, or enough changes for a new shared index.
  bool WriteReplacements(Output& out) {
    if (policy_.mode == SplitPolicy::Mode::kNever) return false;
    if (replaced_.size() != main_entries_.size()) return false;
    // A shared entry is racy when its mtime is not before the main index's (see NeedsSmudge);
    // they are older than the shared index, so this is rare.
    std::pair<uint32_t, uint32_t> index_time{uint32_t(loaded_.st_mtim.tv_sec),
                                             uint32_t(loaded_.st_mtim.tv_nsec)};
    if (shared_count_ > 0 && shared_newest_ >= index_time) return false;
    std::vector<std::pair<uint32_t, Entry>> replacements;  // by shared position
    for (size_t k = 0; k < replaced_.size(); ++k) {
      const Entry& replacement = main_entries_[k];
      if (!replacement.nameless) ThrowBrokenSplitIndex(git_dir_, "bad replacement");
      // With the shared entry's path, which the racy check needs.
      replacements.emplace_back(
          replaced_[k], Entry::Make(replacement.raw, replacement.size, SharedPath(replaced_[k]),
                                    replacement.stage, replaced_[k] + 1, true, replacement.mtime));
    }
    std::vector<std::pair<uint32_t, Entry>> edited;
    for (const auto& [path, bytes] : edits_) {
      if (!bytes) return false;
      uint32_t p = SharedPosition(path);
      if (p == shared_count_) return false;  // an added path
      bool single = p + 1 == shared_count_ || SharedPath(p + 1) != path;
      const Entry* replacement = Replacement(p);
      const char* current = replacement ? replacement->raw : SharedRaw(p);
      if (!single || (Flags(current) >> 12 & 3) != 0) return false;
      edited.emplace_back(p, Entry::Make(bytes->data(), bytes->size(), path, 0, p + 1, false, 0));
    }
    // git's maxPercentChange rule, as TooManyChanges counts it: every replacement differs.
    size_t changed = replacements.size();
    for (const auto& [p, entry] : edited) changed += Replacement(p) ? 0 : 1;
    if (policy_.max_percent_change <= 0) return false;
    if (policy_.max_percent_change < 100 &&
        uint64_t(shared_count_) * uint64_t(policy_.max_percent_change) < changed * 100) {
      return false;
    }
    scratch_.clear();
    stale_.clear();
    int budget = 64;
    for (auto& [p, entry] : replacements) {
      if (!NeedsSmudge(entry, budget)) continue;
      Set32(scratch_.emplace_back(entry.raw, entry.size).data() + kSizeOffset, 0);
      entry.raw = scratch_.back().data();
    }
    for (auto& [p, entry] : edited) {
      AddDirs(std::string(entry.path()), stale_);
      auto it = std::lower_bound(
          replacements.begin(), replacements.end(), p,
          [](const std::pair<uint32_t, Entry>& r, uint32_t position) { return r.first < position; });
      if (it != replacements.end() && it->first == p) {
        it->second = entry;
      } else {
        replacements.insert(it, {p, entry});
      }
    }
    std::string& header = StartIndex(out);
    Set32(&header[8], static_cast<uint32_t>(replacements.size()));
    std::vector<uint32_t> positions;
    for (const auto& [p, entry] : replacements) {
      positions.push_back(p);
      if (entry.nameless) {
        out.Borrow(entry.raw, entry.size);  // already without its name
      } else {
        out.Own(Rewrite(entry, false));
      }
    }
    AppendLink(shared_hash_, deleted_, positions, out);
    AppendTreeExtension(out);
    out.AppendHash();
    // git's reader refreshes the shared index's time as well, so that it does not expire.
    utimensat(AT_FDCWD, (git_dir_ + std::string(kSharedPrefix) + Hex(shared_hash_)).c_str(),
              nullptr, 0);
    return true;
  }

  bool ChangedSinceLoad() const {
    struct stat now;
    if (stat((git_dir_ + "index").c_str(), &now) != 0) return loaded_.st_ino != 0;
    return now.st_ino != loaded_.st_ino || now.st_size != loaded_.st_size ||
           now.st_mtim.tv_sec != loaded_.st_mtim.tv_sec ||
           now.st_mtim.tv_nsec != loaded_.st_mtim.tv_nsec;
  }

  // The entries to write: the loaded ones with the edits spliced in (an edit drops every stage
  // of its path) and the racily clean ones smudged. Also collects the stale cache-tree nodes.
  // When every edit rewrites one existing stage-0 entry (a commit of changed records), that is
  // done in place, sparing a copy of all 80,000 entries.
  const std::vector<Entry>& EditedEntries() {
    scratch_.clear();
    stale_.clear();
    int budget = 64;
    auto smudge_if_racy = [&](Entry& entry) {
      if (!NeedsSmudge(entry, budget)) return;
      Set32(scratch_.emplace_back(entry.raw, entry.size).data() + kSizeOffset, 0);
      entry.raw = scratch_.back().data();
    };
    for (const auto& [path, entry] : edits_) AddDirs(path, stale_);
    std::vector<size_t> in_place;
    for (const auto& [path, entry] : edits_) {
      auto it = std::lower_bound(entries_.begin(), entries_.end(), std::string_view(path),
                                 [](const Entry& e, std::string_view p) { return e.path() < p; });
      bool single = it != entries_.end() && it->path() == path && it->stage == 0 &&
                    (it + 1 == entries_.end() || it[1].path() != path);
      if (!entry || !single) break;
      in_place.push_back(static_cast<size_t>(it - entries_.begin()));
    }
    if (in_place.size() == edits_.size()) {
      for (Entry& entry : entries_) smudge_if_racy(entry);
      auto edit = edits_.begin();
      for (size_t i : in_place) {
        Entry& entry = entries_[i];
        const std::string& bytes = *edit->second;
        entry = Entry::Make(bytes.data(), bytes.size(), edit->first, 0, entry.shared, false, 0);
        ++edit;
      }
      return entries_;
    }
    edited_.clear();
    edited_.reserve(entries_.size() + edits_.size());
    size_t next = 0;
    auto copy_before = [&](const std::string* limit) {
      for (; next < entries_.size() && (limit == nullptr || entries_[next].path() < *limit);
           ++next) {
        smudge_if_racy(edited_.emplace_back(entries_[next]));
      }
    };
    for (const auto& [path, entry] : edits_) {
      copy_before(&path);
      uint32_t shared = 0;
      for (; next < entries_.size() && entries_[next].path() == path; ++next) {
        if (entries_[next].stage == 0) shared = entries_[next].shared;
      }
      if (entry)
        edited_.push_back(Entry::Make(entry->data(), entry->size(), path, 0, shared, false, 0));
    }
    copy_before(nullptr);
    return edited_;
  }

  // Writes the index for `entries` into `out`; returns the name of a shared index written on
  // the way ("" when none).
  std::string BuildIndex(const std::vector<Entry>& entries, Output& out) {
    bool split = policy_.mode == SplitPolicy::Mode::kAlways ||
                 (policy_.mode == SplitPolicy::Mode::kAuto &&
                  (!shared_hash_.empty() || entries.size() >= policy_.min_entries));
    if (!split) {
      BuildFull(entries, out);
      return "";
    }
    if (!shared_hash_.empty() && !TooManyChanges(entries)) {
      BuildMain(entries, out);
      return "";
    }
    // A new shared index holding everything, renamed into place before any main index
    // points to it; the main index then holds no entries.
    Output shared;
    Set32(&StartIndex(shared)[8], static_cast<uint32_t>(entries.size()));
    AppendEntries(entries, shared);
    std::string hash = shared.AppendHash();
    std::string name = std::string(kSharedPrefix) + Hex(hash);
    WriteFileAtomically(shared, git_dir_ + name);
    std::string& header = StartIndex(out);
    Set32(&header[8], 0);
    AppendLink(hash, {}, {}, out);
    AppendTreeExtension(out);
    out.AppendHash();
    return name;
  }

  // git's splitIndex.maxPercentChange rule: a new shared index once the entries not shared
  // with the current one (replaced, added, or deleted) pass that share of the whole.
  bool TooManyChanges(const std::vector<Entry>& entries) const {
    if (policy_.max_percent_change <= 0) return true;
    if (policy_.max_percent_change >= 100) return false;
    uint64_t kept = 0, changed = 0;
    for (const Entry& entry : entries) {
      if (entry.shared != 0 && shared_.Holds(entry.raw)) {
        ++kept;
      } else {
        ++changed;
      }
    }
    uint64_t replaced = std::count_if(entries.begin(), entries.end(),
                                      [](const Entry& e) { return e.shared != 0; }) -
                        kept;
    changed += shared_count_ - kept - replaced;  // the deleted ones
    return entries.size() * uint64_t(policy_.max_percent_change) < changed * 100;
  }

  std::string& StartIndex(Output& out) const {
    std::string header = "DIRC";
    Append32(header, version_);
    Append32(header, 0);
    return out.Own(std::move(header));
  }

  // Appends the entries with their names, borrowing contiguous runs.
  static void AppendEntries(const std::vector<Entry>& entries, Output& out) {
    for (const Entry& entry : entries) {
      if (entry.nameless) {
        out.Own(Rewrite(entry, true));
      } else {
        out.Borrow(entry.raw, entry.size);
      }
    }
  }

  void BuildFull(const std::vector<Entry>& entries, Output& out) const {
    std::string& header = StartIndex(out);
    Set32(&header[8], static_cast<uint32_t>(entries.size()));
    AppendEntries(entries, out);
    AppendTreeExtension(out);
    out.AppendHash();
  }

  // The main index over the current shared index: the replaced entries (in the shared index's
  // order, names stripped), then the added ones, then the bitmaps.
  void BuildMain(const std::vector<Entry>& entries, Output& out) const {
    std::string& header = StartIndex(out);
    std::vector<uint32_t> replaced, deleted;
    std::vector<bool> present(shared_count_, false);
    std::vector<const Entry*> added;
    for (const Entry& entry : entries) {
      if (entry.shared == 0) {
        added.push_back(&entry);
        continue;
      }
      present[entry.shared - 1] = true;
      if (shared_.Holds(entry.raw)) continue;
      replaced.push_back(entry.shared - 1);
      out.Own(Rewrite(entry, false));
    }
    for (const Entry* entry : added) out.Borrow(entry->raw, entry->size);
    Set32(&header[8], static_cast<uint32_t>(replaced.size() + added.size()));
    for (uint32_t i = 0; i < shared_count_; ++i) {
      if (!present[i]) deleted.push_back(i);
    }
    AppendLink(shared_hash_, deleted, replaced, out);
    AppendTreeExtension(out);
    out.AppendHash();
    // git's reader refreshes the shared index's time as well, so that it does not expire.
    utimensat(AT_FDCWD, (git_dir_ + std::string(kSharedPrefix) + Hex(shared_hash_)).c_str(),
              nullptr, 0);
  }

  static void AppendLink(const std::string& hash, const std::vector<uint32_t>& deleted,
                         const std::vector<uint32_t>& replaced, Output& out) {
    std::string payload = hash;
    AppendEwah(payload, deleted);
    AppendEwah(payload, replaced);
    std::string extension = "link";
    Append32(extension, static_cast<uint32_t>(payload.size()));
    out.Own(extension + payload);
  }

  // Other processes may still be reading a shared index a moment after it stopped being the
  // current one, so (as git does) only the ones unused for two weeks are removed.
  void RemoveExpiredSharedIndexes(const std::string& current) const {
    DIR* dir = opendir(git_dir_.c_str());
    if (dir == nullptr) return;
    time_t expired = time(nullptr) - kSharedIndexExpiry;
    while (const dirent* item = readdir(dir)) {
      std::string_view name = item->d_name;
      if (name.substr(0, kSharedPrefix.size()) != kSharedPrefix || name == current) continue;
      std::string path = git_dir_ + std::string(name);
      struct stat st;
      if (stat(path.c_str(), &st) == 0 && st.st_mtime < expired) unlink(path.c_str());
    }
    closedir(dir);
  }

  // True when an entry git would call racily clean (its mtime not before the index file's, to
  // the nanosecond, as git built with USE_NSEC compares: Debian's is) has stat data matching a
  // file whose content changed: git's ce_smudge_racily_clean_entry gives those size 0 so that
  // git re-reads them. For a split index git compares with the main index's time too. Past a
  // budget of checks, racy entries are smudged without looking (always safe).
  bool NeedsSmudge(const Entry& entry, int& budget) const {
    const auto index_seconds = uint32_t(loaded_.st_mtim.tv_sec);
    if (entry.mtime < index_seconds) return false;
    const char* raw = entry.raw;
    // Each `sijill status` leaves its record's entry a few milliseconds older than the index:
    // within a second, the next ones would otherwise read all of those files again.
    if (entry.mtime == index_seconds &&
        Get32(raw + kMtimeOffset + 4) < uint32_t(loaded_.st_mtim.tv_nsec)) {
      return false;
    }
    if (--budget < 0) return true;
    std::string full = root_ + "/" + std::string(entry.path());
    struct stat st;
    if (lstat(full.c_str(), &st) != 0) return false;  // git sees it as deleted anyway
    if (uint32_t(st.st_size) != Get32(raw + kSizeOffset) ||
        uint32_t(st.st_mtim.tv_sec) != Get32(raw + kMtimeOffset) ||
        uint32_t(st.st_mtim.tv_nsec) != Get32(raw + kMtimeOffset + 4)) {
      return false;  // the stat data already differs, so git re-reads it
    }
    if (!S_ISREG(st.st_mode)) return true;
    std::optional<std::string> content = ReadWholeFile(full);
    git_oid actual;
    return !content ||
           git_odb_hash(&actual, content->data(), content->size(), GIT_OBJECT_BLOB) != 0 ||
           std::memcmp(actual.id, raw + kIdOffset, kHashSize) != 0;
  }

  // The cache tree, invalidated along the edited paths. The other optional extensions
  // (untracked cache, fsmonitor, and the offset tables our splice would falsify) are dropped,
  // which git allows and repairs on its next full write.
  void AppendTreeExtension(Output& out) const {
    if (tree_.empty()) return;
    std::optional<std::string> payload = InvalidateCacheTree(tree_, stale_);
    if (!payload) return;
    std::string extension = "TREE";
    Append32(extension, static_cast<uint32_t>(payload->size()));
    out.Own(extension + *payload);
  }

  std::string git_dir_;
  std::string root_;
  SplitPolicy policy_;
  MappedFile main_;        // the index file
  MappedFile shared_;      // its shared index, for a split index
  struct stat loaded_ {};  // of the index as mapped; all zero when there was none
  uint32_t version_ = 2;
  std::vector<Entry> entries_;  // sorted by path, then stage (empty while lazy_)
  // A split index: the main index's entries (replacements, then additions), its bitmaps over
  // the shared entries, where each shared entry starts, and the newest shared mtime.
  std::vector<Entry> main_entries_;
  std::vector<uint32_t> deleted_, replaced_;
  const uint32_t* shared_offsets_ = nullptr;  // shared_count_ of them, in one of the two below
  std::vector<uint32_t> scanned_offsets_;
  MappedFile offsets_file_;  // the sidecar, see ReadSharedOffsets
  std::pair<uint32_t, uint32_t> shared_newest_{0, 0};
  bool lazy_ = false;  // entries_ not built: the shared entries are read through the offsets
  std::string_view tree_;
  std::string shared_hash_;  // of the shared index; empty when the index is not split
  uint32_t shared_count_ = 0;
  std::map<std::string, std::optional<std::string>> edits_;
  std::vector<Entry> edited_;        // EditedEntries' result when not done in place
  std::deque<std::string> scratch_;  // smudged copies of entries (a deque keeps them in place)
  std::set<std::string> stale_;      // cache-tree nodes the edits invalidate
};

}  // namespace

size_t ReplacementOnlyIndexWrites() {
  return replacement_only_writes.load(std::memory_order_relaxed);
}

std::unique_ptr<IndexEditor> OpenFastIndexEditor(const std::string& git_dir,
                                                 const std::string& root, SplitPolicy policy) {
  auto editor = std::make_unique<FastIndexEditor>(git_dir, root, policy);
  if (!editor->Load()) return nullptr;
  return editor;
}

}  // namespace sijill::store::worktree
