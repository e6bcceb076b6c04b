#include <string>

#include "service/ui/pages_internal.h"
#include "sijill/markdown/render_html.h"

namespace sijill::service::ui {

std::string RenderBriefEditorPage(const Chrome& chrome, const BriefEditorData& data) {
  const model::Brief& brief = data.brief;
  std::string authors;
  for (const std::string& author : brief.authors) authors += author + "\n";
  mstch::array languages;
  for (const char* language : {"ar", "en"}) {
    languages.push_back(mstch::map{{"value", std::string(language)},
                                   {"label", ValueLabel(chrome, "language", language)},
                                   {"selected", brief.language == language}});
  }
  std::string action = data.is_new ? Href(chrome, "/briefs/new")
                                   : Href(chrome, "/briefs/" + UrlEncode(brief.slug) + "/edit");
  std::string heading =
      data.is_new ? Text(chrome, "new_brief") : Text(chrome, "edit") + ": " + brief.title;
  mstch::map context{
      {"heading", heading},
      {"action", action},
      {"etag", data.etag},
      {"is_new", data.is_new},
      {"slug", brief.slug},
      {"title", brief.title},
      {"agency", brief.agency},
      {"authors", authors},
      {"date", brief.date},
      {"languages", languages},
      {"body", brief.body},
      {"doc_lang", brief.language},
      {"doc_dir", TextDirection(brief.language)},
      {"preview", data.preview},
      // markdown::RenderHtml is safe by construction (render_html.h).
      {"preview_html",
       data.preview ? markdown::RenderHtml(brief.body, {.link_suffix = ""}) : std::string()},
      {"error_title", data.error_title},
      {"error", data.error},
  };
  return RenderPage(chrome, "brief_editor", heading, std::move(context));
}

}  // namespace sijill::service::ui
