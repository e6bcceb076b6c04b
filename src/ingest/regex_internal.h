// A thin UTF-8 face over ICU regular expressions. The rules of CORPUS.md §2 and §5 are written
// as ECMAScript/ICU patterns with Arabic character classes, which std::regex cannot match on
// UTF-8 bytes; ICU can. Patterns are compiled once per Regex; a Regex is immutable after
// construction and safe to share between threads (each call makes its own matcher).
#pragma once

#include <unicode/regex.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sijill::ingest::internal {

class Regex {
 public:
  // Throws Error kInternal when the pattern does not compile (a programming error).
  explicit Regex(std::string_view pattern);
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // groups[0] is the whole match, groups[i] the i-th capture ("" when it did not take part).
  using Groups = std::vector<std::string>;

  bool Search(const std::string& text) const;
  bool FullMatch(const std::string& text) const;
  // The first match's groups; empty when nothing matches.
  Groups First(const std::string& text) const;
  int Count(const std::string& text) const;
  // ICU replacement syntax: $1, \$ for a dollar.
  std::string ReplaceAll(const std::string& text, std::string_view replacement) const;
  // Replaces each match by what `with` returns for its groups.
  std::string ReplaceWith(const std::string& text,
                          const std::function<std::string(const Groups&)>& with) const;

 private:
  std::unique_ptr<icu::RegexPattern> pattern_;
};

}  // namespace sijill::ingest::internal
