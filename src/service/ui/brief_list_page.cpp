#include <string>
#include <vector>

#include "service/ui/pages_internal.h"

namespace sijill::service::ui {

std::string RenderBriefListPage(const Chrome& chrome, const std::vector<model::Brief>& briefs) {
  mstch::array items;
  for (const model::Brief& brief : briefs) {
    // model/brief.h: only published briefs are shown to the public.
    if (!brief.Published() && !chrome.can_edit_briefs) continue;
    items.push_back(mstch::map{
        {"href", Href(chrome, "/briefs/" + UrlEncode(brief.slug))},
        {"title", brief.title.empty() ? brief.slug : brief.title},
        {"agency", brief.agency},
        {"date", brief.date},
        {"draft", !brief.Published()},
        {"doc_lang", brief.language},
        {"doc_dir", TextDirection(brief.language)},
    });
  }
  mstch::map context{{"briefs", items}, {"new_href", Href(chrome, "/briefs/new")}};
  return RenderPage(chrome, "brief_list", Text(chrome, "briefs"), std::move(context));
}

}  // namespace sijill::service::ui
