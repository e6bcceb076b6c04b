// GET / and GET /search: the search page (facets, filters, snippets, paging) over the same
// index::Search as /api/search, with the same query parameters (api::SearchRequestFrom).
#include "service/api_internal.h"
#include "service/ui/ui_routes_internal.h"
#include "sijill/error.h"

namespace sijill::service::ui {

namespace {

Response SearchPage(const Request& request, Service& service) {
  Chrome chrome = ChromeFor(request, service);
  SearchPageData data;
  data.settings = &service.settings();
  int status = 200;
  try {
    data.request = api::SearchRequestFrom(request);
    data.response = service.Search(data.request);
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
  for (const char* path : {"/", "/search"}) {
    router.Add("GET", path,
               [&service](Request& request) { return SearchPage(request, service); });
  }
}

}  // namespace sijill::service::ui
