// History of one path and the paths changed between two commits.
#include <algorithm>
#include <cstring>
#include <map>
#include <string_view>

#include "sijill/error.h"
#include "store/raw_tree.h"
#include "store/repository_internal.h"

namespace sijill::store {

namespace {

bool Same(const std::optional<git_oid>& a, const std::optional<git_oid>& b) {
  if (!a || !b) return !a && !b;
  return git_oid_equal(&*a, &*b) != 0;
}

CommitInfo InfoOf(const git_commit* commit) {
  const git_signature* author = git_commit_author(commit);
  CommitInfo info;
  info.id = git::Hex(*git_commit_id(commit));
  info.author_name = author->name;
  info.author_email = author->email;
  info.time = static_cast<long long>(author->when.time);
  info.offset_minutes = author->when.offset;
  const char* message = git_commit_message(commit);
  info.message = message != nullptr ? message : "";
  return info;
}

git_oid TreeIdOf(const git_commit* commit) { return *git_commit_tree_id(commit); }

git::TreePtr LookupTree(git_repository* repo, const git_tree_entry* entry) {
  git_tree* raw = nullptr;
  git::Check(git_tree_lookup(&raw, repo, git_tree_entry_id(entry)));
  return git::TreePtr(raw);
}

// Every file of `entry` (itself, or all under it for a tree) as a path under `prefix`, with its
// blob id when it is on the `after` side ("" on the `before` side, and for a submodule).
void AddFiles(git_repository* repo, const RawTreeEntry& entry, const std::string& path,
              bool after, std::vector<PathChange>& out) {
  if (!entry.IsTree()) {
    bool blob = after && !entry.IsSubmodule();
    out.push_back({path, blob ? git::Hex(entry.Id()) : ""});
    return;
  }
  RawTree tree = RawTree::Read(repo, entry.Id());
  for (RawTreeEntry child; tree.Next(child);)
    AddFiles(repo, child, path + "/" + std::string(child.name), after, out);
}

// The files that differ between two trees, subtrees of equal id skipped unread. libgit2's
// git_diff_tree_to_tree read every subtree of both sides: 2,007 object reads, most of a
// catch-up's time, for one changed record of a 2,000-report repository. Both trees are in
// git's order, so one walk pairs their entries (a map of the 20,000 names of recommendations/
// was a fifth of a one-record catch-up's CPU); raw_tree.h says why they are not git_trees.
void DiffTrees(git_repository* repo, RawTree old_tree, RawTree new_tree, const std::string& prefix,
               std::vector<PathChange>& out) {
  RawTreeEntry before, after;
  bool has_before = old_tree.Next(before), has_after = new_tree.Next(after);
  while (has_before || has_after) {
    // A file and a tree of one name sort apart ("a", "a/"): each is then reported alone.
    int order = has_before && has_after ? CompareTreeEntries(before, after) : (has_before ? -1 : 1);
    bool same = order == 0 && before.mode == after.mode &&
                memcmp(before.id, after.id, GIT_OID_RAWSZ) == 0;
    if (!same) {
      std::string_view name = order <= 0 ? before.name : after.name;
      std::string path = prefix.empty() ? std::string(name) : prefix + "/" + std::string(name);
      if (order == 0 && before.IsTree() && after.IsTree()) {
        DiffTrees(repo, RawTree::Read(repo, before.Id()), RawTree::Read(repo, after.Id()), path,
                  out);
      } else {
        if (order <= 0) AddFiles(repo, before, path, false, out);
        if (order >= 0) AddFiles(repo, after, path, true, out);
      }
    }
    if (order <= 0) has_before = old_tree.Next(before);
    if (order >= 0) has_after = new_tree.Next(after);
  }
}

// Every file of `entry` (itself, or all under it for a tree) as Log reports it: deleted ("" for
// its blob), or added with its blob id (a submodule is not a file: not reported as added).
void AddLogChanges(git_repository* repo, const git_tree_entry* entry, const std::string& path,
                   bool deleted, std::vector<PathChange>& out) {
  if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
    git::TreePtr tree = LookupTree(repo, entry);
    for (size_t i = 0; i < git_tree_entrycount(tree.get()); ++i) {
      const git_tree_entry* child = git_tree_entry_byindex(tree.get(), i);
      AddLogChanges(repo, child, path + "/" + git_tree_entry_name(child), deleted, out);
    }
  } else if (deleted) {
    out.push_back({path, ""});
  } else if (git_tree_entry_filemode(entry) != GIT_FILEMODE_COMMIT) {
    out.push_back({path, git::Hex(*git_tree_entry_id(entry))});
  }
}

// One step of Log: the files under `within` (relative to the trees, "" = all) that differ
// between the trees, as libgit2's tree diff with that pathspec reported them (a mode change is
// not a change), with subtrees of equal id skipped unread: the diff read every subtree (20,000
// of recommendations/ at 20,000 reports, ~0.15 s for one commit).
void LogChanges(git_repository* repo, const git_tree* old_tree, const git_tree* new_tree,
                const std::string& prefix, std::string_view within, std::vector<PathChange>& out) {
  std::string_view only = within.substr(0, within.find('/'));
  std::string_view deeper =
      within.find('/') == std::string_view::npos ? "" : within.substr(within.find('/') + 1);
  std::map<std::string_view, std::pair<const git_tree_entry*, const git_tree_entry*>> names;
  for (const git_tree* tree : {old_tree, new_tree}) {
    if (tree == nullptr) continue;
    for (size_t i = 0; i < git_tree_entrycount(tree); ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
      if (!only.empty() && only != git_tree_entry_name(entry)) continue;
      auto& sides = names[git_tree_entry_name(entry)];
      (tree == old_tree ? sides.first : sides.second) = entry;
    }
  }
  for (const auto& [name, sides] : names) {
    const auto& [before, after] = sides;
    if (before && after && git_oid_equal(git_tree_entry_id(before), git_tree_entry_id(after)))
      continue;
    std::string path = prefix.empty() ? std::string(name) : prefix + "/" + std::string(name);
    bool before_tree = before && git_tree_entry_type(before) == GIT_OBJECT_TREE;
    bool after_tree = after && git_tree_entry_type(after) == GIT_OBJECT_TREE;
    if (!deeper.empty()) {  // the pathspec goes on below: only trees lead there
      LogChanges(repo, before_tree ? LookupTree(repo, before).get() : nullptr,
                 after_tree ? LookupTree(repo, after).get() : nullptr, path, deeper, out);
      continue;
    }
    if (before_tree && after_tree) {
      LogChanges(repo, LookupTree(repo, before).get(), LookupTree(repo, after).get(), path, "",
                 out);
      continue;
    }
    if (before && after && !before_tree && !after_tree) {  // modified
      if (git_tree_entry_filemode(after) != GIT_FILEMODE_COMMIT)
        out.push_back({path, git::Hex(*git_tree_entry_id(after))});
      continue;
    }
    if (before) AddLogChanges(repo, before, path, true, out);
    if (after) AddLogChanges(repo, after, path, false, out);
  }
}

}  // namespace

std::vector<CommitInfo> Repository::History(const std::string& path, const std::string& rev,
                                            size_t limit) const {
  std::string checked = CheckRelativePath(path);
  std::lock_guard guard(impl_->mutex);
  std::vector<CommitInfo> out;
  std::optional<git_oid> start = impl_->ResolveOid(rev);
  if (!start) return out;
  // First-parent walk comparing the path's blob id with the parent's. The blob found for a
  // parent is reused for the next step, so each commit costs one tree lookup by path (and
  // none when its tree is the parent's), whatever the size of the tree.
  git::CommitPtr commit = impl_->LookupCommit(*start);
  git::TreePtr tree = impl_->TreeOfCommit(*start);
  std::optional<git_oid> blob = impl_->BlobAt(tree.get(), checked);
  while (commit) {
    git::CommitPtr parent;
    std::optional<git_oid> parent_blob;
    if (git_commit_parentcount(commit.get()) > 0) {
      git_commit* raw = nullptr;
      git::Check(git_commit_parent(&raw, commit.get(), 0));
      parent.reset(raw);
      git_oid tree_id = TreeIdOf(commit.get()), parent_tree_id = TreeIdOf(raw);
      if (git_oid_equal(&tree_id, &parent_tree_id)) {
        parent_blob = blob;
      } else {
        parent_blob = impl_->BlobAt(impl_->TreeOfCommit(*git_commit_id(raw)).get(), checked);
      }
    }
    if (!Same(blob, parent_blob)) {
      out.push_back(InfoOf(commit.get()));
      if (limit != 0 && out.size() >= limit) break;
    }
    commit = std::move(parent);
    blob = parent_blob;
  }
  return out;
}

std::vector<CommitChanges> Repository::Log(const std::string& dir, const std::string& rev,
                                           const std::string& stop, bool* reached) const {
  std::string prefix = dir;
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  if (!prefix.empty()) prefix = CheckRelativePath(prefix);
  std::lock_guard guard(impl_->mutex);
  std::vector<CommitChanges> out;
  if (reached) *reached = false;
  std::optional<git_oid> start = impl_->ResolveOid(rev);
  if (!start) return out;
  std::optional<git_oid> stop_id;
  if (git_oid id; !stop.empty() && git_oid_fromstrn(&id, stop.data(), stop.size()) == 0 &&
                  stop.size() == GIT_OID_HEXSZ)
    stop_id = id;
  // Each step compares a commit's tree with its first parent's, skipping the subtrees whose ids
  // are equal, so a commit costs the directories it touched, not the size of the tree.
  git::CommitPtr commit = impl_->LookupCommit(*start);
  git::TreePtr tree = impl_->TreeOfCommit(*start);
  while (commit) {
    if (stop_id && git_oid_equal(git_commit_id(commit.get()), &*stop_id)) {
      if (reached) *reached = true;
      break;
    }
    git::CommitPtr parent;
    git::TreePtr parent_tree;
    if (git_commit_parentcount(commit.get()) > 0) {
      git_commit* raw = nullptr;
      git::Check(git_commit_parent(&raw, commit.get(), 0));
      parent.reset(raw);
      parent_tree = impl_->TreeOfCommit(*git_commit_id(raw));
    }
    CommitChanges entry;
    LogChanges(impl_->repo.get(), parent_tree.get(), tree.get(), "", prefix, entry.changes);
    if (!entry.changes.empty()) {
      std::sort(entry.changes.begin(), entry.changes.end(),
                [](const PathChange& a, const PathChange& b) { return a.path < b.path; });
      entry.commit = InfoOf(commit.get());
      out.push_back(std::move(entry));
    }
    commit = std::move(parent);
    tree = std::move(parent_tree);
  }
  return out;
}

git::OdbPtr Repository::Impl::TakeReader() const {
  {
    std::lock_guard guard(readers_mutex);
    if (!idle_readers.empty()) {
      git::OdbPtr reader = std::move(idle_readers.back());
      idle_readers.pop_back();
      return reader;
    }
  }
  // Loose objects and packs, with their alternates, as the repository's own database finds
  // them (a pack added later is found too: libgit2 looks again when an id is missing).
  git_odb* raw = nullptr;
  if (git_odb_open(&raw, objects_dir.c_str()) != 0) {
    git_error_clear();
    return nullptr;
  }
  return git::OdbPtr(raw);
}

void Repository::Impl::GiveBackReader(git::OdbPtr reader) const {
  std::lock_guard guard(readers_mutex);
  idle_readers.push_back(std::move(reader));
}

std::optional<std::string> Repository::ReadBlob(const std::string& blob_id) const {
  git_oid id;
  if (blob_id.size() != GIT_OID_HEXSZ || git_oid_fromstr(&id, blob_id.c_str()) != 0)
    return std::nullopt;
  if (git::OdbPtr reader = impl_->TakeReader()) {
    git_odb_object* raw = nullptr;
    std::optional<std::string> out;
    if (git_odb_read(&raw, reader.get(), &id) == 0) {
      git::OdbObjectPtr object(raw);
      if (git_odb_object_type(raw) == GIT_OBJECT_BLOB)
        out.emplace(static_cast<const char*>(git_odb_object_data(raw)), git_odb_object_size(raw));
    } else {
      git_error_clear();
    }
    impl_->GiveBackReader(std::move(reader));
    return out;
  }
  std::lock_guard guard(impl_->mutex);
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, impl_->repo.get(), &id) != 0) return std::nullopt;
  git::BlobPtr blob(raw);
  const char* data = static_cast<const char*>(git_blob_rawcontent(raw));
  return std::string(data, static_cast<size_t>(git_blob_rawsize(raw)));
}

CommitInfo Repository::Describe(const std::string& rev) const {
  std::lock_guard guard(impl_->mutex);
  std::optional<git_oid> id = impl_->ResolveOid(rev);
  if (!id) throw Error(Error::Kind::kNotFound, "the repository has no commits");
  return InfoOf(impl_->LookupCommit(*id).get());
}

std::vector<PathChange> Repository::ChangedFiles(const std::string& from,
                                                const std::string& to) const {
  std::lock_guard guard(impl_->mutex);
  std::vector<PathChange> out;
  std::optional<git_oid> to_id = impl_->ResolveOid(to);
  git_repository* repo = impl_->repo.get();
  RawTree old_tree, new_tree;
  if (!from.empty()) {
    std::optional<git_oid> from_id = impl_->ResolveOid(from);
    if (from_id) old_tree = RawTree::Read(repo, TreeIdOf(impl_->LookupCommit(*from_id).get()));
  }
  if (to_id) new_tree = RawTree::Read(repo, TreeIdOf(impl_->LookupCommit(*to_id).get()));
  DiffTrees(repo, std::move(old_tree), std::move(new_tree), "", out);
  // A path on both sides (changed, or a file turned into a directory's file) is reported once,
  // with its blob at `to`.
  std::stable_sort(out.begin(), out.end(),
                   [](const PathChange& a, const PathChange& b) { return a.path < b.path; });
  std::vector<PathChange> unique;
  for (PathChange& change : out) {
    if (!unique.empty() && unique.back().path == change.path) {
      if (unique.back().blob_id.empty()) unique.back().blob_id = std::move(change.blob_id);
    } else {
      unique.push_back(std::move(change));
    }
  }
  return unique;
}

std::vector<std::string> Repository::ChangedPaths(const std::string& from,
                                                  const std::string& to) const {
  std::vector<std::string> paths;
  for (PathChange& change : ChangedFiles(from, to)) paths.push_back(std::move(change.path));
  return paths;
}

}  // namespace sijill::store
