#include <array>
#include <charconv>
#include <utility>

#include "record/labels_internal.h"
#include "sijill/model/id.h"
#include "sijill/text/slug.h"

namespace sijill::record {

namespace {

// The default statuses (DESIGN.md ⚑ open, in-progress, implemented, ongoing, superseded,
// closed) in the words of an Arabic follow-up table; sijill.yaml has no labels for statuses.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kStatusLabels = {{
    {"open", "مفتوحة"},
    {"in-progress", "قيد التنفيذ"},
    {"implemented", "منفَّذة"},
    {"ongoing", "مستمرة"},
    {"superseded", "استُعيض عنها"},
    {"closed", "مغلقة"},
}};

long NumberAt(std::string_view text) {
  long value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

std::string StatusLabel(std::string_view status) {
  for (const auto& [id, label] : kStatusLabels)
    if (id == status) return std::string(label);
  return std::string(status);
}

std::string AddresseeLabel(const model::Settings& settings, const std::string& id) {
  const model::Label* label = settings.FindAddressee(id);
  return label && !label->ar.empty() ? label->ar : id;
}

std::string TopicLabel(const model::Settings& settings, const std::string& id) {
  const model::Label* label = settings.FindTopic(id);
  return label && !label->ar.empty() ? label->ar : id;
}

void SlugMap::Add(const std::string& symbol, const std::string& slug) {
  if (!symbol.empty()) slugs_.emplace(symbol, slug);
}

std::string SlugMap::SlugOf(const std::string& symbol) const {
  auto it = slugs_.find(symbol);
  return it != slugs_.end() ? it->second : text::Slug(symbol);
}

Link ParagraphLink(const std::string& symbol, const std::string& slug,
                   const std::string& paragraph, const std::string& rest) {
  Link link;
  const std::string& name = symbol.empty() ? slug : symbol;
  if (paragraph.starts_with("annex.")) {
    link.text = name + " المرفق ¶" + paragraph.substr(6);
  } else if (paragraph == "preamble") {
    link.text = name + " الديباجة";
  } else if (paragraph == "annex") {
    link.text = name + " المرفق";
  } else {
    link.text = name + " ¶" + paragraph;
  }
  if (slug.empty()) return link;
  link.target = slug + ".html";
  std::optional<std::string> anchor =
      rest.empty() ? model::RestForParagraph(paragraph) : std::optional<std::string>(rest);
  if (anchor && *anchor != "preamble" && *anchor != "annex") link.target += "#" + *anchor;
  return link;
}

ParagraphKey KeyOfRest(std::string_view rest) {
  int dup = rest.ends_with("-dup") ? 1 : 0;
  if (rest == "preamble") return {0, 0, 0};
  if (rest == "annex") return {2, 0, 0};
  if (rest.starts_with("annex.p")) return {3, NumberAt(rest.substr(7)), dup};
  if (rest.starts_with("p")) return {1, NumberAt(rest.substr(1)), dup};
  return {4, 0, 0};
}

}  // namespace sijill::record
