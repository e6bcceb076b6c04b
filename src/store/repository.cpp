#include "sijill/store/repository.h"

#include <algorithm>

#include "sijill/error.h"
#include "store/loose_writer.h"
#include "store/repository_internal.h"
#include "store/worktree_internal.h"

namespace sijill::store {

namespace {

// New loose objects are written by libdeflate at its fastest level, git's
// core.looseCompression=1 (store/loose_writer.h says why).
void UseFastLooseObjects(Repository::Impl& impl) {
  git_odb* odb = nullptr;
  git::Check(git_repository_odb(&odb, impl.repo.get()));
  git::Handle<git_odb, git_odb_free> odb_holder(odb);
  AddLooseObjectWriter(odb, impl.git_dir + "objects");
}

std::unique_ptr<Repository::Impl> MakeImpl(git_repository* raw) {
  auto impl = std::make_unique<Repository::Impl>();
  impl->repo.reset(raw);
  if (git_repository_is_bare(raw)) {
    throw Error(Error::Kind::kInvalid, "a records repository needs a working tree, not a bare one");
  }
  std::string workdir = git_repository_workdir(raw);
  if (workdir.size() > 1 && workdir.back() == '/') workdir.pop_back();
  impl->root = workdir;
  impl->git_dir = git_repository_path(raw);
  impl->head_cache = std::make_unique<HeadCache>(impl->git_dir, git_repository_commondir(raw));
  impl->objects_dir = std::string(git_repository_commondir(raw)) + "objects/";
  UseFastLooseObjects(*impl);
  return impl;
}

struct WalkState {
  std::string prefix;
  std::vector<TreeEntry>* out;
};

int CollectBlob(const char* root, const git_tree_entry* entry, void* payload) {
  auto* state = static_cast<WalkState*>(payload);
  if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
    state->out->push_back(
        {state->prefix + root + git_tree_entry_name(entry), git::Hex(*git_tree_entry_id(entry))});
  }
  return 0;
}

}  // namespace

Repository::Repository(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Repository::Repository(Repository&&) noexcept = default;
Repository& Repository::operator=(Repository&&) noexcept = default;
Repository::~Repository() = default;

Repository Repository::Open(const std::string& root) {
  git::EnsureInit();
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, root.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
  if (rc == GIT_ENOTFOUND) {
    throw Error(Error::Kind::kNotFound, "not a git repository: " + root);
  }
  git::Check(rc);
  Repository repository(MakeImpl(raw));
  // "the next writer/open repairs a working tree left behind by a crash" — unless a live
  // writer holds the lock, in which case the journal is its own and it will finish. Without a
  // journal nothing is locked or written, so read-only checkouts open fine.
  if (worktree::HasJournal(*repository.impl_)) {
    worktree::WriteLock lock(repository.impl_->git_dir, worktree::WriteLock::Mode::kTry);
    if (lock.held()) worktree::RepairIfInterrupted(*repository.impl_);
  }
  return repository;
}

Repository Repository::Init(const std::string& root) {
  git::EnsureInit();
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_MKDIR;
  options.initial_head = "main";
  git_repository* raw = nullptr;
  git::Check(git_repository_init_ext(&raw, root.c_str(), &options));
  return Repository(MakeImpl(raw));
}

const std::string& Repository::root() const { return impl_->root; }
const std::string& Repository::git_dir() const { return impl_->git_dir; }

std::string Repository::Head() const {
  if (std::optional<std::string> known = impl_->head_cache->Fresh()) return *known;
  HeadCache::Stamp stamp = impl_->head_cache->Take();
  std::string head, branch;
  {
    std::lock_guard guard(impl_->mutex);
    std::optional<git_oid> id = impl_->ResolveOid("HEAD");
    head = id ? git::Hex(*id) : "";
    branch = impl_->HeadBranchOrEmpty();
  }
  impl_->head_cache->Remember(stamp, branch, head);
  return head;
}

std::string Repository::Resolve(const std::string& rev) const {
  std::lock_guard guard(impl_->mutex);
  std::optional<git_oid> id = impl_->ResolveOid(rev);
  if (!id) throw Error(Error::Kind::kNotFound, "the repository has no commits yet");
  return git::Hex(*id);
}

// The blob of `path` (already checked) in the tree of `rev`; the caller holds impl.mutex.
static std::optional<git_oid> FindBlob(Repository::Impl& impl, const std::string& rev,
                                const std::string& path) {
  std::optional<git_oid> commit = impl.ResolveOid(rev);
  if (!commit) return std::nullopt;
  git::TreePtr tree = impl.TreeOfCommit(*commit);
  return impl.BlobAt(tree.get(), path);
}

std::optional<std::string> Repository::ReadFile(const std::string& path,
                                                const std::string& rev) const {
  std::string checked = CheckRelativePath(path);
  std::lock_guard guard(impl_->mutex);
  std::optional<git_oid> blob_id = FindBlob(*impl_, rev, checked);
  if (!blob_id) return std::nullopt;
  git_blob* raw = nullptr;
  git::Check(git_blob_lookup(&raw, impl_->repo.get(), &*blob_id));
  git::BlobPtr blob(raw);
  const char* data = static_cast<const char*>(git_blob_rawcontent(raw));
  return std::string(data, static_cast<size_t>(git_blob_rawsize(raw)));
}

std::optional<std::string> Repository::BlobId(const std::string& path,
                                              const std::string& rev) const {
  std::string checked = CheckRelativePath(path);
  std::lock_guard guard(impl_->mutex);
  std::optional<git_oid> blob_id = FindBlob(*impl_, rev, checked);
  return blob_id ? std::optional<std::string>(git::Hex(*blob_id)) : std::nullopt;
}

std::string Repository::BlobIdOf(std::string_view content) {
  git::EnsureInit();
  git_oid id;
  git::Check(git_odb_hash(&id, content.data(), content.size(), GIT_OBJECT_BLOB));
  return git::Hex(id);
}

std::vector<TreeEntry> Repository::ListFiles(const std::string& dir, const std::string& rev) const {
  std::string prefix = dir;
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  if (!prefix.empty()) prefix = CheckRelativePath(prefix) + "/";
  std::lock_guard guard(impl_->mutex);
  std::vector<TreeEntry> out;
  std::optional<git_oid> commit = impl_->ResolveOid(rev);
  if (!commit) return out;
  git::TreePtr tree = impl_->TreeOfCommit(*commit);
  if (!prefix.empty()) {
    git_tree_entry* raw_entry = nullptr;
    std::string dir_path = prefix.substr(0, prefix.size() - 1);
    int rc = git_tree_entry_bypath(&raw_entry, tree.get(), dir_path.c_str());
    if (rc == GIT_ENOTFOUND) return out;
    git::Check(rc);
    git::TreeEntryPtr entry(raw_entry);
    if (git_tree_entry_type(raw_entry) != GIT_OBJECT_TREE) return out;
    git_tree* subtree = nullptr;
    git::Check(git_tree_lookup(&subtree, impl_->repo.get(), git_tree_entry_id(raw_entry)));
    tree.reset(subtree);
  }
  WalkState state{prefix, &out};
  git::Check(git_tree_walk(tree.get(), GIT_TREEWALK_PRE, CollectBlob, &state));
  std::sort(out.begin(), out.end(),
            [](const TreeEntry& a, const TreeEntry& b) { return a.path < b.path; });
  return out;
}

std::optional<Signature> Repository::DefaultSignature() const {
  std::lock_guard guard(impl_->mutex);
  git_signature* raw = nullptr;
  int rc = git_signature_default(&raw, impl_->repo.get());
  if (rc == GIT_ENOTFOUND) {
    git_error_clear();
    return std::nullopt;
  }
  git::Check(rc);
  git::SignaturePtr signature(raw);
  return Signature{raw->name, raw->email, std::nullopt, 0};
}

}  // namespace sijill::store
