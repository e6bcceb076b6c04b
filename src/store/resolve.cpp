// Impl helpers: HEAD, revisions and dates, commits, trees and blobs.
#include <chrono>
#include <regex>

#include "sijill/error.h"
#include "store/repository_internal.h"

namespace sijill::store {

namespace {

bool IsNotFound(int rc) {
  return rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS || rc == GIT_EINVALIDSPEC;
}

// The commit's wall-clock time in its own zone, as naive seconds: a commit made at 23:30 in
// Geneva on 1 May belongs to 1 May whatever the server's zone.
long long NaiveTime(const git_commit* commit) {
  return static_cast<long long>(git_commit_time(commit)) +
         static_cast<long long>(git_commit_time_offset(commit)) * 60;
}

}  // namespace

std::optional<long long> ParseIsoCutoff(const std::string& text) {
  static const std::regex kDate(R"((\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)");
  std::smatch match;
  if (!std::regex_match(text, match, kDate)) return std::nullopt;
  namespace chrono = std::chrono;
  chrono::year_month_day day{chrono::year(std::stoi(match[1])),
                             chrono::month(static_cast<unsigned>(std::stoi(match[2]))),
                             chrono::day(static_cast<unsigned>(std::stoi(match[3])))};
  if (!day.ok()) return std::nullopt;
  long long seconds = chrono::sys_days(day).time_since_epoch() / chrono::seconds(1);
  if (!match[4].matched) return seconds + 24 * 3600 - 1;  // "that day's end"
  int hours = std::stoi(match[4]), minutes = std::stoi(match[5]);
  int secs = match[6].matched ? std::stoi(match[6]) : 59;
  if (hours > 23 || minutes > 59 || secs > 59) return std::nullopt;
  return seconds + hours * 3600 + minutes * 60 + secs;
}

std::optional<git_oid> Repository::Impl::HeadOid() const {
  git_oid id;
  int rc = git_reference_name_to_id(&id, repo.get(), "HEAD");
  if (rc == GIT_ENOTFOUND) {
    git_error_clear();
    return std::nullopt;
  }
  git::Check(rc);
  return id;
}

std::string Repository::Impl::HeadBranch() const {
  std::string branch = HeadBranchOrEmpty();
  if (branch.empty())
    throw Error(Error::Kind::kInvalid, "HEAD is detached; check out a branch before writing");
  return branch;
}

std::string Repository::Impl::HeadBranchOrEmpty() const {
  git_reference* raw = nullptr;
  git::Check(git_reference_lookup(&raw, repo.get(), "HEAD"));
  git::ReferencePtr head(raw);
  if (git_reference_type(raw) != GIT_REFERENCE_SYMBOLIC) return "";
  return git_reference_symbolic_target(raw);
}

std::optional<git_oid> Repository::Impl::ResolveOid(const std::string& rev) const {
  if (rev.empty() || rev == "HEAD") return HeadOid();
  if (std::optional<long long> cutoff = ParseIsoCutoff(rev)) {
    // "the last first-parent commit at or before that day's end"
    std::optional<git_oid> head = HeadOid();
    git::CommitPtr commit = head ? LookupCommit(*head) : nullptr;
    while (commit) {
      if (NaiveTime(commit.get()) <= *cutoff) return *git_commit_id(commit.get());
      if (git_commit_parentcount(commit.get()) == 0) break;
      git_commit* parent = nullptr;
      git::Check(git_commit_parent(&parent, commit.get(), 0));
      commit.reset(parent);
    }
    throw Error(Error::Kind::kNotFound, "no commit at or before " + rev);
  }
  git_object* raw = nullptr;
  int rc = git_revparse_single(&raw, repo.get(), rev.c_str());
  if (IsNotFound(rc)) {
    git_error_clear();
    throw Error(Error::Kind::kNotFound, "unknown revision '" + rev + "'");
  }
  git::Check(rc);
  git::ObjectPtr object(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, raw, GIT_OBJECT_COMMIT) < 0) {
    git_error_clear();
    throw Error(Error::Kind::kNotFound, "'" + rev + "' is not a commit");
  }
  git::ObjectPtr commit(peeled);
  return *git_object_id(peeled);
}

git::CommitPtr Repository::Impl::LookupCommit(const git_oid& id) const {
  git_commit* raw = nullptr;
  git::Check(git_commit_lookup(&raw, repo.get(), &id));
  return git::CommitPtr(raw);
}

git::TreePtr Repository::Impl::TreeOfCommit(const git_oid& commit_id) const {
  git::CommitPtr commit = LookupCommit(commit_id);
  git_tree* raw = nullptr;
  git::Check(git_commit_tree(&raw, commit.get()));
  return git::TreePtr(raw);
}

std::optional<git_oid> Repository::Impl::BlobAt(git_tree* tree, const std::string& path) const {
  if (tree == nullptr) return std::nullopt;
  git_tree_entry* raw = nullptr;
  int rc = git_tree_entry_bypath(&raw, tree, path.c_str());
  if (rc == GIT_ENOTFOUND) {
    git_error_clear();
    return std::nullopt;
  }
  git::Check(rc);
  git::TreeEntryPtr entry(raw);
  if (git_tree_entry_type(raw) != GIT_OBJECT_BLOB) return std::nullopt;
  return *git_tree_entry_id(raw);
}

}  // namespace sijill::store
