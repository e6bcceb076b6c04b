// What the last complete build of an output directory was made from
// (OUT/.sijill-site-cache/built), so that a build with nothing changed stops after a few checks
// instead of reading 100,000 records and keying 127,000 pages to find nothing to do (~1.3 s at
// 20,000 reports).
//
// A build may stop early only when all of these are as the stamp says: the commit built (which
// covers the repository's records, reports, sijill.yaml and its site/theme/ overrides), the
// theme's key (the theme directory's files with those overrides), --base-url, the output
// directory itself (absolute), the generator (sijill's version and the site generator's), and
// the manifest (its checksum and page count) — and every page the manifest lists is still in
// the output directory (the walk Output makes anyway). Anything else, or no stamp, means the
// full build, which removes the stamp before it writes anything and writes it again once the
// manifest is written: a build stopped half way leaves no stamp behind.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "site/output_internal.h"

namespace sijill::site::internal {

struct BuildStamp {
  std::string commit;
  uint64_t theme_key = 0;
  std::string base_url;
  std::string out;            // the output directory, absolute and normal
  uint64_t manifest_sum = 0;  // Output::ManifestSum of the manifest written
  uint64_t pages = 0;         // pages in that manifest
  // The times of the output's directories once it was written (Output::Times): not a
  // condition of stopping early, but what lets the next build skip reading most of them.
  DirTimes dir_times;
  bool operator==(const BuildStamp&) const = default;
};

// The stamp in `out`; nullopt when there is none, or it is damaged or of another generator.
std::optional<BuildStamp> ReadBuildStamp(const std::string& out);
// Writes `stamp` into `out` (renamed into place), unless the same stamp is already there: a
// build with no change writes no file.
void WriteBuildStamp(const std::string& out, const BuildStamp& stamp);
void RemoveBuildStamp(const std::string& out);

// `out` absolute and normal, as BuildStamp::out keeps it.
std::string StampedOut(const std::string& out);

}  // namespace sijill::site::internal
