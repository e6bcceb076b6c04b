// Writing new loose objects with libdeflate instead of libgit2's zlib writer.
//
// Each follow-up rewrites the ~100 KB tree of the directory of 2,000 reports, and compressing
// it was the largest single cost of a commit after the index: zlib at its fastest level
// (git's core.looseCompression=1) took 3.6 ms on that tree on this machine, libdeflate at the
// same level 1.0 ms for a stream 1 % larger, which any zlib reads (git, libgit2, `git gc`).
// The writer is an object-database backend with only a write function, at a higher priority
// than libgit2's own: writes go to it, reads and existence checks never see it. If it fails,
// libgit2 hands the object to its loose backend instead.
#pragma once

#include <git2.h>

#include <cstddef>
#include <string>

namespace sijill::store {

// Adds the writer to `odb` for the loose objects under `objects_dir` (".../.git/objects").
// Throws Error kIo when libgit2 refuses the backend.
void AddLooseObjectWriter(git_odb* odb, const std::string& objects_dir);

// Objects written by the writer in this process (for tests, which check that it is used).
size_t LooseObjectsWritten();

}  // namespace sijill::store
