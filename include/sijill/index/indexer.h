// Building the search index and catching it up with the repository (DESIGN.md §2: "The index
// is a cache of one commit: it stores the commit it reflects and catches up by diffing trees").
//
// The index is a Xapian (glass) database that delve and quest can open. It remembers the commit
// it reflects in its metadata (terms.h kMetaCommit). UpdateIndex reads files from commits, never
// from the working tree: from HEAD when the index is new, else only the files that
// store::Repository::ChangedPaths reports between the remembered commit and HEAD. Every search
// unit of a changed file is deleted by its XFILE term and written again with
// replace_document(Q term), so re-indexing is idempotent. An index of another schema, one whose
// commit is no longer in the repository, or a corrupt one is rebuilt from scratch.
// Thread-safety: Xapian allows one writer per database; a second concurrent UpdateIndex gets
// Error kConflict. Readers may search meanwhile.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "sijill/error.h"
#include "sijill/store/repository.h"

namespace sijill::index {

enum class Rebuild { kNo, kYes };

struct IndexStats {
  std::string commit;         // the commit the index now reflects ("" for an empty repository)
  std::string previous;       // the commit it reflected before ("" when new or rebuilt)
  size_t files = 0;           // files read and (re)indexed
  size_t removed_files = 0;   // files gone from the repository
  size_t documents = 0;       // search units written
  size_t total_documents = 0; // search units in the index afterwards
  bool rebuilt = false;       // built from scratch (new, --rebuild, schema, corrupt, lost commit)
  std::string reason;         // why it was rebuilt, for the user ("" otherwise)
  Problems problems;          // files that could not be read in full (warnings)
};

// <repo root>/.sijill/index: the repository's git-ignored state directory (DESIGN.md §4).
std::string DefaultIndexPath(const std::string& repo_root);

// Makes sure /.sijill/ is ignored by git, through .git/info/exclude (the repository's own
// .gitignore is the user's; `sijill init` writes one too). Does nothing when it already is.
void EnsureStateDirIgnored(const std::string& repo_root);

// Brings the index at `db_path` to the repository's HEAD. Throws Error kConflict when another
// process is writing the index, kIo when it cannot be created. Files are read and analysed on
// `threads` threads (0: one per core; 1: the calling thread only). A catch-up writes them on the
// calling thread in path order; a rebuild writes shards on every thread and merges them in path
// order. Either way the database (document ids, terms, values, data) is the same for any
// number of threads.
IndexStats UpdateIndex(const store::Repository& repo, const std::string& db_path,
                       Rebuild rebuild = Rebuild::kNo, unsigned threads = 0);

struct OpenedIndex {
  Xapian::Database db;
  std::vector<std::string> notes;  // "built the search index (new index)", for stderr
};

// Opens the index for searching, never silently empty: when the repository at `repo_root` can
// be opened, the index is first brought to HEAD (built when missing, rebuilt when corrupt,
// caught up when behind; a concurrent writer is not waited for). Without a repository the index
// is opened as it is. `db_path` "" means DefaultIndexPath(repo_root).
// Throws Error kNotFound when there is neither an index nor a repository, kIo when the index
// is unreadable and there is no repository to rebuild it from.
OpenedIndex OpenForSearch(const std::string& repo_root, const std::string& db_path);

}  // namespace sijill::index
