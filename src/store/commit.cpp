// Repository::Commit: the write protocol of docs/store.md.
//   lock -> repair -> (rebase or refuse) -> blobs and trees, beside reading the index -> clean
//   check -> journal -> commit
//   -> compare-and-swap of the branch -> working tree + index for the written paths -> journal off
#include <future>
#include <set>

#include "sijill/error.h"
#include "store/repository_internal.h"
#include "store/signature_internal.h"
#include "store/worktree_internal.h"

namespace sijill::store {

namespace {

std::vector<std::string> CheckedPaths(const ChangeSet& changes) {
  if (changes.files.empty()) throw Error(Error::Kind::kInvalid, "nothing to commit");
  std::vector<std::string> paths;
  std::set<std::string> seen;
  for (const FileChange& change : changes.files) {
    paths.push_back(CheckRelativePath(change.path));
    if (!seen.insert(change.path).second) {
      throw Error(Error::Kind::kInvalid, "path '" + change.path + "' appears twice in one commit");
    }
  }
  return paths;
}

// "A write prepared against an old HEAD must never overwrite a newer commit silently: it is
// rebased when the files do not overlap and refused with a clear conflict error when they do."
void RefuseOverlap(const Repository::Impl& impl, const git_oid& base, const git_oid& head,
                   std::vector<std::string> paths) {
  git::TreePtr base_tree = impl.TreeOfCommit(base), head_tree = impl.TreeOfCommit(head);
  std::vector<char*> specs;
  for (std::string& path : paths) specs.push_back(path.data());
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  options.pathspec = {specs.data(), specs.size()};
  git_diff* raw = nullptr;
  git::Check(
      git_diff_tree_to_tree(&raw, impl.repo.get(), base_tree.get(), head_tree.get(), &options));
  git::DiffPtr diff(raw);
  if (git_diff_num_deltas(raw) == 0) return;
  const git_diff_delta* delta = git_diff_get_delta(raw, 0);
  throw Error(Error::Kind::kConflict, "conflict: " + std::string(delta->new_file.path) +
                                          " changed since " + git::ShortHex(base));
}

// Blobs, then the new root tree via git_tree_create_updated: only the trees on the way to a
// written path are rewritten, never the whole index (issue 2, item 7).
git::TreePtr BuildTree(const Repository::Impl& impl, git_tree* head_tree,
                       const ChangeSet& changes) {
  std::vector<git_oid> ids(changes.files.size());
  std::vector<git_tree_update> updates;
  for (size_t i = 0; i < changes.files.size(); ++i) {
    const FileChange& change = changes.files[i];
    git_tree_entry* raw = nullptr;
    int rc = head_tree == nullptr ? GIT_ENOTFOUND
                                  : git_tree_entry_bypath(&raw, head_tree, change.path.c_str());
    if (rc != GIT_ENOTFOUND) git::Check(rc);
    git_error_clear();
    git::TreeEntryPtr existing(raw);
    if (existing && git_tree_entry_type(raw) != GIT_OBJECT_BLOB) {
      throw Error(Error::Kind::kInvalid, "path '" + change.path + "' is a directory");
    }
    git_tree_update update{};
    update.path = change.path.c_str();
    if (!change.content) {
      if (!existing)
        throw Error(Error::Kind::kNotFound, "cannot delete " + change.path + ": no such file");
      update.action = GIT_TREE_UPDATE_REMOVE;
    } else {
      git::Check(git_blob_create_from_buffer(&ids[i], impl.repo.get(), change.content->data(),
                                             change.content->size()));
      update.action = GIT_TREE_UPDATE_UPSERT;
      update.id = ids[i];
      update.filemode = existing ? git_tree_entry_filemode(raw) : GIT_FILEMODE_BLOB;
    }
    updates.push_back(update);
  }
  // A null baseline (no commits yet) is the empty tree.
  git_oid tree_id;
  git::Check(git_tree_create_updated(&tree_id, impl.repo.get(), head_tree, updates.size(),
                                     updates.data()));
  git_tree* tree = nullptr;
  git::Check(git_tree_lookup(&tree, impl.repo.get(), &tree_id));
  return git::TreePtr(tree);
}

std::string FirstLine(const std::string& message) { return message.substr(0, message.find('\n')); }

// One attempt; nullopt when the branch moved under us (a plain git commit) and the caller
// should start again from the new HEAD.
std::optional<std::string> CommitOnce(const Repository::Impl& impl, const ChangeSet& changes,
                                      const std::vector<std::string>& paths,
                                      const git_signature* signature, const std::string& message) {
  std::string branch = impl.HeadBranch();
  std::optional<git_oid> head = impl.HeadOid();
  git::TreePtr head_tree = head ? impl.TreeOfCommit(*head) : nullptr;
  if (!changes.base.empty()) {
    std::optional<git_oid> base = impl.ResolveOid(changes.base);
    if (base && head && !git_oid_equal(&*base, &*head)) RefuseOverlap(impl, *base, *head, paths);
  }
  // Reading the index (~80,000 entries at 2,000 reports) and writing the blobs and trees do not
  // depend on each other, so the index is read on a second thread meanwhile, as git reads its
  // index on threads. Objects written for a change refused below are unreferenced, as after
  // a crash, and git's gc removes them.
  worktree::SplitPolicy policy = worktree::ReadSplitPolicy(impl);
  std::future<std::unique_ptr<worktree::IndexEditor>> fast_index = std::async(
      std::launch::async,
      [&impl, policy] { return worktree::OpenFastIndexEditor(impl.git_dir, impl.root, policy); });
  git::TreePtr tree = BuildTree(impl, head_tree.get(), changes);
  std::unique_ptr<worktree::IndexEditor> index = fast_index.get();
  if (!index) index = worktree::OpenLibgit2IndexEditor(impl);
  for (const std::string& path : paths) {
    worktree::CheckClean(impl, *index, path, impl.BlobAt(head_tree.get(), path));
  }
  worktree::BeginJournal(impl, paths);
  git_oid commit_id;
  int rc;
  try {
    git::CommitPtr parent = head ? impl.LookupCommit(*head) : nullptr;
    const git_commit* parents[] = {parent.get()};
    git::Check(git_commit_create(&commit_id, impl.repo.get(), nullptr, signature, signature,
                                 nullptr, message.c_str(), tree.get(), head ? 1 : 0, parents));
    // The compare-and-swap: the branch moves only if it still points where we read it.
    git_reference* moved = nullptr;
    std::string log = "commit: " + FirstLine(message);
    rc = head ? git_reference_create_matching(&moved, impl.repo.get(), branch.c_str(), &commit_id,
                                              1, &*head, log.c_str())
              : git_reference_create(&moved, impl.repo.get(), branch.c_str(), &commit_id, 0,
                                     log.c_str());
    git_reference_free(moved);
    if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS) {
      git_error_clear();
      worktree::EndJournal(impl);
      return std::nullopt;
    }
    git::Check(rc);
  } catch (...) {
    worktree::EndJournal(impl);  // the branch did not move: nothing to repair
    throw;
  }
  // The commit is made: a failure from here on (a full disk, a locked index) must not report
  // the write as failed, or the caller would write it twice. The journal stays, and the next
  // Open or Commit brings the working tree up to date.
  try {
    git::TreePtr new_tree = impl.TreeOfCommit(commit_id);
    if (worktree::SyncPaths(impl, std::move(index), new_tree.get(), paths)) {
      worktree::EndJournal(impl);
    }
  } catch (const Error&) {
  }
  return git::Hex(commit_id);
}

}  // namespace

std::string Repository::Commit(const ChangeSet& changes, const Signature& author,
                               const std::string& message) {
  std::vector<std::string> paths = CheckedPaths(changes);
  git::SignaturePtr signature = MakeGitSignature(author);
  std::string text = message.empty() || message.back() != '\n' ? message + "\n" : message;
  std::lock_guard guard(impl_->mutex);
  // A system failure names the write it stopped: libgit2 alone says only "failed to write out
  // file: File too large" on a full disk.
  try {
    worktree::WriteLock lock(impl_->git_dir, worktree::WriteLock::Mode::kWait);
    worktree::RepairIfInterrupted(*impl_);
    for (int attempt = 0; attempt < 5; ++attempt) {
      std::optional<std::string> id = CommitOnce(*impl_, changes, paths, signature.get(), text);
      if (id) return *id;
    }
  } catch (const Error& error) {
    if (error.kind() != Error::Kind::kIo) throw;
    std::string what = paths.front();
    if (paths.size() > 1) what += " (+" + std::to_string(paths.size() - 1) + " more)";
    throw Error(Error::Kind::kIo, "cannot commit " + what + ": " + error.what(), error.where());
  }
  throw Error(Error::Kind::kConflict, "conflict: the branch keeps moving; try again");
}

}  // namespace sijill::store
