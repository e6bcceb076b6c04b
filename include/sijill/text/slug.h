// Slugs: the file-name form of a UN document symbol (DESIGN.md §1 ⚑).
#pragma once

#include <string>
#include <string_view>

namespace sijill::text {

// ⚑ "<slug> is the symbol lower-cased with / → - and other characters outside [a-z0-9.-]
// dropped": "CTOC/COP/WG.4/2013/5" → "ctoc-cop-wg.4-2013-5". Never throws; may return "".
std::string Slug(std::string_view symbol);

// True when `slug` is safe as one path component of the repository: non-empty, at most
// kMaxSlugLength characters, only [a-z0-9.-], not starting with '.' (no ".", "..", hidden
// files) and without "..".
bool IsValidSlug(std::string_view slug);

inline constexpr size_t kMaxSlugLength = 120;

}  // namespace sijill::text
