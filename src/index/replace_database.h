// A rebuilt index put in place of the old one in one step (private to indexer.cpp).
//
// A rebuild writes a complete database beside the index (StagingPath) and only then exchanges
// the two directories, so a rebuild killed midway leaves the old index as it was, usable for
// search and for catching up. The staging database is written without an fsync per flush
// (Xapian::DB_NO_SYNC) and without copy-on-write blocks (DB_DANGEROUS): nobody reads it before
// it is complete, and SyncDirectory makes it durable once, before the exchange.
// Thread-safety: the caller holds the index's lock (an open WritableDatabase), so it is the
// only writer of both directories.
#pragma once

#include <string>

namespace sijill::index::internal {

// "<db_path>.new".
std::string StagingPath(const std::string& db_path);

// fsync of every file of `dir`, then of `dir` itself.
void SyncDirectory(const std::string& dir);

// Puts the directory `staging` at `db_path` and the old `db_path` at `staging`, atomically
// (renameat2 RENAME_EXCHANGE; on a file system without it, two renames). Throws Error kIo.
void ExchangeDirectories(const std::string& staging, const std::string& db_path);

}  // namespace sijill::index::internal
