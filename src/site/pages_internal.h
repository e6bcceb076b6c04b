// The pages of the site, each as a job: its path, the key of what it is made from, and how to
// render it. Jobs are listed cheaply (keys from blob ids) and only rendered when their key
// changed (site.h "Incremental").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "sijill/store/repository.h"
#include "site/history_internal.h"
#include "site/model_internal.h"
#include "site/theme_internal.h"

namespace sijill::site::internal {

struct Page {
  std::string path;  // relative to the output directory
  uint64_t key = 0;
  std::function<std::string()> render;
};

struct Pages {
  const Model& model;
  const Theme& theme;
  store::Repository& repository;
  const RecordHistories& histories;
  const Output& previous;  // the output directory, with the manifest of the last build
  std::vector<Page> jobs;

  void Add(std::string path, uint64_t key, std::function<std::string()> render) {
    jobs.push_back({std::move(path), key, std::move(render)});
  }
};

// The context every page shares: lang, dir, root, title, site_title, t (strings), base_url,
// canonical. Not the commit: a page that shows it would change with every commit, so an
// incremental build could not equal a full one without rendering every page; the home page alone
// shows it (and its key has it).
mstch::map PageContext(const Model& model, const std::string& path, const std::string& language,
                       const std::string& title);
// One record as a line of a list: id, href, status, status_label, excerpt, lang, dir.
mstch::map RecordLine(const Model& model, size_t record, const std::string& root,
                      const std::string& language, size_t excerpt);
// Links of rendered Markdown to "<slug>.html": `prefix` + the link for reports of the corpus,
// the UN Official Document System (by the symbol in the link text) for the others.
std::string LinkCrossReferences(const Model& model, const std::string& html,
                                const std::string& prefix);
// The site's own language: the first of sijill.yaml's languages ("ar" by default).
std::string SiteLanguage(const Model& model);

// The first page of a list (ListPath of its first member's page).
std::string FirstListPage(const Model& model, const std::string& kind, const std::string& value,
                          const std::vector<size_t>& members);
// The title of a page from the theme's strings ({{t.<key>}}).
std::string Text(const std::string& key, const std::string& language);

void AddReportPages(Pages& pages);
void AddRecordPages(Pages& pages);
void AddBriefPages(Pages& pages);
void AddListPages(Pages& pages);
void AddHomePages(Pages& pages);  // home, reports index, lists index, 404
void AddFeeds(Pages& pages);
// After every other page is listed: sitemap.xml of the HTML pages.
void AddSitemap(Pages& pages);
void AddAssets(Pages& pages);
// search/: the offline search index (search_index.cpp). Its files are listed at once when the
// last build made them from the same inputs; else what is returned makes the index and lists
// its files in `pages` (most of a full build's analysis: the caller may run it beside the
// rendering of the other pages). `pages` must outlive the files' jobs.
std::function<void()> AddSearchIndex(Pages& pages);

}  // namespace sijill::site::internal
