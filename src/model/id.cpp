#include "sijill/model/id.h"

#include <cstdio>

#include "sijill/error.h"
#include "sijill/text/slug.h"

namespace sijill::model {

namespace {

bool ConsumePrefix(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

// N: 1-6 ASCII digits without a leading zero.
bool IsNumber(std::string_view digits) {
  if (digits.empty() || digits.size() > 6 || digits.front() == '0') return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  return true;
}

// ⚑ "a numbered paragraph is <slug>.p<N> ..., a numbered paragraph of an annex
// <slug>.annex.p<N>; ... a resolution's preamble is <slug>.preamble, an annex's unnumbered
// text <slug>.annex".
bool IsNumberedRest(std::string_view rest) {
  ConsumePrefix(rest, "annex.");
  if (!ConsumePrefix(rest, "p")) return false;
  if (rest.size() > 4 && rest.substr(rest.size() - 4) == "-dup") rest.remove_suffix(4);
  return IsNumber(rest);
}

}  // namespace

bool IsValidRest(std::string_view rest) {
  return rest == "preamble" || rest == "annex" || IsNumberedRest(rest);
}

std::string RecordId::Path() const {
  return std::string(kRecordsDir) + "/" + slug + "/" + rest + ".yaml";
}

std::string RecordId::Paragraph() const {
  std::string_view view = rest;
  if (view == "preamble" || view == "annex") return rest;
  bool annex = ConsumePrefix(view, "annex.");
  ConsumePrefix(view, "p");
  if (view.size() > 4 && view.substr(view.size() - 4) == "-dup") view.remove_suffix(4);
  return (annex ? "annex." : "") + std::string(view);
}

std::optional<RecordId> TryParseRecordId(std::string_view id) {
  if (id.size() > kMaxIdLength) return std::nullopt;
  // The slug may itself contain dots ("wg.4"), so the rest is recognised from the end; the
  // longer form wins ("x.annex.p1" is slug "x", rest "annex.p1").
  for (std::string_view marker : {".annex.p", ".p", ".preamble", ".annex"}) {
    size_t dot = id.rfind(marker);
    if (dot == std::string_view::npos) continue;
    RecordId parsed{std::string(id.substr(0, dot)), std::string(id.substr(dot + 1))};
    if (IsValidRest(parsed.rest) && text::IsValidSlug(parsed.slug)) return parsed;
  }
  return std::nullopt;
}

RecordId ParseRecordId(std::string_view id) {
  std::optional<RecordId> parsed = TryParseRecordId(id);
  if (!parsed)
    throw Error(Error::Kind::kInvalid, "invalid record id '" + QuoteForMessage(id) + "'");
  return *parsed;
}

std::string RecordPath(std::string_view id) { return ParseRecordId(id).Path(); }

std::optional<RecordId> RecordIdFromPath(std::string_view path) {
  std::string_view view = path;
  if (!ConsumePrefix(view, kRecordsDir) || !ConsumePrefix(view, "/")) return std::nullopt;
  size_t slash = view.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view file = view.substr(slash + 1);
  if (file.size() <= 5 || file.substr(file.size() - 5) != ".yaml") return std::nullopt;
  RecordId id{std::string(view.substr(0, slash)), std::string(file.substr(0, file.size() - 5))};
  if (!text::IsValidSlug(id.slug) || !IsValidRest(id.rest)) return std::nullopt;
  return id;
}

std::optional<std::string> RestForParagraph(std::string_view paragraph) {
  std::string rest;
  if (paragraph == "preamble" || paragraph == "annex") {
    rest = paragraph;
  } else if (paragraph.substr(0, 6) == "annex.") {
    rest = "annex.p" + std::string(paragraph.substr(6));
  } else {
    rest = "p" + std::string(paragraph);
  }
  if (!IsValidRest(rest) || rest.ends_with("-dup")) return std::nullopt;
  return rest;
}

std::string QuoteForMessage(std::string_view text) {
  constexpr size_t kMax = 80;
  std::string out;
  for (char c : text.substr(0, kMax)) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  if (text.size() > kMax) out += "...";
  return out;
}

}  // namespace sijill::model
