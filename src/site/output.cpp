#include "site/output_internal.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sijill/error.h"

namespace sijill::site::internal {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifest = ".sijill-site.json";
constexpr int kVersion = 1;

std::string Hex(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

uint64_t FromHex(const std::string& text) { return std::stoull(text, nullptr, 16); }

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
  std::ifstream in(fs::path(root_) / kManifest, std::ios::binary);
  if (!in) return;
  std::stringstream text;
  text << in.rdbuf();
  try {
    nlohmann::json manifest = nlohmann::json::parse(text.str());
    if (manifest.value("version", 0) != kVersion) return;
    for (const auto& [path, entry] : manifest.at("pages").items())
      old_[path] = {FromHex(entry.at(0).get<std::string>()),
                    FromHex(entry.at(1).get<std::string>())};
  } catch (const std::exception&) {
    old_.clear();  // an unreadable manifest only costs one full build
  }
}

bool Output::Fresh(const std::string& path, uint64_t key) {
  auto it = old_.find(path);  // old_ is read-only while pages are made
  if (it == old_.end() || it->second.key != key) return false;
  if (!fs::exists(fs::path(root_) / path)) return false;
  std::lock_guard lock(mutex_);
  now_[path] = it->second;
  return true;
}

void Output::Put(const std::string& path, uint64_t key, const std::string& content) {
  uint64_t content_hash = Hash(content);
  auto it = old_.find(path);
  bool same = it != old_.end() && it->second.content == content_hash &&
              fs::exists(fs::path(root_) / path);
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
  nlohmann::json pages = nlohmann::json::object();
  for (const auto& [path, entry] : now_) pages[path] = {Hex(entry.key), Hex(entry.content)};
  nlohmann::json manifest = {{"version", kVersion}, {"pages", std::move(pages)}};
  WriteFile(fs::path(root_) / kManifest, manifest.dump());
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
