// Atom feeds (feeds/reports.xml, feeds/status.xml, feeds/briefs.xml), sitemap.xml and the
// theme's assets. Atom wants absolute links: with --base-url they are; without, they are
// relative to the feed (xml:base) and ids are urn:sijill:<id>.
#include <algorithm>

#include "site/pages_internal.h"

namespace sijill::site::internal {

namespace {

constexpr size_t kFeedEntries = 50;

struct Entry {
  std::string id;
  std::string title;
  std::string path;  // relative to the root
  std::string date;  // ISO date
  std::string summary;
};

std::string Updated(const std::string& date) {
  return (date.size() >= 10 ? date.substr(0, 10) : std::string("1970-01-01")) + "T00:00:00Z";
}

void AddFeed(Pages& pages, const std::string& name, const std::string& title_key,
             std::vector<Entry> entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.date > b.date; });
  if (entries.size() > kFeedEntries) entries.resize(kFeedEntries);
  const Model& model = pages.model;
  const Theme& theme = pages.theme;
  Key key;
  key.Add(model.base_key);
  for (const Entry& e : entries) key.Add(e.id).Add(e.title).Add(e.date).Add(e.summary);
  std::string path = "feeds/" + name + ".xml";
  pages.Add(path, key.value(), [&model, &theme, entries, path, title_key] {
    std::string language = SiteLanguage(model);
    mstch::map context = PageContext(model, path, language, Text(title_key, language));
    std::string base = boost::get<std::string>(context["base_url"]);
    std::string prefix = base.empty() ? RootOf(path) : base;
    mstch::array items;
    for (const Entry& e : entries)
      items.push_back(mstch::map{{"id", "urn:sijill:" + e.id},
                                 {"title", e.title},
                                 {"href", prefix + e.path},
                                 {"updated", Updated(e.date)},
                                 {"summary", e.summary}});
    context.emplace("feed_id", "urn:sijill:feed:" + path);
    context.emplace("self", prefix + path.substr(path.find('/') + 1));
    context.emplace("home", prefix + "index.html");
    context.emplace("updated", Updated(entries.empty() ? "" : entries.front().date));
    context.emplace("entries", std::move(items));
    return theme.Render("atom", mstch::node(std::move(context)));
  });
}

}  // namespace

void AddFeeds(Pages& pages) {
  const Model& model = pages.model;
  const std::string language = SiteLanguage(model);
  std::vector<Entry> reports;
  for (const markdown::Document& document : model.snapshot.reports) {
    const model::Report& r = document.report;
    reports.push_back({r.slug, r.meta.title.empty() ? r.meta.symbol : r.meta.title,
                       ReportPath(r.slug), r.meta.date, r.meta.symbol});
  }
  AddFeed(pages, "reports", "feed_reports", std::move(reports));
  std::vector<Entry> changes;
  for (const model::Recommendation& record : model.snapshot.records) {
    for (size_t i = 0; i < record.followup.size(); ++i) {
      const model::FollowUp& f = record.followup[i];
      changes.push_back({record.id + "#" + std::to_string(i + 1),
                         record.id + ": " + StatusLabel(f.status, language), RecordPath(record.id),
                         f.date, f.note});
    }
  }
  AddFeed(pages, "status", "feed_status", std::move(changes));
  std::vector<Entry> briefs;
  for (const model::Brief* b : model.briefs)
    briefs.push_back({"brief:" + b->slug, b->title, BriefPath(b->slug), b->date, b->agency});
  AddFeed(pages, "briefs", "feed_briefs", std::move(briefs));
}

void AddSitemap(Pages& pages) {
  const Model& model = pages.model;
  const Theme& theme = pages.theme;
  auto listed = [](const std::string& path) { return path.ends_with(".html") && path != "404.html"; };
  // Keyed on the pages in the order they are listed (the same pages are listed in the same
  // order): copying and sorting 127,000 paths on every build, to hash them, was wasted on the
  // builds (nearly all) that do not render the sitemap. The pages are sorted when it is.
  Key key;
  key.Add(model.base_key);
  for (const Page& page : pages.jobs)
    if (listed(page.path)) key.Add(page.path);
  const std::vector<Page>* jobs = &pages.jobs;  // not changed while pages are rendered
  pages.Add("sitemap.xml", key.value(), [&model, &theme, jobs, listed] {
    std::vector<std::string_view> paths;
    for (const Page& page : *jobs)
      if (listed(page.path)) paths.push_back(page.path);
    std::sort(paths.begin(), paths.end());
    mstch::map context = PageContext(model, "sitemap.xml", "", "");
    std::string base = boost::get<std::string>(context["base_url"]);
    mstch::array urls;
    urls.reserve(paths.size());
    size_t size = 0;  // of the locations, to reserve the output once
    for (std::string_view path : paths) {
      std::string loc = base;
      loc.append(path);
      size += loc.size() + 32;
      urls.push_back(mstch::map{{"loc", std::move(loc)}});
    }
    context.emplace("urls", std::move(urls));
    // Moved into one node: a mstch::map passed as a node is copied whole, 127,000 maps of
    // urls at 20,000 reports.
    mstch::node node(std::move(context));
    std::string out;
    out.reserve(size + 4096);
    theme.Render("sitemap", node, out);
    return out;
  });
}

void AddAssets(Pages& pages) {
  for (const auto& [path, bytes] : pages.theme.assets()) {
    const std::string* content = &bytes;
    pages.Add(path, Key().Add(path).Add(bytes).value(), [content] { return *content; });
  }
}

}  // namespace sijill::site::internal
