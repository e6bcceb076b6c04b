#include <string>
#include <vector>

#include "service/ui/pages_internal.h"
#include "sijill/markdown/render_html.h"
#include "sijill/model/id.h"

namespace sijill::service::ui {

namespace {

// Puts a link to the record right inside the element RenderHtml anchored as id="<rest>".
// The attribute is RenderHtml's own markup: paragraph text cannot produce it, since cmark
// escapes quotes in text as &quot;.
void LinkParagraph(std::string& html, const std::string& rest, const std::string& link) {
  std::string attribute = "id=\"" + rest + "\"";
  size_t at = html.find(attribute);
  if (at == std::string::npos) return;
  size_t tag_end = html.find('>', at);
  if (tag_end == std::string::npos) return;
  html.insert(tag_end + 1, link);
}

}  // namespace

std::string RenderReportPage(const Chrome& chrome, const markdown::Document& document,
                             const std::vector<const model::Recommendation*>& records) {
  const model::Report& report = document.report;
  // Links between reports ("<slug>.md") become "<slug>", relative to /reports/.
  std::string body_html = markdown::RenderHtml(report.body, {.link_suffix = ""});
  mstch::array items;
  for (const model::Recommendation* record : records) {
    std::string href = Href(chrome, "/recommendations/" + UrlEncode(record->id));
    std::string status_label = StatusLabel(chrome, record->status);
    if (auto id = model::TryParseRecordId(record->id)) {
      mstch::map link{{"href", href},
                      {"status", record->status},
                      {"label", Text(chrome, "open_record")},
                      {"status_label", status_label}};
      LinkParagraph(body_html, id->rest, RenderTemplate("record_link", link));
    }
    items.push_back(mstch::map{{"href", href},
                               {"paragraph", record->source.paragraph},
                               {"status", record->status},
                               {"status_label", status_label}});
  }
  const model::FrontMatter& meta = report.meta;
  mstch::map context{
      {"title", meta.title.empty() ? report.slug : meta.title},
      {"symbol", meta.symbol},
      {"type_label", meta.type.empty() ? std::string() : ValueLabel(chrome, "type", meta.type)},
      {"body", meta.body},
      {"date", meta.date},
      {"doc_lang", meta.language},
      {"doc_dir", TextDirection(meta.language)},
      {"has_records", !items.empty()},
      {"record_count", std::to_string(items.size())},
      {"records", items},
      {"body_html", body_html},  // markdown::RenderHtml: safe by construction
  };
  std::string title = meta.symbol.empty() ? report.slug : meta.symbol;
  return RenderPage(chrome, "report", title, std::move(context));
}

}  // namespace sijill::service::ui
