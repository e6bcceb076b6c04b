// Brief pages (briefs/<slug>.html) and the briefs index: published briefs only (issue 7).
#include "sijill/markdown/render_html.h"
#include "site/pages_internal.h"

namespace sijill::site::internal {

namespace {

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : "، ") + value;
  return out;
}

std::string RenderBrief(const Model& model, const Theme& theme, const model::Brief& brief) {
  std::string path = BriefPath(brief.slug);
  mstch::map context = PageContext(model, path, brief.language, brief.title);
  context.emplace("agency", brief.agency);
  context.emplace("authors", Join(brief.authors));
  context.emplace("date", brief.date);
  // A brief links reports as "<slug>.md", like a report does.
  std::string html = LinkCrossReferences(model, markdown::RenderHtml(brief.body), "../reports/");
  context.emplace("html", html);
  return theme.RenderPage("brief", std::move(context));
}

}  // namespace

void AddBriefPages(Pages& pages) {
  const Model& model = pages.model;
  const Theme& theme = pages.theme;
  for (const model::Brief* brief : model.briefs) {
    uint64_t key = Key().Add(model.base_key).Add(model.BlobOf("briefs/" + brief->slug + ".md")).value();
    pages.Add(BriefPath(brief->slug), key,
              [&model, &theme, brief] { return RenderBrief(model, theme, *brief); });
  }
}

}  // namespace sijill::site::internal
