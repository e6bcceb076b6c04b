// A tree object's entries walked straight from its bytes, for comparing two large trees.
//
// A one-record catch-up of the search index compares the recommendations/ trees of two
// commits: 20,000 entries, ~1 MB each at 20,000 reports. git_tree_lookup took 12-14 ms per
// tree here (zlib, a SHA-1 check of the object, an entry array grown by copying), most of the
// catch-up's own work; a loose object mapped and inflated by libdeflate into memory taken in
// one piece, then walked in place, takes ~4 ms. Packed objects (and anything the fast path
// cannot read) come from libgit2's object database as raw bytes, still without the parse.
#pragma once

#include <git2.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace sijill::store {

struct RawTreeEntry {
  std::string_view name;
  uint32_t mode = 0;                  // as git writes it: 40000 tree, 100644 file, 160000 commit…
  const unsigned char* id = nullptr;  // GIT_OID_RAWSZ bytes

  bool IsTree() const { return (mode & 0170000) == 0040000; }
  bool IsSubmodule() const { return (mode & 0170000) == 0160000; }
  git_oid Id() const;
};

// git's order of tree entries (git_tree_entry_cmp): by name, a tree's name read as if it ended
// in '/', so "a.txt" < "a/" and a file "a" and a tree "a" are different entries.
int CompareTreeEntries(const RawTreeEntry& a, const RawTreeEntry& b);

class RawTree {
 public:
  RawTree();  // the empty tree
  RawTree(RawTree&&) noexcept;
  RawTree& operator=(RawTree&&) noexcept;
  ~RawTree();

  // Tree `id` of `repo`. Throws Error (kNotFound, kIo) when it is missing, is not a tree, or
  // is malformed, naming the object.
  static RawTree Read(git_repository* repo, const git_oid& id);

  // The next entry into `entry`, in the tree's own order; false at the end.
  bool Next(RawTreeEntry& entry);

 private:
  struct Storage;
  std::unique_ptr<Storage> storage_;
  const unsigned char* cursor_ = nullptr;
  const unsigned char* end_ = nullptr;
  std::string name_;  // the tree's id in hex, for errors
};

}  // namespace sijill::store
