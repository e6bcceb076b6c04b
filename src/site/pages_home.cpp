// The home page, the indexes of reports, lists and briefs, and the 404 page.
#include <algorithm>

#include "site/pages_internal.h"

namespace sijill::site::internal {

namespace {

constexpr size_t kLatest = 10;

mstch::map ReportLine(const Model& model, size_t index, const std::string& root) {
  const model::Report& report = model.snapshot.reports[index].report;
  return mstch::map{{"title", report.meta.title.empty() ? report.meta.symbol : report.meta.title},
                    {"symbol", report.meta.symbol},
                    {"date", report.meta.date},
                    {"lang", report.meta.language},
                    {"dir", Dir(report.meta.language)},
                    {"count", std::to_string(model.report_records[index].size())},
                    {"href", root + ReportPath(report.slug)}};
}

mstch::map BriefLine(const model::Brief& brief, const std::string& root) {
  return mstch::map{{"title", brief.title},     {"agency", brief.agency},
                    {"date", brief.date},       {"lang", brief.language},
                    {"dir", Dir(brief.language)}, {"href", root + BriefPath(brief.slug)}};
}

// Every list kind with its values, labels, counts and first pages.
mstch::array ListIndex(const Model& model, const std::string& root, const std::string& language,
                       Key* key) {
  mstch::array kinds;
  for (const ListKind& list : model.lists) {
    mstch::array values;
    for (const auto& [value, members] : list.members) {
      std::string href = FirstListPage(model, list.name, value, members);
      if (key) key->Add(value).Add(members.size()).Add(href);
      values.push_back(mstch::map{{"label", ListLabel(model, list.name, value, language)},
                                  {"value", value},
                                  {"count", std::to_string(members.size())},
                                  {"href", root + href}});
    }
    kinds.push_back(mstch::map{{"name", list.name},
                               {"label", Text(list.name, language)},
                               {"values", std::move(values)},
                               {"is_status", list.name == "status"}});
  }
  return kinds;
}

void AddHome(Pages& pages) {
  const Model& model = pages.model;
  const Theme& theme = pages.theme;
  Key key;
  key.Add(model.base_key).Add(model.snapshot.commit);
  ListIndex(model, "", "", &key);
  size_t n = model.snapshot.reports.size();
  for (size_t i = n > kLatest ? n - kLatest : 0; i < n; ++i) key.Add(model.ReportKey(i));
  for (const model::Brief* brief : model.briefs) key.Add(brief->slug).Add(brief->title);
  pages.Add("index.html", key.value(), [&model, &theme] {
    std::string language = SiteLanguage(model);
    mstch::map context = PageContext(model, "index.html", language, Text("home", language));
    mstch::array latest;
    size_t n = model.snapshot.reports.size();
    for (size_t i = n; i > 0 && latest.size() < kLatest; --i)
      latest.push_back(ReportLine(model, i - 1, ""));
    mstch::array briefs;
    for (size_t i = model.briefs.size(); i > 0 && briefs.size() < kLatest; --i)
      briefs.push_back(BriefLine(*model.briefs[i - 1], ""));
    context.emplace("commit", model.snapshot.commit.substr(0, 12));
    context.emplace("is_home", true);
    context.emplace("latest", std::move(latest));
    context.emplace("briefs", std::move(briefs));
    context.emplace("has_briefs", !model.briefs.empty());
    context.emplace("lists", ListIndex(model, "", language, nullptr));
    context.emplace("reports_count", std::to_string(model.snapshot.reports.size()));
    context.emplace("records_count", std::to_string(model.snapshot.records.size()));
    return theme.RenderPage("home", std::move(context));
  });
}

void AddIndexes(Pages& pages) {
  const Model& model = pages.model;
  const Theme& theme = pages.theme;
  Key reports_key;
  reports_key.Add(model.base_key);
  for (size_t i = 0; i < model.snapshot.reports.size(); ++i)
    reports_key.Add(model.ReportKey(i)).Add(model.report_records[i].size());
  pages.Add("reports.html", reports_key.value(), [&model, &theme] {
    std::string language = SiteLanguage(model);
    mstch::map context = PageContext(model, "reports.html", language, Text("reports", language));
    mstch::array lines;
    for (size_t i = model.snapshot.reports.size(); i > 0; --i)
      lines.push_back(ReportLine(model, i - 1, ""));
    context.emplace("reports", std::move(lines));
    return theme.RenderPage("reports", std::move(context));
  });
  Key lists_key;
  lists_key.Add(model.base_key);
  ListIndex(model, "", "", &lists_key);
  pages.Add("lists.html", lists_key.value(), [&model, &theme] {
    std::string language = SiteLanguage(model);
    mstch::map context = PageContext(model, "lists.html", language, Text("lists", language));
    context.emplace("lists", ListIndex(model, "", language, nullptr));
    return theme.RenderPage("lists", std::move(context));
  });
  Key briefs_key;
  briefs_key.Add(model.base_key);
  for (const model::Brief* brief : model.briefs)
    briefs_key.Add(brief->slug).Add(brief->title).Add(brief->date).Add(brief->agency);
  pages.Add("briefs.html", briefs_key.value(), [&model, &theme] {
    std::string language = SiteLanguage(model);
    mstch::map context = PageContext(model, "briefs.html", language, Text("briefs", language));
    mstch::array lines;
    for (size_t i = model.briefs.size(); i > 0; --i)
      lines.push_back(BriefLine(*model.briefs[i - 1], ""));
    context.emplace("briefs", std::move(lines));
    return theme.RenderPage("briefs", std::move(context));
  });
  pages.Add("search.html", Key().Add(model.base_key).Add("search").value(), [&model, &theme] {
    std::string language = SiteLanguage(model);
    mstch::map context = PageContext(model, "search.html", language, Text("search", language));
    return theme.RenderPage("search", std::move(context));
  });
  pages.Add("404.html", Key().Add(model.base_key).Add("404").value(), [&model, &theme] {
    std::string language = SiteLanguage(model);
    mstch::map context = PageContext(model, "404.html", language, Text("not_found", language));
    // Served for any missing URL at any depth: links must not be relative to it.
    std::string base = model.options.base_url;
    if (!base.empty() && !base.ends_with('/')) base += '/';
    context["root"] = base;
    return theme.RenderPage("404", std::move(context));
  });
}

}  // namespace

void AddHomePages(Pages& pages) {
  AddHome(pages);
  AddIndexes(pages);
}

}  // namespace sijill::site::internal
