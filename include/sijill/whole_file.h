// A file read or replaced whole.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sijill {

// The file's bytes; nullopt when it cannot be opened or read (missing, a directory, ...).
std::optional<std::string> ReadWholeFile(const std::string& path);

// Writes `bytes` to a temporary file beside `path` and renames it over `path`, so that a reader
// sees the old content or the new, never part of either. The temporary's name carries the
// process id, so two processes replacing the same file do not write into one temporary.
// No fsync: this is about readers and crashes of the process, not of the machine.
// Throws Error kIo naming the file; the temporary is removed on failure.
void ReplaceFile(const std::string& path, std::string_view bytes);

// Writes `bytes` to `path` when no file (or anything else) is there yet, straight into it: one
// open (O_EXCL), write and close, no temporary and no rename (a full build of a site creates
// 127,000 pages, and the rename was a tenth of its system time). Returns false, writing
// nothing, when `path` exists — the caller then replaces it with ReplaceFile. A reader may see
// the new file before its last byte: use it for files that nobody can have been reading.
// Throws Error kIo naming the file (a missing directory included); a part written is removed.
bool CreateNewFile(const std::string& path, std::string_view bytes);

}  // namespace sijill
