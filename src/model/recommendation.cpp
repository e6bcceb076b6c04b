#include "sijill/model/recommendation.h"

#include "sijill/model/id.h"

namespace sijill::model {

std::string Evidence::ToString() const {
  if (IsUrl()) return url;
  std::optional<std::string> rest = RestForParagraph(paragraph);
  return symbol + "#" + (rest ? *rest : paragraph);
}

std::optional<Evidence> ParseEvidence(const std::string& text) {
  Evidence evidence;
  if (text.starts_with("https://") || text.starts_with("http://")) {
    if (text.find_first_of(" \t\n\r") != std::string::npos) return std::nullopt;
    evidence.url = text;
    return evidence;
  }
  // "SYMBOL#pN" or "SYMBOL#annex.pN": the part after '#' is an id rest (DESIGN.md ⚑ Ids).
  size_t hash = text.rfind('#');
  if (hash == std::string::npos || hash == 0) return std::nullopt;
  std::string rest = text.substr(hash + 1);
  if (!IsValidRest(rest) || rest.ends_with("-dup") || rest == "preamble" || rest == "annex")
    return std::nullopt;
  evidence.symbol = text.substr(0, hash);
  evidence.paragraph = RecordId{"x", rest}.Paragraph();
  return evidence;
}

}  // namespace sijill::model
