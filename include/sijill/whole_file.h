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

}  // namespace sijill
