#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "ingest/regex_internal.h"
#include "sijill/error.h"

namespace sijill::ingest::internal {
namespace {

icu::UnicodeString U(const std::string& text) { return icu::UnicodeString::fromUTF8(text); }

std::string Utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

Regex::Groups GroupsOf(icu::RegexMatcher& matcher, UErrorCode& status) {
  Regex::Groups groups;
  for (int32_t i = 0; i <= matcher.groupCount(); ++i) {
    if (matcher.start(i, status) < 0) {
      groups.emplace_back();
      continue;
    }
    groups.push_back(Utf8(matcher.group(i, status)));
  }
  return groups;
}

void Check(UErrorCode status, std::string_view what) {
  if (U_FAILURE(status))
    throw Error(Error::Kind::kInternal,
                std::string("regex ") + std::string(what) + ": " + u_errorName(status));
}

}  // namespace

Regex::Regex(std::string_view pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  pattern_.reset(icu::RegexPattern::compile(U(std::string(pattern)), 0, parse_error, status));
  Check(status, pattern);
}

Regex::~Regex() = default;

bool Regex::Search(const std::string& text) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = U(text);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern_->matcher(input, status));
  Check(status, "matcher");
  return matcher->find();
}

bool Regex::FullMatch(const std::string& text) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = U(text);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern_->matcher(input, status));
  Check(status, "matcher");
  return matcher->matches(status);
}

Regex::Groups Regex::First(const std::string& text) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = U(text);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern_->matcher(input, status));
  Check(status, "matcher");
  if (!matcher->find()) return {};
  return GroupsOf(*matcher, status);
}

int Regex::Count(const std::string& text) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = U(text);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern_->matcher(input, status));
  Check(status, "matcher");
  int count = 0;
  while (matcher->find()) ++count;
  return count;
}

std::string Regex::ReplaceAll(const std::string& text, std::string_view replacement) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = U(text);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern_->matcher(input, status));
  Check(status, "matcher");
  icu::UnicodeString out = matcher->replaceAll(U(std::string(replacement)), status);
  Check(status, "replace");
  return Utf8(out);
}

std::string Regex::ReplaceWith(const std::string& text,
                               const std::function<std::string(const Groups&)>& with) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = U(text);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern_->matcher(input, status));
  Check(status, "matcher");
  icu::UnicodeString out;
  int32_t last = 0;
  while (matcher->find()) {
    int32_t start = matcher->start(status);
    out.append(input, last, start - last);
    out.append(U(with(GroupsOf(*matcher, status))));
    last = matcher->end(status);
  }
  out.append(input, last, input.length() - last);
  Check(status, "replace");
  return Utf8(out);
}

}  // namespace sijill::ingest::internal
