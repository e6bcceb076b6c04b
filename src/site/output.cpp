#include "site/output_internal.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <iterator>
#include <optional>
#include <set>
#include <unordered_map>
#include <string_view>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <dirent.h>
#include <sys/stat.h>


#include "sijill/error.h"
#include "sijill/whole_file.h"

namespace sijill::site::internal {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifest = ".sijill-site-manifest";
constexpr const char* kOldManifest = ".sijill-site.json";  // version 1, JSON
constexpr int kVersion = 2;
// The changes to the manifest since it was last written whole (Output::ReadChanges).
constexpr const char* kChanges = ".sijill-site-manifest-changes";
constexpr int kChangesVersion = 1;

std::string Hex(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

void WriteFile(const fs::path& path, const std::string& content) {
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  ReplaceFile(path.string(), content);  // so that a server never serves half a page
}

// A page that no build wrote before: straight into its file when nothing is at its path (no one
// can be serving a page that is not there), else replaced as any other. Its directory is made
// only when the file cannot be opened for want of it: a stat per page otherwise.
void WriteNewPage(const fs::path& path, const std::string& content) {
  const std::string name = path.string();
  try {
    if (CreateNewFile(name, content)) return;
  } catch (const Error&) {
    // Its directory missing, most likely (or made meanwhile by another thread): once more
    // after making it; a failure then is the real one.
    std::error_code error;
    fs::create_directories(path.parent_path(), error);
    if (CreateNewFile(name, content)) return;
  }
  ReplaceFile(name, content);
}

}  // namespace

// 8 bytes at a step: a page's key hashes 40-hex blob ids and paths, several per page, for
// 127,000 pages on every build (byte-wise FNV-1a was ~0.3 s of a 20,000-report rebuild).
namespace {
inline uint64_t Mix(uint64_t hash, uint64_t word) {
  hash = (hash ^ word) * 0xFF51AFD7ED558CCDull;
  return hash ^ (hash >> 29);
}
}  // namespace

Key& Key::Add(std::string_view part) {
  // The length first: a separator, so ("ab", "c") and ("a", "bc") differ.
  uint64_t hash = Mix(hash_, part.size() + 0x9E3779B97F4A7C15ull);
  size_t i = 0;
  for (; i + 8 <= part.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, part.data() + i, 8);
    hash = Mix(hash, word);
  }
  if (i < part.size()) {
    uint64_t word = 0;
    std::memcpy(&word, part.data() + i, part.size() - i);
    hash = Mix(hash, word);
  }
  hash_ = hash * 0xC4CEB9FE1A85EC53ull;
  return *this;
}

Key& Key::Add(uint64_t part) {
  hash_ = Mix(hash_, part) * 0xC4CEB9FE1A85EC53ull;
  return *this;
}

uint64_t Hash(std::string_view bytes) { return Key().Add(bytes).value(); }

Output::Output(std::string root, const DirTimes* known) : root_(std::move(root)) {
  ReadManifest();
  if (known && !old_.empty() && known->manifest_sum == manifest_sum_)
    FindExistingIn(*known);
  else
    FindExisting();
}

namespace {

int64_t Nanoseconds(const struct timespec& time) {
  return static_cast<int64_t>(time.tv_sec) * 1000000000 + time.tv_nsec;
}

std::string_view DirOf(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash + 1);
}

}  // namespace

// As FindExisting, a directory at a time: those of the manifest's pages, each read unless its
// time is the one `known` has. A directory that is a link (or under one) is not looked into,
// as the walk does not.
void Output::FindExistingIn(const DirTimes& known) {
  exists_.assign(old_.size(), 0);
  kept_.assign(old_.size(), 0);
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_dir;  // the pages of each
  for (uint32_t i = 0; i < old_.size(); ++i) by_dir[DirOf(old_[i].path)].push_back(i);
  std::unordered_map<std::string_view, int64_t> times(known.dirs.begin(), known.dirs.end());
  std::unordered_map<std::string, std::optional<int64_t>> real;  // a directory, not a link: its time
  auto real_dir = [&](auto& self, const std::string& dir) -> std::optional<int64_t> {
    if (auto it = real.find(dir); it != real.end()) return it->second;
    std::optional<int64_t> time;
    struct stat info;
    std::string parent(DirOf(std::string_view(dir).substr(0, dir.empty() ? 0 : dir.size() - 1)));
    if ((dir.empty() || self(self, parent)) &&
        lstat((root_ + "/" + dir).c_str(), &info) == 0 && S_ISDIR(info.st_mode))
      time = Nanoseconds(info.st_mtim);
    return real[dir] = time;
  };
  for (const auto& [dir, pages] : by_dir) {
    std::optional<int64_t> time = real_dir(real_dir, std::string(dir));
    if (!time) continue;
    if (auto it = times.find(dir); it != times.end() && it->second == *time) {
      for (uint32_t i : pages) exists_[i] = 1;
      continue;
    }
    std::string path = root_ + "/" + std::string(dir);
    DIR* stream = opendir(path.c_str());
    if (!stream) continue;
    std::string relative(dir);
    while (const dirent* entry = readdir(stream)) {
      unsigned char type = entry->d_type;
      if (type == DT_UNKNOWN || type == DT_LNK) {  // as fs::is_regular_file: links followed
        struct stat info;
        if (fstatat(dirfd(stream), entry->d_name, &info, 0) != 0) continue;
        type = S_ISREG(info.st_mode) ? DT_REG : DT_UNKNOWN;
      }
      if (type != DT_REG) continue;
      relative.resize(dir.size());
      relative.append(entry->d_name);
      size_t index;
      if (FindPrevious(relative, &index)) exists_[index] = 1;
    }
    closedir(stream);
  }
}

DirTimes Output::Times() const {
  DirTimes out;
  out.manifest_sum = manifest_sum_;
  std::set<std::string_view> dirs;
  for (size_t i = 0; i < old_.size(); ++i)
    if (kept_[i]) dirs.insert(DirOf(old_[i].path));
  for (const auto& [path, entry] : rendered_pages_) dirs.insert(DirOf(path));
  // Taken before the directories' times, and from the file system's own clock (a directory's
  // time comes from it: on NFS, the server's), as the time of a file written now: a directory
  // changed after this has a later time than it.
  struct stat clock;
  const fs::path marker = fs::path(root_) / ".sijill-site-cache" / "clock";
  {
    std::error_code error;
    fs::create_directories(marker.parent_path(), error);
    std::ofstream touch(marker, std::ios::binary | std::ios::trunc);
  }
  bool timed = stat(marker.c_str(), &clock) == 0;
  std::error_code removed;
  fs::remove(marker, removed);
  if (!timed) return out;  // no times: the next build reads every directory
  const int64_t now = Nanoseconds(clock.st_mtim);
  for (std::string_view dir : dirs) {
    struct stat info;
    if (lstat((root_ + "/" + std::string(dir)).c_str(), &info) != 0 || !S_ISDIR(info.st_mode))
      continue;
    if (Nanoseconds(info.st_mtim) < now)
      out.dirs.emplace_back(std::string(dir), Nanoseconds(info.st_mtim));
  }
  return out;
}

// Which files of the last build are there, from one walk of the directory (readdir, no stat per
// file: a stat per page was ~1 s of a rebuild at 127,000 pages; fs::recursive_directory_iterator
// and a set of relative paths was ~0.2 s).
void Output::FindExisting() {
  exists_.assign(old_.size(), 0);
  kept_.assign(old_.size(), 0);
  if (old_.empty()) return;
  std::string relative;  // of the directory being read, "" or "reports/"
  auto walk = [&](auto& self, const std::string& dir) -> void {
    DIR* stream = opendir(dir.c_str());
    if (!stream) return;
    while (const dirent* entry = readdir(stream)) {
      std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      unsigned char type = entry->d_type;
      if (type == DT_UNKNOWN || type == DT_LNK) {  // as fs::is_regular_file: links followed
        struct stat info;
        if (fstatat(dirfd(stream), entry->d_name, &info, 0) != 0) continue;
        type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISREG(info.st_mode) ? DT_REG : DT_UNKNOWN;
        if (entry->d_type == DT_LNK && type == DT_DIR) continue;  // not into linked directories
      }
      size_t length = relative.size();
      relative.append(name);
      if (type == DT_DIR) {
        relative.push_back('/');
        self(self, dir + "/" + entry->d_name);
      } else if (type == DT_REG) {
        size_t index;
        if (FindPrevious(relative, &index)) exists_[index] = 1;
      }
      relative.resize(length);
    }
    closedir(stream);
  };
  walk(walk, root_);
}

const Output::Previous* Output::FindPrevious(std::string_view path, size_t* index) const {
  if (old_index_.empty()) return nullptr;
  const size_t mask = old_index_.size() - 1;
  for (size_t slot = Hash(path) & mask;; slot = (slot + 1) & mask) {
    uint32_t at = old_index_[slot];
    if (at == 0) return nullptr;
    if (old_[at - 1].path == path) {
      if (index) *index = at - 1;
      return &old_[at - 1];
    }
  }
}

namespace {

bool ParseHex(std::string_view hex, uint64_t& value) {
  auto [ptr, error] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
  return error == std::errc() && ptr == hex.data() + hex.size();
}

// The next line of `rest` (without its '\n'), nullopt at the end or for a last line cut short.
std::optional<std::string_view> NextLine(std::string_view& rest) {
  size_t end = rest.find('\n');
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view out = rest.substr(0, end);
  rest.remove_prefix(end + 1);
  return out;
}

// A page's line: "<key> <content hash> <path>" (hex, hex).
bool ParseEntry(std::string_view line, std::string_view& path, uint64_t& key, uint64_t& content) {
  if (line.size() < 35 || line[16] != ' ' || line[33] != ' ') return false;
  if (!ParseHex(line.substr(0, 16), key) || !ParseHex(line.substr(17, 16), content)) return false;
  path = line.substr(34);
  return true;
}

void AddLine(std::string& text, std::string_view path, uint64_t key, uint64_t content) {
  text.append(Hex(key)).append(" ").append(Hex(content)).append(" ").append(path);
  text.push_back('\n');
}

uint64_t ManifestSumOf(uint64_t base, uint64_t changes) { return Key().Add(base).Add(changes).value(); }

}  // namespace

// Lines: "sijill-site-manifest <version>", then "<key> <content hash> <path>" (hex, hex) per
// page, in path order, then "end <pages>". Read by hand: nlohmann::json took ~0.7 s for
// 127,000 pages. Then the changes since (kChanges), if they are of this manifest.
void Output::ReadManifest() {
  std::optional<std::string> text = ReadWholeFile((fs::path(root_) / kManifest).string());
  if (!text) return;
  std::string_view rest = *text;
  std::optional<std::string_view> header = NextLine(rest);
  if (!header || *header != std::string("sijill-site-manifest ") + std::to_string(kVersion)) return;
  std::vector<Previous> read;
  while (std::optional<std::string_view> next = NextLine(rest)) {
    if (next->starts_with("end ")) {
      if (!rest.empty() || next->substr(4) != std::to_string(read.size())) return;
      // Paths are unique and sorted as this build writes them; any other manifest is not used.
      for (size_t i = 1; i < read.size(); ++i)
        if (!(read[i - 1].path < read[i].path)) return;
      base_sum_ = Hash(*text);
      manifest_ = std::move(*text);  // the views stay valid: a moved string keeps its buffer
      base_ = std::move(read);
      has_base_ = true;
      ReadChanges();
      manifest_sum_ = ManifestSumOf(base_sum_, changes_sum_);
      size_t slots = 16;
      while (slots < 2 * old_.size()) slots *= 2;
      old_index_.assign(slots, 0);
      for (size_t i = 0; i < old_.size(); ++i) {
        size_t slot = Hash(old_[i].path) & (slots - 1);
        while (old_index_[slot] != 0) slot = (slot + 1) & (slots - 1);
        old_index_[slot] = static_cast<uint32_t>(i + 1);
      }
      return;
    }
    Previous page;
    if (!ParseEntry(*next, page.path, page.entry.key, page.entry.content)) return;
    read.push_back(page);
  }
  // No "end" line: a manifest cut short is not used (one full build).
}

// "sijill-site-manifest-changes <version> <checksum of the manifest they follow>", then a line
// per page changed or added ("<key> <content hash> <path>") or removed ("- <path>"), in path
// order, then "end <lines>". Changes of another manifest, or damaged, are not used: the
// manifest alone is then the last build's (its pages changed since are rendered again).
void Output::ReadChanges() {
  old_ = base_;
  std::optional<std::string> text = ReadWholeFile((fs::path(root_) / kChanges).string());
  if (!text) return;
  std::string_view rest = *text;
  std::optional<std::string_view> header = NextLine(rest);
  if (!header || *header != "sijill-site-manifest-changes " + std::to_string(kChangesVersion) +
                                " " + Hex(base_sum_))
    return;
  struct Change {
    std::string_view path;
    std::optional<Entry> entry;  // nullopt: removed
  };
  std::vector<Change> changes;
  while (std::optional<std::string_view> next = NextLine(rest)) {
    if (next->starts_with("end ")) {
      if (!rest.empty() || next->substr(4) != std::to_string(changes.size())) return;
      for (size_t i = 1; i < changes.size(); ++i)
        if (!(changes[i - 1].path < changes[i].path)) return;
      // Both in path order: one merge.
      std::vector<Previous> merged;
      merged.reserve(base_.size() + changes.size());
      size_t b = 0;
      for (const Change& change : changes) {
        for (; b < base_.size() && base_[b].path < change.path; ++b) merged.push_back(base_[b]);
        if (b < base_.size() && base_[b].path == change.path) ++b;
        if (change.entry) merged.push_back({change.path, *change.entry});
      }
      for (; b < base_.size(); ++b) merged.push_back(base_[b]);
      old_ = std::move(merged);
      changes_sum_ = Hash(*text);
      changes_text_ = std::move(*text);  // old_'s views of it stay valid
      return;
    }
    Change change;
    if (next->starts_with("- ")) {
      change.path = next->substr(2);
    } else {
      Entry entry;
      if (!ParseEntry(*next, change.path, entry.key, entry.content)) return;
      change.entry = entry;
    }
    if (change.path.empty()) return;
    changes.push_back(change);
  }
}

bool Output::Fresh(const std::string& path, uint64_t key) {
  size_t index;
  const Previous* previous = FindPrevious(path, &index);  // read-only while pages are made
  if (!previous || previous->entry.key != key || !exists_[index]) return false;
  kept_[index] = 1;
  ++kept_count_;
  return true;
}

void Output::Put(const std::string& path, uint64_t key, const std::string& content) {
  uint64_t content_hash = Hash(content);
  size_t index;
  const Previous* previous = FindPrevious(path, &index);
  bool same = previous && previous->entry.content == content_hash && exists_[index];
  if (!previous)
    WriteNewPage(fs::path(root_) / path, content);
  else if (!same)
    WriteFile(fs::path(root_) / path, content);
  std::lock_guard lock(mutex_);
  rendered_pages_[path] = {key, content_hash};
  ++rendered_;
  if (!same) written_.push_back(path);
}

std::vector<std::pair<std::string, uint64_t>> Output::PreviousUnder(
    const std::string& prefix) const {
  std::vector<std::pair<std::string, uint64_t>> out;
  auto it = std::lower_bound(old_.begin(), old_.end(), std::string_view(prefix),
                             [](const Previous& p, std::string_view k) { return p.path < k; });
  for (; it != old_.end() && it->path.starts_with(prefix); ++it)
    out.emplace_back(std::string(it->path), it->entry.key);
  return out;
}

void Output::Finish() {
  bool changed = !written_.empty();
  for (size_t i = 0; i < old_.size(); ++i) {
    if (kept_[i]) continue;
    auto now = rendered_pages_.find(std::string(old_[i].path));
    if (now != rendered_pages_.end()) {
      changed = changed || now->second.key != old_[i].entry.key;
      continue;
    }
    changed = true;
    std::error_code error;
    if (fs::remove(fs::path(root_) / old_[i].path, error)) ++removed_;
  }
  if (pages() != old_.size()) changed = true;
  if (!changed) return;  // "a second build with no change writes no file": not even this one
  // This build's pages: the pages kept and the pages rendered, merged in path order.
  std::vector<Previous> now;
  now.reserve(pages());
  auto rendered = rendered_pages_.begin();
  for (size_t i = 0; i < old_.size(); ++i) {
    if (!kept_[i]) continue;
    for (; rendered != rendered_pages_.end() && rendered->first < old_[i].path; ++rendered)
      now.push_back({rendered->first, rendered->second});
    now.push_back(old_[i]);
  }
  for (; rendered != rendered_pages_.end(); ++rendered) now.push_back({rendered->first, rendered->second});

  // What differs from the manifest on disk, as changes to it: a one-record rebuild at 20,000
  // reports changes a dozen of 127,000 lines, and writing all 10 MB again was ~0.1 s.
  if (has_base_) {
    const size_t most = std::max<size_t>(64, base_.size() / 16);
    std::string changes;
    size_t lines = 0, b = 0;
    auto removed = [&](std::string_view path) {
      changes.append("- ").append(path).push_back('\n');
      ++lines;
    };
    for (const Previous& page : now) {
      for (; b < base_.size() && base_[b].path < page.path && lines <= most; ++b) removed(base_[b].path);
      if (b < base_.size() && base_[b].path == page.path) {
        const Entry& before = base_[b++].entry;
        if (before.key == page.entry.key && before.content == page.entry.content) continue;
      }
      if (lines > most) break;
      AddLine(changes, page.path, page.entry.key, page.entry.content);
      ++lines;
    }
    for (; b < base_.size() && lines <= most; ++b) removed(base_[b].path);
    if (lines <= most) {
      std::string text = "sijill-site-manifest-changes " + std::to_string(kChangesVersion) + " " +
                         Hex(base_sum_) + "\n" + changes + "end " + std::to_string(lines) + "\n";
      WriteFile(fs::path(root_) / kChanges, text);
      manifest_sum_ = ManifestSumOf(base_sum_, Hash(text));
      std::error_code error;
      fs::remove(fs::path(root_) / kOldManifest, error);
      return;
    }
  }
  // Too many changes (or no manifest to change): the manifest is written whole, then the
  // changes of the last one removed (were this stopped between the two, they would not be
  // used: they name the checksum of the manifest they follow).
  std::string text = std::string("sijill-site-manifest ") + std::to_string(kVersion) + "\n";
  text.reserve(now.size() * 90);
  for (const Previous& page : now) AddLine(text, page.path, page.entry.key, page.entry.content);
  text += "end " + std::to_string(now.size()) + "\n";
  WriteFile(fs::path(root_) / kManifest, text);
  manifest_sum_ = ManifestSumOf(Hash(text), 0);
  std::error_code error;
  fs::remove(fs::path(root_) / kChanges, error);
  fs::remove(fs::path(root_) / kOldManifest, error);  // the JSON manifest (version 1) of earlier builds
}

bool Output::AllPresent() const {
  if (old_.empty()) return false;
  for (uint8_t present : exists_)
    if (!present) return false;
  return true;
}

size_t Output::pages() const {
  std::lock_guard lock(mutex_);
  return kept_count_ + rendered_pages_.size();
}

std::vector<std::string> Output::written() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out = written_;
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace sijill::site::internal
