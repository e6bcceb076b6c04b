#include <string>

#include "service/ui/pages_internal.h"
#include "sijill/markdown/render_html.h"

namespace sijill::service::ui {

std::string RenderBriefPage(const Chrome& chrome, const model::Brief& brief) {
  mstch::array authors;
  for (const std::string& author : brief.authors) authors.push_back(author);
  mstch::map context{
      {"title", brief.title.empty() ? brief.slug : brief.title},
      {"agency", brief.agency},
      {"authors", authors},
      {"date", brief.date},
      {"draft", !brief.Published()},
      {"doc_lang", brief.language},
      {"doc_dir", TextDirection(brief.language)},
      {"edit_href", Href(chrome, "/briefs/" + UrlEncode(brief.slug) + "/edit")},
      // markdown::RenderHtml: no raw HTML, no javascript: links. Links to reports ("<slug>.md")
      // lead to the report pages.
      {"body_html", markdown::RenderHtml(brief.body, {.link_suffix = ""})},
  };
  return RenderPage(chrome, "brief", brief.title.empty() ? brief.slug : brief.title,
                    std::move(context));
}

}  // namespace sijill::service::ui
