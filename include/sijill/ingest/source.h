// Stage 1 of `sijill import`: the input check. A UN text extraction must be UTF-8 text with
// some content; anything else is refused before a single byte is written (issue #3).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sijill::ingest {

// One physical line of the input, without its line terminator.
struct SourceLine {
  int number = 0;        // 1-based
  std::string raw;       // as read (a trailing '\r' removed)
  std::string text;      // working copy the later stages repair
  bool dropped = false;  // furniture or footnote: not part of the body
};

// Splits `bytes` into lines. Throws Error kInvalid naming `file`:line:column for invalid
// UTF-8 (column = 1-based byte offset in the line), for a NUL byte or other binary content,
// and for an input without any letter ("empty").
std::vector<SourceLine> ReadSource(std::string_view bytes, const std::string& file);

// Length in bytes of the valid UTF-8 sequence starting at bytes[i], or 0 when invalid.
size_t Utf8SequenceLength(std::string_view bytes, size_t i);

}  // namespace sijill::ingest
