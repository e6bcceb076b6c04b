// GET / and GET /search: the search page (facets, filters, snippets, paging) over the same
// index::Search as /api/search, with the same query parameters (api::SearchRequestFrom).
#include "service/api_internal.h"
#include "service/search_cache_internal.h"
#include "service/ui/commit_cache_internal.h"
#include "service/ui/ui_routes_internal.h"
#include "sijill/error.h"

namespace sijill::service::ui {

namespace {

using ResponseCache = CommitCache<index::SearchResponse>;

// Answers are kept per commit (the home page and facet clicks repeat); the index is at HEAD.
index::SearchResponse CachedSearch(Service& service, ResponseCache& cache,
                                   const index::SearchRequest& search) {
  std::string head = service.repository().Head();
  std::string key = SearchCache::Key(search);
  if (std::optional<index::SearchResponse> cached = cache.Get(head, key)) return *cached;
  index::SearchResponse response = service.Search(search);
  cache.Put(head, key, response);
  return response;
}

Response SearchPage(const Request& request, Service& service, ResponseCache& cache) {
  Chrome chrome = ChromeFor(request, service);
  SearchPageData data;
  data.settings = &service.settings();
  int status = 200;
  try {
    data.request = api::SearchRequestFrom(request);
    data.response = CachedSearch(service, cache, data.request);
  } catch (const Error& error) {
    // A bad page number or filter: the page says what was wrong, with the form to fix it.
    if (error.kind() != Error::Kind::kInvalid && error.kind() != Error::Kind::kUsage) throw;
    data.error = error.what();
    status = 400;
  }
  return HtmlPage(RenderSearchPage(chrome, data), status);
}

}  // namespace

void AddSearchPages(Router& router, Service& service) {
  auto cache = std::make_shared<ResponseCache>();
  for (const char* path : {"/", "/search"}) {
    router.Add("GET", path, [&service, cache](Request& request) {
      return SearchPage(request, service, *cache);
    });
  }
}

}  // namespace sijill::service::ui
