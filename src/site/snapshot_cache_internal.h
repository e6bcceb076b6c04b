// The snapshot a build reads, through a cache of the last build's parsed files kept in the output
// directory, so that a rebuild parses only the files whose blob changed (issue 7 item 6: parsing
// ~100,000 record YAML files and 20,000 reports was the fixed cost of every rebuild).
//
// OUT/.sijill-site-cache/
//   head            the format, the generator's version, the commit the cache holds, and the
//                   name and checksum of each shard
//   NN-<sum>.bin    shard NN (of 256, by a hash of the path): every file of that commit the
//                   snapshot reads, with its blob id and what the site needs of it — a record
//                   whole (its text and summaries last, with their checksum for the search
//                   index's key), a report's front matter and paragraph ids (its body is read again when
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

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sijill/records/snapshot.h"
#include "sijill/store/repository.h"

namespace sijill::site::internal {

// A record's text and summaries when it came from the build cache: views of the shard files,
// which stay mapped (not copied: ~100,000 texts and summary maps were most of what a rebuild
// allocated at 20,000 reports, and a rebuild renders a dozen record pages). The snapshot's
// record itself then has an empty text and no summaries: Model::RecordText and RecordSummary
// give them.
struct CachedText {
  bool cached = false;       // false: the snapshot's record has its own text and summaries
  std::string_view text;
  std::string_view summary;  // the cache's encoding of Recommendation::summary (DecodeSummary)
  uint64_t search_sum = 0;   // SearchSum of the two
};

// What the search index's key needs of a record's text and summaries: their checksums.
uint64_t SearchSum(std::string_view text, const std::map<std::string, std::string>& summary);
std::map<std::string, std::string> DecodeSummary(std::string_view encoded);

// The file a record was read from and its blob id.
struct RecordFile {
  std::string_view path;
  std::string_view blob_id;
};

struct LoadedSnapshot {
  // Reports read from the cache have an empty body and no paragraphs: their paragraphs' ids
  // are in paragraph_ids (a million Paragraph objects, ~256 bytes each, were half the memory
  // of a 20,000-report rebuild, and that memory was most of its time).
  records::Snapshot snapshot;
  // By index of snapshot.reports: the ids of the report's paragraphs (ParagraphIds) when it
  // came from the cache, else "" (its Document has its paragraphs).
  std::vector<std::string> paragraph_ids;
  // By index of snapshot.records: the text and summaries of a record that came from the cache.
  std::vector<CachedText> record_texts;
  // By index of snapshot.records: its file and blob id (views of the mapped shards or of
  // `owned`). snapshot.blob_ids has every other file read but not the records: ~100,000 map
  // nodes of two strings each were ~0.1 s of a 20,000-report rebuild.
  std::vector<RecordFile> record_files;
  std::deque<std::string> owned;  // paths and blob ids of records parsed this build
  // The shard files mapped: record_texts points into them.
  std::vector<std::shared_ptr<const void>> mappings;
  std::string note;            // why the cache was not used ("" when used or absent)
  bool from_cache = false;
  size_t parsed = 0;  // files parsed (the rest came from the cache)
};

// The ids of a document's paragraphs in order, as one string: each id without the report's slug
// that starts it ("" for the slug itself, ".p22"), or "\x01" and the whole id if it does not,
// then a '\0'. Empty only for a document without paragraphs. Model::Model reads it.
std::string ParagraphIds(const markdown::Document& document);

// The snapshot of `rev`, through the cache in `out` (created or brought up to date there, unless
// it already holds that commit). Throws Error kNotFound for an unknown rev.
LoadedSnapshot LoadSnapshotCached(const store::Repository& repository, const std::string& rev,
                                  const std::string& out, unsigned threads);

}  // namespace sijill::site::internal
