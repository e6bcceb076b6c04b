#include "sijill/text/slug.h"

namespace sijill::text {

namespace {
bool IsSlugChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}
}  // namespace

std::string Slug(std::string_view symbol) {
  std::string slug;
  slug.reserve(symbol.size());
  for (char c : symbol) {
    // Symbols are ASCII; bytes of any non-ASCII character fall outside [a-z0-9.-] and are
    // dropped whole, as the rule says.
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '/') c = '-';
    if (IsSlugChar(c)) slug += c;
  }
  return slug;
}

bool IsValidSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > kMaxSlugLength || slug.front() == '.') return false;
  if (slug.find("..") != std::string_view::npos) return false;
  for (char c : slug)
    if (!IsSlugChar(c)) return false;
  return true;
}

}  // namespace sijill::text
