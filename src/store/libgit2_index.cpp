// The index editor over libgit2's git_index: slower (it parses and rewrites everything), but it
// handles every index format libgit2 does.
#include "sijill/error.h"
#include "store/index_editor.h"

namespace sijill::store::worktree {

namespace {

class Libgit2IndexEditor : public IndexEditor {
 public:
  explicit Libgit2IndexEditor(git::IndexPtr index) : index_(std::move(index)) {}

  Staged Find(const std::string& path) const override {
    Staged staged;
    if (const git_index_entry* entry = git_index_get_bypath(index_.get(), path.c_str(), 0)) {
      staged.id = entry->id;
    }
    for (int stage = 1; stage <= 3; ++stage) {
      if (git_index_get_bypath(index_.get(), path.c_str(), stage) != nullptr) {
        staged.conflicted = true;
      }
    }
    return staged;
  }

  void Put(const std::string& path, const git_oid& id, uint32_t mode,
           const struct stat& st) override {
    git_index_entry entry{};
    entry.ctime.seconds = static_cast<int32_t>(st.st_ctim.tv_sec);
    entry.ctime.nanoseconds = static_cast<uint32_t>(st.st_ctim.tv_nsec);
    entry.mtime.seconds = static_cast<int32_t>(st.st_mtim.tv_sec);
    entry.mtime.nanoseconds = static_cast<uint32_t>(st.st_mtim.tv_nsec);
    entry.dev = static_cast<uint32_t>(st.st_dev);
    entry.ino = static_cast<uint32_t>(st.st_ino);
    entry.mode = mode;
    entry.uid = st.st_uid;
    entry.gid = st.st_gid;
    entry.file_size = static_cast<uint32_t>(st.st_size);
    entry.id = id;
    entry.path = path.c_str();
    git::Check(git_index_add(index_.get(), &entry));
  }

  void Remove(const std::string& path) override {
    if (git_index_get_bypath(index_.get(), path.c_str(), 0) != nullptr) {
      git::Check(git_index_remove(index_.get(), path.c_str(), 0));
    }
  }

  bool Write() override {
    int rc = git_index_write(index_.get());
    if (rc == GIT_ELOCKED) {
      git_error_clear();
      return false;
    }
    git::Check(rc);
    return true;
  }

 private:
  git::IndexPtr index_;
};

}  // namespace

std::unique_ptr<IndexEditor> OpenLibgit2IndexEditor(const Repository::Impl& impl) {
  git::IndexPtr index;
  try {
    git_index* raw = nullptr;
    git::Check(git_repository_index(&raw, impl.repo.get()));
    index.reset(raw);
    git::Check(git_index_read(raw, 0));  // re-reads only when the file changed on disk
  } catch (const Error& e) {
    // libgit2 knows no required extension: neither a split index ("link") the fast editor
    // could not read (say one of version 4) nor a sparse index ("sdir").
    if (std::string(e.what()).find("mandatory extension") == std::string::npos) throw;
    throw Error(Error::Kind::kIo,
                "cannot edit " + impl.git_dir +
                    "index: it is a split or sparse index in a format sijill does not handle (" +
                    e.what() +
                    "); `git update-index --no-split-index --index-version 3` rewrites it");
  }
  return std::make_unique<Libgit2IndexEditor>(std::move(index));
}

// git's settings for the split index (git-config(1)); unset ones keep SplitPolicy's defaults.
SplitPolicy ReadSplitPolicy(const Repository::Impl& impl) {
  SplitPolicy policy;
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, impl.repo.get()) != 0) {
    git_error_clear();
    return policy;
  }
  int split = 0;
  if (git_config_get_bool(&split, raw, "core.splitIndex") == 0) {
    policy.mode = split != 0 ? SplitPolicy::Mode::kAlways : SplitPolicy::Mode::kNever;
  }
  int32_t percent = 0;
  if (git_config_get_int32(&percent, raw, "splitIndex.maxPercentChange") == 0 && percent >= 0 &&
      percent <= 100) {
    policy.max_percent_change = percent;
  }
  git_error_clear();
  git_config_free(raw);
  return policy;
}


std::unique_ptr<IndexEditor> OpenIndexEditor(const Repository::Impl& impl) {
  if (std::unique_ptr<IndexEditor> fast =
          OpenFastIndexEditor(impl.git_dir, impl.root, ReadSplitPolicy(impl))) {
    return fast;
  }
  return OpenLibgit2IndexEditor(impl);
}

}  // namespace sijill::store::worktree
