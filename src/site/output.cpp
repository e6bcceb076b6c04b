#include "site/output_internal.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <optional>
#include <string_view>
#include <filesystem>
#include <fstream>
#include <sstream>


#include "sijill/error.h"

namespace sijill::site::internal {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifest = ".sijill-site-manifest";
constexpr const char* kOldManifest = ".sijill-site.json";  // version 1, JSON
constexpr int kVersion = 2;

std::string Hex(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

void WriteFile(const fs::path& path, const std::string& content) {
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  // Write next to the target and rename, so a server never serves half a page.
  fs::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw Error(Error::Kind::kIo, "cannot write " + temporary.string());
  }
  fs::rename(temporary, path, error);
  if (error) throw Error(Error::Kind::kIo, "cannot write " + path.string() + ": " + error.message());
}

}  // namespace

Key& Key::Add(std::string_view part) {
  for (unsigned char c : part) {
    hash_ ^= c;
    hash_ *= 1099511628211ull;
  }
  hash_ ^= 0xff;  // a separator, so ("ab", "c") and ("a", "bc") differ
  hash_ *= 1099511628211ull;
  return *this;
}

Key& Key::Add(uint64_t part) { return Add(std::string_view(reinterpret_cast<char*>(&part), 8)); }

uint64_t Hash(std::string_view bytes) { return Key().Add(bytes).value(); }

Output::Output(std::string root) : root_(std::move(root)) {
  ReadManifest();
  // Which files are there, from one walk of the directory (readdir, no stat per file): a stat
  // per page was ~1 s of a rebuild at 127,000 pages.
  std::error_code error;
  for (fs::recursive_directory_iterator it(root_, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error))
      existing_.insert(it->path().lexically_relative(root_).generic_string());
  }
}

// Lines: "sijill-site-manifest <version>", then "<key> <content hash> <path>" (hex, hex) per
// page, then "end <pages>". Read by hand: nlohmann::json took ~0.7 s for 127,000 pages.
void Output::ReadManifest() {
  std::ifstream in(fs::path(root_) / kManifest, std::ios::binary);
  if (!in) return;
  std::string text(std::istreambuf_iterator<char>(in), {});
  std::string_view rest = text;
  auto line = [&rest]() -> std::optional<std::string_view> {
    size_t end = rest.find('\n');
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view out = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return out;
  };
  std::optional<std::string_view> header = line();
  if (!header || *header != std::string("sijill-site-manifest ") + std::to_string(kVersion)) return;
  std::map<std::string, Entry> read;
  while (std::optional<std::string_view> next = line()) {
    if (next->starts_with("end ")) {
      if (rest.empty() && next->substr(4) == std::to_string(read.size())) old_ = std::move(read);
      return;
    }
    if (next->size() < 35 || (*next)[16] != ' ' || (*next)[33] != ' ') return;
    uint64_t key = 0, content = 0;
    auto parse = [](std::string_view hex, uint64_t& value) {
      auto [ptr, error] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
      return error == std::errc() && ptr == hex.data() + hex.size();
    };
    if (!parse(next->substr(0, 16), key) || !parse(next->substr(17, 16), content)) return;
    read.emplace_hint(read.end(), std::string(next->substr(34)), Entry{key, content});
  }
  // No "end" line: a manifest cut short is not used (one full build).
}

bool Output::Fresh(const std::string& path, uint64_t key) {
  auto it = old_.find(path);  // old_ is read-only while pages are made
  if (it == old_.end() || it->second.key != key) return false;
  if (!existing_.count(path)) return false;
  std::lock_guard lock(mutex_);
  now_[path] = it->second;
  return true;
}

void Output::Put(const std::string& path, uint64_t key, const std::string& content) {
  uint64_t content_hash = Hash(content);
  auto it = old_.find(path);
  bool same = it != old_.end() && it->second.content == content_hash && existing_.count(path);
  if (!same) WriteFile(fs::path(root_) / path, content);
  std::lock_guard lock(mutex_);
  now_[path] = {key, content_hash};
  ++rendered_;
  if (!same) written_.push_back(path);
}

std::vector<std::pair<std::string, uint64_t>> Output::PreviousUnder(
    const std::string& prefix) const {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (auto it = old_.lower_bound(prefix); it != old_.end() && it->first.starts_with(prefix); ++it)
    out.emplace_back(it->first, it->second.key);
  return out;
}

void Output::Finish() {
  for (const auto& [path, entry] : old_) {
    if (now_.count(path)) continue;
    std::error_code error;
    if (fs::remove(fs::path(root_) / path, error)) ++removed_;
  }
  bool changed = old_.size() != now_.size() || !written_.empty() || removed_ > 0;
  if (!changed) {
    for (const auto& [path, entry] : now_) {
      auto it = old_.find(path);
      if (it == old_.end() || it->second.key != entry.key) changed = true;
    }
  }
  if (!changed) return;  // "a second build with no change writes no file": not even this one
  std::string text = std::string("sijill-site-manifest ") + std::to_string(kVersion) + "\n";
  text.reserve(now_.size() * 90);
  for (const auto& [path, entry] : now_) text += Hex(entry.key) + " " + Hex(entry.content) + " " + path + "\n";
  text += "end " + std::to_string(now_.size()) + "\n";
  WriteFile(fs::path(root_) / kManifest, text);
  std::error_code error;
  fs::remove(fs::path(root_) / kOldManifest, error);  // the JSON manifest (version 1) of earlier builds
}

size_t Output::pages() const {
  std::lock_guard lock(mutex_);
  return now_.size();
}

std::vector<std::string> Output::written() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out = written_;
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace sijill::site::internal
