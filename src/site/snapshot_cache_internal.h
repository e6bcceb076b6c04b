// The snapshot a build reads, through a cache of the last build's parsed files kept in the output
// directory, so that a rebuild parses only the files whose blob changed (issue 7 item 6: parsing
// ~100,000 record YAML files and 20,000 reports was the fixed cost of every rebuild).
//
// OUT/.sijill-site-cache/
//   head            the format, the generator's version, the commit the cache holds, and the
//                   name and checksum of each shard
//   NN-<sum>.bin    shard NN (of 256, by a hash of the path): every file of that commit the
//                   snapshot reads, with its blob id and what the site needs of it — a record
//                   whole, a report's front matter and paragraph ids (its body is read again when
//                   its page is rendered: Model::ReportBody), briefs and sijill.yaml only their
//                   blob id (they are few and parsed every build)
//
// A rebuild diffs the cache's commit with the one built (Repository::ChangedPaths), parses the
// changed paths and rewrites only their shards (new names), then the head (renamed into place),
// then removes the shards the head no longer names: a build stopped at any moment leaves the old
// head with its shards, or the new one with its shards. A cache that cannot be read (other
// format or generator, truncated, checksum mismatch, a commit this repository does not have) is
// not used: every file is parsed, the cache is written anew, and `note` says why.
#pragma once

#include <string>

#include "sijill/records/snapshot.h"
#include "sijill/store/repository.h"

namespace sijill::site::internal {

struct LoadedSnapshot {
  records::Snapshot snapshot;  // reports read from the cache have an empty body
  std::string note;            // why the cache was not used ("" when used or absent)
  bool from_cache = false;
  size_t parsed = 0;  // files parsed (the rest came from the cache)
};

// The snapshot of `rev`, through the cache in `out` (created or brought up to date there, unless
// it already holds that commit). Throws Error kNotFound for an unknown rev.
LoadedSnapshot LoadSnapshotCached(const store::Repository& repository, const std::string& rev,
                                  const std::string& out, unsigned threads);

}  // namespace sijill::site::internal
