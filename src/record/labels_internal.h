// Words and links the record builder shares: labels for ids, links to report paragraphs, and
// the order of paragraphs within a report.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "sijill/model/settings.h"
#include "sijill/record/consolidated.h"

namespace sijill::record {

// The Arabic label of a status (the default statuses have one); the id otherwise.
std::string StatusLabel(std::string_view status);
// The Arabic label of an addressee or topic from sijill.yaml; the id when it has none.
std::string AddresseeLabel(const model::Settings& settings, const std::string& id);
std::string TopicLabel(const model::Settings& settings, const std::string& id);

// Symbols of the reports in the repository → their slugs (a provisional report keeps a slug
// that is not Slug(symbol)).
class SlugMap {
 public:
  void Add(const std::string& symbol, const std::string& slug);
  // The report's slug, or text::Slug(symbol) for a report that is not in the repository.
  std::string SlugOf(const std::string& symbol) const;

 private:
  std::map<std::string, std::string, std::less<>> slugs_;
};

// "CTOC/COP/2018/2 ¶22" → "ctoc-cop-2018-2.html#p22"; annex paragraphs "…#annex.p15"
// (DESIGN.md ⚑ anchors id="p<N>", id="annex.p<N>"); unnumbered text links the report page.
// `rest` ("p51-dup"), when known, is the anchor; otherwise it follows from the paragraph.
Link ParagraphLink(const std::string& symbol, const std::string& slug,
                   const std::string& paragraph, const std::string& rest = "");

// Sort key for a record's rest within its report: preamble, numbered paragraphs in numeric
// order (a -dup after its twin), unnumbered annex text, annex paragraphs.
using ParagraphKey = std::tuple<int, long, int>;
ParagraphKey KeyOfRest(std::string_view rest);

}  // namespace sijill::record
