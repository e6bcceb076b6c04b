#include "site/build_stamp_internal.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "sijill/error.h"
#include "sijill/whole_file.h"
#include "site/cache_codec_internal.h"
#include "site/model_internal.h"

namespace sijill::site::internal {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMagic = "sijill-site-built";
constexpr uint32_t kFormat = 2;  // 2: the directories' times

fs::path PathIn(const std::string& out) { return fs::path(out) / ".sijill-site-cache" / "built"; }

// sijill's version and the site generator's: a stamp of another generator is not trusted.
std::string Generator() { return std::string("sijill ") + SIJILL_VERSION + " " + GeneratorVersion(); }

std::string Encode(const BuildStamp& stamp) {
  CacheWriter out;
  out.Str(kMagic);
  out.U32(kFormat);
  out.Str(Generator());
  out.Str(stamp.commit);
  out.U64(stamp.theme_key);
  out.Str(stamp.base_url);
  out.Str(stamp.out);
  out.U64(stamp.manifest_sum);
  out.U64(stamp.pages);
  out.U64(stamp.dir_times.manifest_sum);
  out.U32(static_cast<uint32_t>(stamp.dir_times.dirs.size()));
  for (const auto& [dir, time] : stamp.dir_times.dirs) out.Str(dir), out.I64(time);
  out.Seal(0);
  return std::move(out.bytes());
}

}  // namespace

std::optional<BuildStamp> ReadBuildStamp(const std::string& out) {
  std::ifstream in(PathIn(out), std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    CacheReader read(bytes);
    if (read.Str() != kMagic || read.U32() != kFormat || read.Str() != Generator())
      return std::nullopt;
    BuildStamp stamp;
    stamp.commit = read.Str();
    stamp.theme_key = read.U64();
    stamp.base_url = read.Str();
    stamp.out = read.Str();
    stamp.manifest_sum = read.U64();
    stamp.pages = read.U64();
    stamp.dir_times.manifest_sum = read.U64();
    for (uint32_t n = read.U32(); n > 0; --n) {
      std::string dir = read.Str();
      stamp.dir_times.dirs.emplace_back(std::move(dir), read.I64());
    }
    read.CheckSeal(0);
    if (!read.done()) return std::nullopt;
    return stamp;
  } catch (const CacheDamaged&) {
    return std::nullopt;
  }
}

void WriteBuildStamp(const std::string& out, const BuildStamp& stamp) {
  if (ReadBuildStamp(out) == stamp) return;
  fs::path path = PathIn(out);
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  ReplaceFile(path.string(), Encode(stamp));
}

void RemoveBuildStamp(const std::string& out) {
  std::error_code error;
  fs::remove(PathIn(out), error);
  if (error) throw Error(Error::Kind::kIo, "cannot remove " + PathIn(out).string() + ": " + error.message());
}

std::string StampedOut(const std::string& out) {
  std::error_code error;
  fs::path path = fs::weakly_canonical(fs::absolute(out), error);
  if (error) path = fs::absolute(out).lexically_normal();
  return path.string();
}

}  // namespace sijill::site::internal
