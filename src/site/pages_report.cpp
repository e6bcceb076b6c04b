// Report pages (reports/<slug>.html) and the shared page context.
#include <map>

#include "sijill/markdown/render_html.h"
#include "site/pages_internal.h"

namespace sijill::site::internal {

namespace {

// cmark-gfm gives a footnote referenced twice the same id="fnref-N" twice; an id must be
// unique for its anchor to work, so later ones become fnref-N-2, fnref-N-3, ...
std::string UniqueIds(const std::string& html) {
  static const std::string kId = " id=\"";
  std::map<std::string, int> seen;
  std::string out;
  out.reserve(html.size());
  size_t at = 0;
  for (size_t found; (found = html.find(kId, at)) != std::string::npos;) {
    size_t start = found + kId.size();
    size_t quote = html.find('"', start);
    if (quote == std::string::npos) break;
    std::string id = html.substr(start, quote - start);
    out.append(html, at, start - at);
    int n = ++seen[id];
    out += n == 1 ? id : id + "-" + std::to_string(n);
    at = quote;
  }
  out.append(html, at);
  return out;
}

}  // namespace

// RenderHtml turns the import's cross-references "[A/64/L.64](a-64-l.64.md)" into
// href="a-64-l.64.html". Reports that are not part of the corpus would be broken links: they
// point to the UN Official Document System instead, named by the link's own text (the symbol).
// Damaged sources also make links to nowhere ("[^star](ب)", a footnote reference without its
// note): those lose their link and keep their text, so no page of the site has a broken link.
std::string LinkCrossReferences(const Model& model, const std::string& html,
                                const std::string& prefix) {
  static const std::string kOpen = "<a href=\"";
  std::string out;
  out.reserve(html.size());
  size_t at = 0;
  for (size_t found; (found = html.find(kOpen, at)) != std::string::npos;) {
    size_t href = found + kOpen.size();
    size_t quote = html.find('"', href);
    size_t text = quote == std::string::npos ? quote : html.find('>', quote);
    size_t close = text == std::string::npos ? text : html.find("</a>", text);
    if (close == std::string::npos) break;
    std::string target = html.substr(href, quote - href);
    std::string label = html.substr(text + 1, close - text - 1);
    bool external = target.find("://") != std::string::npos || target.starts_with("mailto:");
    bool anchor = target.starts_with("#");
    bool local = !external && !anchor && target.ends_with(".html") &&
                 target.find_first_of("/:#") == std::string::npos;
    std::string slug = local ? target.substr(0, target.size() - 5) : "";
    bool known = local && model.report_by_slug.count(slug);
    bool dangling = anchor && html.find("id=\"" + target.substr(1) + "\"") == std::string::npos;
    if ((!external && !anchor && !local) || dangling) {
      out.append(html, at, found - at);
      out += label;  // no link: keep the text
      at = close + 4;
      continue;
    }
    out.append(html, at, href - at);
    if (local && !known && label.find('<') == std::string::npos)
      out += "https://undocs.org/" + label;
    else
      out += (local ? prefix : "") + target;
    at = quote;
  }
  out.append(html, at);
  return out;
}

namespace {

// The same document in other languages (the language switch): reports sharing the symbol.
const std::vector<size_t>* SameSymbol(const Model& model, size_t index) {
  const std::string& symbol = model.snapshot.reports[index].report.meta.symbol;
  auto it = model.reports_of_symbol.find(symbol);
  return symbol.empty() || it == model.reports_of_symbol.end() || it->second.size() < 2
             ? nullptr
             : &it->second;
}

mstch::array Alternates(const Model& model, size_t index, const std::string& root) {
  mstch::array out;
  if (const std::vector<size_t>* same = SameSymbol(model, index)) {
    for (size_t other : *same) {
      const model::Report& report = model.snapshot.reports[other].report;
      out.push_back(mstch::map{{"lang", report.meta.language},
                               {"href", root + ReportPath(report.slug)},
                               {"current", other == index}});
    }
  }
  return out;
}

std::string RenderReport(const Model& model, const Theme& theme, size_t index) {
  const markdown::Document& document = model.snapshot.reports[index];
  const model::Report& report = document.report;
  std::string path = ReportPath(report.slug);
  std::string root = RootOf(path);
  const std::string& language = report.meta.language;
  std::string title = report.meta.title.empty() ? report.meta.symbol : report.meta.title;
  mstch::map context = PageContext(model, path, language, title);
  mstch::array records;
  for (size_t r : model.report_records[index])
    records.push_back(RecordLine(model, r, root, language, 160));
  context.emplace("symbol", report.meta.symbol);
  context.emplace("type", report.meta.type);
  context.emplace("body", report.meta.body);
  context.emplace("date", report.meta.date);
  context.emplace("session", report.meta.session);
  context.emplace("agenda_item", report.meta.agenda_item);
  std::string html = UniqueIds(markdown::RenderHtml(model.ReportBody(index)));
  context.emplace("html", LinkCrossReferences(model, html, ""));
  context.emplace("records", std::move(records));
  context.emplace("has_records", !model.report_records[index].empty());
  context.emplace("alternates", Alternates(model, index, root));
  return theme.RenderPage("report", std::move(context));
}

}  // namespace

std::string SiteLanguage(const Model& model) {
  const auto& languages = model.snapshot.settings.languages;
  return languages.empty() ? "ar" : languages.front();
}

mstch::map PageContext(const Model& model, const std::string& path, const std::string& language,
                       const std::string& title) {
  std::string base = model.options.base_url;
  if (!base.empty() && !base.ends_with('/')) base += '/';
  std::string lang = language.empty() ? SiteLanguage(model) : language;
  const std::string& site_title = model.snapshot.settings.title;
  return mstch::map{
      {"lang", lang},
      {"dir", Dir(lang)},
      {"root", RootOf(path)},
      {"title", title},
      {"site_title", site_title.empty() ? std::string("sijill") : site_title},
      {"base_url", base},
      {"canonical", base.empty() ? std::string() : base + path},
  };
}

mstch::map RecordLine(const Model& model, size_t record, const std::string& root,
                      const std::string& language, size_t excerpt) {
  const model::Recommendation& r = model.snapshot.records[record];
  return mstch::map{
      {"id", r.id},
      {"href", root + RecordPath(r.id)},
      {"anchor", Anchor(r.id)},
      {"status", r.status},
      {"status_label", StatusLabel(r.status, language)},
      {"excerpt", Excerpt(model.RecordText(record), excerpt)},
      {"lang", r.language},
      {"dir", Dir(r.language)},
  };
}

void AddReportPages(Pages& pages) {
  const Model& model = pages.model;
  for (size_t i = 0; i < model.snapshot.reports.size(); ++i) {
    const markdown::Document& document = model.snapshot.reports[i];
    Key key;
    key.Add(model.base_key).Add(model.ReportKey(i));
    for (size_t r : model.report_records[i]) key.Add(model.RecordKey(r));
    if (const std::vector<size_t>* same = SameSymbol(model, i))
      for (size_t other : *same) key.Add(model.snapshot.reports[other].report.slug);
    const Theme& theme = pages.theme;
    pages.Add(ReportPath(document.report.slug), key.value(),
              [&model, &theme, i] { return RenderReport(model, theme, i); });
  }
}

}  // namespace sijill::site::internal
