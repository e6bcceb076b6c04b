#include "sijill/service/service.h"

#include <atomic>
#include <deque>

#include "service/index_pool_internal.h"
#include "sijill/error.h"
#include "sijill/index/indexer.h"
#include "sijill/model/id.h"
#include "sijill/text/slug.h"

namespace sijill::service {

struct Service::Impl {
  ServiceOptions options;
  store::Repository repository;
  IndexPool index;

  // The snapshot of HEAD with its settings, read by every request without a lock; replaced
  // (under load_mutex, by one thread) when HEAD moved.
  struct Current {
    std::shared_ptr<const records::Snapshot> snapshot;
    const model::Settings* settings = nullptr;  // in `settings` below
  };
  std::atomic<std::shared_ptr<const Current>> current;
  std::mutex load_mutex;
  // settings() hands out references, so a Settings lives as long as the Service; a new one is
  // kept only when sijill.yaml changed. Guarded by load_mutex.
  std::deque<model::Settings> settings;
  std::string settings_blob = "-";

  Impl(ServiceOptions opts, store::Repository repo)
      : options(std::move(opts)), repository(std::move(repo)),
        index(repository, options.db_path) {}

  // The state of HEAD now. Repository::Head() answers from the ref files' stat() while they
  // are unchanged, so when nothing was committed this is a few stat() calls and an atomic
  // load: no libgit2 call and no lock.
  std::shared_ptr<const Current> Load() {
    std::string head = repository.Head();
    std::shared_ptr<const Current> now = current.load();
    if (now && now->snapshot->commit == head) return now;
    std::lock_guard lock(load_mutex);
    now = current.load();  // another thread may have loaded it meanwhile
    if (now && now->snapshot->commit == head) return now;
    auto next = std::make_shared<Current>();
    next->snapshot =
        std::make_shared<const records::Snapshot>(records::LoadSnapshot(repository, head));
    auto blob = next->snapshot->blob_ids.find(std::string(model::kSettingsPath));
    std::string blob_id = blob == next->snapshot->blob_ids.end() ? "" : blob->second;
    if (blob_id != settings_blob) {
      settings.push_back(next->snapshot->settings);
      settings_blob = blob_id;
    }
    next->settings = &settings.back();
    current.store(next);
    return next;
  }

  void BeforeWrite() {
    if (options.before_write) options.before_write();
  }

  records::RecordStore Store() { return records::RecordStore(repository); }
};

namespace {

store::Signature AuthorOf(const User& user) {
  std::string email = user.email.empty() ? user.name + "@sijill.invalid" : user.email;
  return store::Signature{user.name, email};
}

std::string BriefPath(const std::string& slug) {
  // The slug becomes a file name: only [a-z0-9.-] (DESIGN.md §1 slug rule), never a path.
  if (!text::IsValidSlug(slug))
    throw Error(Error::Kind::kInvalid, "invalid brief slug '" + model::QuoteForMessage(slug) + "'");
  return "briefs/" + slug + ".md";
}

}  // namespace

Service::Service(ServiceOptions options) {
  if (options.db_path.empty()) options.db_path = index::DefaultIndexPath(options.repo_root);
  store::Repository repository = store::Repository::Open(options.repo_root);
  index::EnsureStateDirIgnored(options.repo_root);
  impl_ = std::make_unique<Impl>(std::move(options), std::move(repository));
  impl_->index.CatchUp(impl_->repository.Head());
}

Service::~Service() = default;

const std::string& Service::repo_root() const { return impl_->options.repo_root; }
const std::string& Service::db_path() const { return impl_->options.db_path; }
store::Repository& Service::repository() { return impl_->repository; }

std::shared_ptr<const records::Snapshot> Service::Snapshot() {
  return impl_->Load()->snapshot;
}

const model::Settings& Service::settings() { return *impl_->Load()->settings; }

index::SearchResponse Service::Search(const index::SearchRequest& request) {
  impl_->index.CatchUp(impl_->repository.Head());
  return impl_->index.Search(request);
}

std::vector<index::Suggestion> Service::Suggest(const std::string& id, size_t limit) {
  index::SuggestOptions options;
  options.limit = limit;
  options.topic_words = index::TopicWords(settings());
  impl_->index.CatchUp(impl_->repository.Head());
  return impl_->index.Suggest(id, options);
}

std::map<std::string, std::vector<std::string>> Service::Lineage(
    const records::Snapshot& snapshot) {
  impl_->index.CatchUp(impl_->repository.Head());
  return impl_->index.Lineage(snapshot);
}

std::string Service::IndexedCommit() { return impl_->index.commit(); }

records::LoadedRecord Service::LoadRecord(const std::string& id) {
  return impl_->Store().Load(id);
}

std::vector<records::HistoryEntry> Service::History(const std::string& id) {
  return impl_->Store().History(id);
}

records::LoadedRecord Service::AddFollowUp(const std::string& id,
                                           records::FollowUpRequest request, const User& user) {
  request.author = AuthorOf(user);
  impl_->BeforeWrite();
  records::LoadedRecord updated = impl_->Store().AddFollowUp(id, request);
  // Issue 6 item 4: "The index catches up after each commit before the response".
  impl_->index.CatchUp(updated.commit);
  return updated;
}

std::optional<LoadedBrief> Service::LoadBrief(const std::string& slug) {
  std::string path = BriefPath(slug);
  std::string head = impl_->repository.Head();
  if (head.empty()) return std::nullopt;
  std::optional<std::string> blob = impl_->repository.BlobId(path, head);
  if (!blob) return std::nullopt;
  std::optional<std::string> text = impl_->repository.ReadFile(path, head);
  model::ParsedBrief parsed = model::ParseBrief(path, text.value_or(""));
  if (!parsed.parsed) {
    std::string why = parsed.problems.empty() ? "unreadable" : parsed.problems[0].ToString();
    throw Error(Error::Kind::kInvalid, why);
  }
  return LoadedBrief{parsed.brief, *blob};
}

LoadedBrief Service::SaveBrief(const model::Brief& brief, const std::string& if_match,
                               const User& user) {
  std::string path = BriefPath(brief.slug);
  std::string text = model::WriteBrief(brief);
  model::ParsedBrief parsed = model::ParseBrief(path, text);
  for (const Problem& problem : parsed.problems)
    if (problem.severity == Severity::kError) throw Error(Error::Kind::kInvalid, problem.ToString());

  std::string head = impl_->repository.Head();
  std::optional<std::string> current =
      head.empty() ? std::nullopt : impl_->repository.BlobId(path, head);
  if (if_match.empty() && current)
    throw Error(Error::Kind::kConflict, path + " exists; send If-Match with its ETag to update it");
  if (!if_match.empty() && !current) throw Error(Error::Kind::kNotFound, path + " does not exist");
  if (current && *current != if_match)
    throw Error(Error::Kind::kConflict, path + " was changed since you read it");

  impl_->BeforeWrite();
  std::string verb = !current ? "add" : brief.Published() ? "publish" : "update";
  // base = the HEAD we compared against: the store refuses the commit if the brief changed
  // in between, so two editors can never overwrite each other.
  std::string commit = impl_->repository.Commit({head, {{path, text}}}, AuthorOf(user),
                                                "brief: " + verb + " " + brief.slug);
  impl_->index.CatchUp(commit);
  return LoadedBrief{parsed.brief, impl_->repository.BlobId(path, commit).value_or("")};
}

void Service::CheckHealth() {
  std::string head = impl_->repository.Head();
  if (!head.empty()) impl_->repository.Resolve(head);
  impl_->index.Check();
}

}  // namespace sijill::service
