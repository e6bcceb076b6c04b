#include "sijill/index/indexer.h"

#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string_view>

#include "index/analysis_pipeline.h"
#include "index/replace_database.h"
#include "index/sharded_rebuild.h"
#include "sijill/index/collect.h"
#include "sijill/index/terms.h"

namespace sijill::index {

namespace fs = std::filesystem;

namespace {

// Only a directory Xapian made (or an empty one) is ever deleted or replaced for a rebuild.
// Xapian takes its lock (flintlock) before writing anything, so a creation cut short by a full
// disk or a kill, which leaves just flintlock and v.tmp, is recognised as well.
void CheckIsDatabase(const fs::path& dir) {
  bool xapian = !fs::exists(dir) || fs::exists(dir / "iamglass") ||
                fs::exists(dir / "iamchert") || fs::exists(dir / "postlist.glass") ||
                fs::exists(dir / "flintlock") || fs::is_empty(dir);
  if (!xapian)
    throw Error(Error::Kind::kIo,
                dir.string() + ": exists and is not a search index; not replacing it");
}

void RemoveDatabase(const std::string& db_path) {
  CheckIsDatabase(db_path);
  fs::remove_all(db_path);
}

// Xapian reports a lock file it cannot create (a read-only directory, a read-only mount) with
// the same DatabaseLockError as a lock another writer holds; only the second is "busy".
Error LockFailure(const std::string& db_path) {
  for (const fs::path& path : {fs::path(db_path), fs::path(db_path) / "flintlock"}) {
    if (access(path.c_str(), W_OK) != 0 && errno != ENOENT) {
      return Error(Error::Kind::kIo, db_path + ": cannot write the search index: " +
                                         path.string() + ": " + std::strerror(errno));
    }
  }
  return Error(Error::Kind::kConflict, db_path + ": the index is being updated by another process");
}

// The database at `db_path`, opened (created when missing) for writing: the caller holds its
// lock, for a rebuild too, so that two writers never meet. An unreadable one is replaced by an
// empty one and stats says why.
Xapian::WritableDatabase OpenWritable(const std::string& db_path, IndexStats& stats) {
  fs::create_directories(fs::path(db_path).parent_path().empty() ? fs::path(".")
                                                                 : fs::path(db_path).parent_path());
  CheckIsDatabase(db_path);
  try {
    return Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw LockFailure(db_path);
  } catch (const Xapian::DatabaseError& error) {
    // Corrupt, unreadable or of an unknown version: the index is a cache, so rebuild it.
    RemoveDatabase(db_path);
    stats.rebuilt = true;
    stats.reason = "the index was unreadable (" + error.get_msg() + ")";
    return Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  }
}

// Why the index cannot be caught up and must be built again; "" when it can.
std::string ReasonToRebuild(const store::Repository& repo, const Xapian::Database& db) {
  std::string previous = db.get_metadata(kMetaCommit);
  if (previous.empty()) return db.get_doccount() == 0 ? "new index" : "the index has no commit";
  if (db.get_metadata(kMetaSchema) != kSchema) return "the index was made by another sijill";
  try {
    repo.Resolve(previous);
  } catch (const Error&) {
    return "the index's commit is no longer in the repository";
  }
  return "";
}

// The documents of `file` in `db` that `file`'s new units do not replace (a paragraph gone
// from a report, a record's paragraph renumbered): each by its unique term.
std::vector<Xapian::docid> Outdated(const Xapian::WritableDatabase& db,
                                    const internal::AnalysedFile& file) {
  std::set<std::string_view> kept;
  for (const auto& [unique_term, xdoc] : file.documents) kept.insert(unique_term);
  std::vector<Xapian::docid> outdated;
  const std::string file_term = kPrefixFile + file.path;
  for (Xapian::PostingIterator it = db.postlist_begin(file_term); it != db.postlist_end(file_term);
       ++it) {
    Xapian::TermIterator term = db.termlist_begin(*it);
    term.skip_to(kPrefixUnique);
    if (term == db.termlist_end(*it) || !(*term).starts_with(kPrefixUnique) ||
        !kept.contains(*term))
      outdated.push_back(*it);
  }
  return outdated;
}

// Writes the search units of the changed `files` (analysed on `threads` threads) into `db` in
// path order. A unit replaces its old document in place (by unique term), so Xapian rewrites
// only the postings of the words that changed: deleting a file's documents and adding them
// again rewrote every posting of every word, ~450 blocks (3.7 MB) and the fsync of them for a
// one-line status change at 20,000 reports. The file's documents no unit replaces are deleted.
void CatchUp(const store::Repository& repo, Xapian::WritableDatabase& db,
             std::vector<store::PathChange> files, unsigned threads, IndexStats& stats) {
  std::erase_if(files, [](const store::PathChange& file) { return !IsIndexedPath(file.path); });
  internal::AnalysisPipeline pipeline(repo, std::move(files), threads);
  while (std::optional<internal::AnalysedFile> file = pipeline.Next()) {
    std::move(file->problems.begin(), file->problems.end(), std::back_inserter(stats.problems));
    if (file->removed) {
      db.delete_document(kPrefixFile + file->path);
      ++stats.removed_files;
      continue;
    }
    for (Xapian::docid outdated : Outdated(db, *file)) db.delete_document(outdated);
    ++stats.files;
    for (auto& [unique_term, xdoc] : file->documents) {
      db.replace_document(unique_term, xdoc);
      ++stats.documents;
    }
  }
}

// The whole index written beside `db_path` (sharded_rebuild.h) and put in its place
// (replace_database.h) while `locked`, the index itself, keeps other writers out. On a failure
// the old index stays as it was.
void RebuildBeside(const store::Repository& repo, const std::string& db_path,
                  Xapian::WritableDatabase& locked, unsigned threads, IndexStats& stats) {
  std::string staging = internal::StagingPath(db_path);
  RemoveDatabase(staging);  // left by a killed rebuild; no other writer can be in it
  std::vector<store::TreeEntry> files;
  if (!stats.commit.empty()) files = repo.ListFiles("", stats.commit);
  try {
    internal::BuildIndex(repo, std::move(files), staging, threads, stats);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw;
  }
  internal::SyncDirectory(staging);
  internal::ExchangeDirectories(staging, db_path);
  locked.close();
  fs::remove_all(staging);  // the old index
}

IndexStats WriteIndex(const store::Repository& repo, const std::string& db_path, Rebuild rebuild,
                      unsigned threads) {
  IndexStats stats;
  stats.commit = repo.Head();
  Xapian::WritableDatabase db = OpenWritable(db_path, stats);
  if (rebuild == Rebuild::kYes) {
    stats.rebuilt = true;
    stats.reason = "rebuild requested";
  } else if (std::string reason = ReasonToRebuild(repo, db); !stats.rebuilt && !reason.empty()) {
    stats.rebuilt = true;
    stats.reason = reason;
  }
  if (stats.rebuilt) {
    RebuildBeside(repo, db_path, db, threads, stats);
    return stats;
  }
  stats.previous = db.get_metadata(kMetaCommit);
  std::vector<store::PathChange> files;
  if (stats.previous != stats.commit) files = repo.ChangedFiles(stats.previous, stats.commit);
  CatchUp(repo, db, std::move(files), threads, stats);
  db.set_metadata(kMetaCommit, stats.commit);
  db.set_metadata(kMetaSchema, kSchema);
  db.commit();
  stats.total_documents = db.get_doccount();
  return stats;
}

}  // namespace

std::string DefaultIndexPath(const std::string& repo_root) {
  return (fs::path(repo_root) / ".sijill" / "index").string();
}

void EnsureStateDirIgnored(const std::string& repo_root) {
  fs::path info = fs::path(repo_root) / ".git" / "info";
  if (!fs::is_directory(fs::path(repo_root) / ".git")) return;  // a linked worktree: skip
  fs::create_directories(info);
  fs::path exclude = info / "exclude";
  std::ifstream in(exclude);
  for (std::string line; std::getline(in, line);)
    if (line == "/.sijill/" || line == ".sijill/" || line == "/.sijill" || line == ".sijill")
      return;
  in.close();
  // Checked: on a full disk an unnoticed failure here would leave .sijill/ untracked in
  // `git status` of a repository whose index then failed to build.
  std::ofstream out(exclude, std::ios::app);
  out << "# sijill's state (search index, sessions): never committed\n/.sijill/\n";
  out.flush();
  if (!out) throw Error(Error::Kind::kIo, exclude.string() + ": cannot add /.sijill/ to it");
}

IndexStats UpdateIndex(const store::Repository& repo, const std::string& db_path, Rebuild rebuild,
                       unsigned threads) {
  // Xapian::Error is no std::exception: uncaught, a full disk or a read-only directory ended
  // the process with std::terminate (exit 134). The index is a cache; the commit it reflects is
  // only recorded by a successful commit(), so a failed write leaves it to catch up later.
  try {
    return WriteIndex(repo, db_path, rebuild, threads);
  } catch (const Xapian::DatabaseLockError&) {
    throw LockFailure(db_path);
  } catch (const Xapian::Error& error) {
    throw Error(Error::Kind::kIo, db_path + ": cannot write the search index: " + error.get_type() +
                                      ": " + error.get_msg());
  } catch (const fs::filesystem_error& error) {
    throw Error(Error::Kind::kIo, db_path + ": cannot write the search index: " + error.what());
  }
}

OpenedIndex OpenForSearch(const std::string& repo_root, const std::string& db_path) {
  std::string path = db_path.empty() ? DefaultIndexPath(repo_root) : db_path;
  OpenedIndex opened;
  std::optional<Error> update_error;
  std::optional<store::Repository> repo;
  try {
    repo.emplace(store::Repository::Open(repo_root));
  } catch (const Error&) {
    if (!fs::exists(path))
      throw Error(Error::Kind::kNotFound,
                  "no search index at " + path + " and no repository to build it from");
  }
  if (repo) {
    try {
      if (db_path.empty()) EnsureStateDirIgnored(repo->root());
      IndexStats stats = UpdateIndex(*repo, path);
      if (stats.rebuilt)
        opened.notes.push_back("built the search index at " + path + " (" + stats.reason + ")");
    } catch (const Error& error) {
      if (error.kind() == Error::Kind::kConflict) {
        opened.notes.push_back("the index is being updated by another process; results may lag");
      } else if (error.kind() == Error::Kind::kIo) {
        // A read-only checkout or a full disk: a reader may still search the index as it is.
        update_error = error;
        opened.notes.push_back(std::string("the index could not be brought up to date (") +
                               error.what() + "); results may lag");
      } else {
        throw;
      }
    }
  }
  try {
    opened.db = Xapian::Database(path);
  } catch (const Xapian::DatabaseError& error) {
    if (update_error) throw *update_error;
    throw Error(Error::Kind::kIo, path + ": the search index is unreadable: " + error.get_msg());
  }
  return opened;
}

}  // namespace sijill::index
