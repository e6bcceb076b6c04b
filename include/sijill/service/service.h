// The application state shared by every handler: the records repository, its search index and
// the parsed snapshot of HEAD (SERVICE-CONTRACT.md).
//
// Reads always reflect HEAD: the snapshot is cached per HEAD commit, and the index is caught up
// (index::UpdateIndex under a mutex) whenever HEAD moved — after each of our own writes BEFORE
// the write returns (issue 6 item 4: "a search right after a write sees it"), and on the next
// read when someone else committed (the command line, a pull).
// Writes become one git commit each, authored by the user; the store refuses a stale ETag with
// Error kConflict and writes nothing.
//
// Thread-safety: every member may be called from many threads at once. Searches use one
// Xapian::Database per concurrent caller (a small pool, reopened after the index moved).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sijill/index/searcher.h"
#include "sijill/index/suggest.h"
#include "sijill/model/brief.h"
#include "sijill/model/settings.h"
#include "sijill/records/record_store.h"
#include "sijill/records/snapshot.h"
#include "sijill/service/http.h"
#include "sijill/store/repository.h"

namespace sijill::service {

struct ServiceOptions {
  std::string repo_root;
  std::string db_path;  // "" = index::DefaultIndexPath(repo_root)
  // Called inside every write just before it commits (tests pause writes with it to prove that
  // shutdown lets them finish). Empty = nothing.
  std::function<void()> before_write;
};

// A brief with the ETag (blob id) of its file.
struct LoadedBrief {
  model::Brief brief;
  std::string etag;
};

class Service {
 public:
  // Opens the repository (Error kNotFound if it is not one) and brings the index to HEAD.
  explicit Service(ServiceOptions options);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  const std::string& repo_root() const;
  const std::string& db_path() const;

  std::shared_ptr<const records::Snapshot> Snapshot();        // HEAD, cached until HEAD moves
  index::SearchResponse Search(const index::SearchRequest&);  // index always at HEAD
  // Evidence suggestions for the record `id` (index/suggest.h), with the topic words of the
  // current sijill.yaml. kNotFound when the index has no such record.
  std::vector<index::Suggestion> Suggest(const std::string& id, size_t limit = 5);
  // The recommendations of `snapshot` (HEAD) that repeat earlier ones (index/lineage.h), for
  // the consolidated record, as `sijill record` marks them.
  std::map<std::string, std::vector<std::string>> Lineage(const records::Snapshot& snapshot);
  records::LoadedRecord LoadRecord(const std::string& id);     // kInvalid / kNotFound
  std::vector<records::HistoryEntry> History(const std::string& id);
  // Commits as `user`, catches the index up before returning (a search right after sees it).
  // request.author is overwritten with the user; request.if_match is required by the caller.
  records::LoadedRecord AddFollowUp(const std::string& id, records::FollowUpRequest request,
                                    const User& user);

  // briefs/<slug>.md at HEAD; nullopt when there is none. Throws kInvalid for a bad slug.
  std::optional<LoadedBrief> LoadBrief(const std::string& slug);
  // Writes briefs/<brief.slug>.md as one commit. `if_match` "" = create (kConflict if it
  // exists); otherwise the ETag of the current file (kConflict when stale, kNotFound when
  // gone). Throws kInvalid naming the problem when the brief does not validate.
  LoadedBrief SaveBrief(const model::Brief& brief, const std::string& if_match, const User& user);

  const model::Settings& settings();  // of the current snapshot

  // The commit the index reflects; "" before the first commit.
  std::string IndexedCommit();
  // Throws unless the repository's HEAD and the index can be read (GET /healthz).
  void CheckHealth();

  store::Repository& repository();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sijill::service
