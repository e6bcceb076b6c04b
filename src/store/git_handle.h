// RAII holders for libgit2 objects and the one place libgit2 return codes become exceptions.
// Private to the store layer: nothing outside src/store includes libgit2.
#pragma once

#include <git2.h>

#include <memory>
#include <string>

namespace sijill::store::git {

// Calls git_libgit2_init() once for the process (thread-safe; never shut down).
void EnsureInit();

// How many times libgit2 asked mbedTLS to load a CA bundle and was declined (git_handle.cpp):
// 1 after EnsureInit when libgit2 is built with mbedTLS, 0 with another TLS library.
int DeclinedCaBundleLoads();

// Throws sijill::Error when rc < 0, reading git_error_last() immediately, before any other
// libgit2 call can overwrite it. GIT_ENOTFOUND -> kNotFound; GIT_EMODIFIED, GIT_ELOCKED,
// GIT_EEXISTS -> kConflict; anything else -> kIo. Returns rc otherwise.
int Check(int rc);

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* object) const { Free(object); }
};
template <typename T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, Deleter<T, Free>>;

using RepositoryPtr = Handle<git_repository, git_repository_free>;
using ObjectPtr = Handle<git_object, git_object_free>;
using CommitPtr = Handle<git_commit, git_commit_free>;
using TreePtr = Handle<git_tree, git_tree_free>;
using TreeEntryPtr = Handle<git_tree_entry, git_tree_entry_free>;
using BlobPtr = Handle<git_blob, git_blob_free>;
using ReferencePtr = Handle<git_reference, git_reference_free>;
using SignaturePtr = Handle<git_signature, git_signature_free>;
using RevwalkPtr = Handle<git_revwalk, git_revwalk_free>;
using DiffPtr = Handle<git_diff, git_diff_free>;
using ConfigPtr = Handle<git_config, git_config_free>;
using IndexPtr = Handle<git_index, git_index_free>;
using OdbPtr = Handle<git_odb, git_odb_free>;
using OdbObjectPtr = Handle<git_odb_object, git_odb_object_free>;
using TreeBuilderPtr = Handle<git_treebuilder, git_treebuilder_free>;

// The hex form of an id, and the 7-character short form used in messages.
std::string Hex(const git_oid& id);
std::string ShortHex(const git_oid& id);

}  // namespace sijill::store::git
