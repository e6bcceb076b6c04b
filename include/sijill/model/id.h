// Record ids and the record files they name (DESIGN.md §1 ⚑ Ids).
//
// An id is `<slug>.<rest>` where rest is `p<N>`, `annex.p<N>`, `preamble` or `annex`; a numbered
// rest may carry the suffix `-dup` (a number printed twice in a document). The record lives at
// recommendations/<slug>/<rest>.yaml. Parsing is strict so that an id from the command line or
// an HTTP request can never name a path outside recommendations/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sijill::model {

inline constexpr size_t kMaxIdLength = 200;
inline constexpr std::string_view kRecordsDir = "recommendations";

struct RecordId {
  std::string slug;  // "ctoc-cop-wg.4-2013-5"
  std::string rest;  // "p22", "annex.p15", "preamble", "annex", "p51-dup"

  std::string ToString() const { return slug + "." + rest; }
  // "recommendations/<slug>/<rest>.yaml"
  std::string Path() const;
  // The source paragraph as records write it: "22", "annex.15", "preamble", "annex"
  // (the -dup suffix is not part of the paragraph number).
  std::string Paragraph() const;

  friend bool operator==(const RecordId&, const RecordId&) = default;
};

// True for "p<N>", "annex.p<N>" (N: 1-6 digits, no leading zero, optional "-dup"),
// "preamble" and "annex".
bool IsValidRest(std::string_view rest);

// Splits an id; nullopt unless the slug is valid (text::IsValidSlug) and the rest is valid.
std::optional<RecordId> TryParseRecordId(std::string_view id);
// As TryParseRecordId, but throws Error kInvalid "invalid record id '<id>'" (the id shown
// with control characters escaped and cut to 80 characters).
RecordId ParseRecordId(std::string_view id);

// The record file of an id; throws like ParseRecordId.
std::string RecordPath(std::string_view id);
// The inverse of RecordId::Path: nullopt unless `path` is exactly
// recommendations/<valid slug>/<valid rest>.yaml.
std::optional<RecordId> RecordIdFromPath(std::string_view path);

// The rest for a source paragraph: "22" → "p22", "annex.15" → "annex.p15", "preamble",
// "annex"; nullopt for anything else.
std::optional<std::string> RestForParagraph(std::string_view paragraph);

// An id made printable for an error message: control bytes as \xNN, at most 80 bytes.
std::string QuoteForMessage(std::string_view text);

}  // namespace sijill::model
