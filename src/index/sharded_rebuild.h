// A whole index built on every core: shards written in parallel, then merged (private to
// indexer.cpp).
//
// The profile of a rebuild (bench/RESULTS.md, issue 4 item 5) showed the one thread feeding
// Xapian's inverter as most of the time, with the analysis already on worker threads. Here the
// files are cut into many contiguous ranges of as many files each; each worker thread takes
// the next range, reads (by blob id), analyses and writes it into a database of its own (a
// shard, without fsync or copy-on-write: nobody reads it), so both the analysis and Xapian's
// inversion run on every core, and Xapian::Database::compact then merges the shards in range
// order. Compaction gives each shard's documents the ids that follow the
// previous shard's, so the merged database has the document ids, terms, values and data that
// one writer adding the files in path order gives — and that is what BuildIndex returns when a
// record's unique term turns up in two ranges (a repository with a duplicated id), where only
// one writer replaces the first document with the second as an ordinary rebuild does.
// Disk: the shards (uncompacted, about the size of a one-writer index) and the merged database
// exist together for the length of the merge, beside the live index.
// Thread-safety: call from one thread; the workers share only the (thread-safe) Repository.
#pragma once

#include <string>
#include <vector>

#include "sijill/index/indexer.h"
#include "sijill/store/repository.h"

namespace sijill::index::internal {

// Writes a complete new database of `files` (the commit stats.commit's tree; only those
// IsIndexedPath keeps are read) at `dest`, which must not exist, with the commit and schema in
// its metadata, on `threads` threads (0: one per core). Fills stats' files, documents,
// total_documents and problems. The shards live in "<dest>.shards" and are removed, also when
// it throws; `dest` itself is left to the caller to remove on a failure.
void BuildIndex(const store::Repository& repo, std::vector<store::TreeEntry> files,
                const std::string& dest, unsigned threads, IndexStats& stats);

}  // namespace sijill::index::internal
