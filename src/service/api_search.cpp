// GET /api/search (DESIGN.md §5 ⚑: "same JSON as `search --json`") and GET /healthz.
#include <xapian.h>

#include <charconv>

#include "service/api_internal.h"
#include "service/search_cache_internal.h"
#include "sijill/error.h"
#include "sijill/service/api_routes.h"

namespace sijill::service {

namespace {

size_t NumberParam(const Request& request, const std::string& name, size_t fallback,
                   size_t min, size_t max) {
  std::string text = request.Query(name);
  if (text.empty()) return fallback;
  size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max)
    throw Error(Error::Kind::kInvalid, "'" + name + "' must be a whole number from " +
                                           std::to_string(min) + " to " + std::to_string(max));
  return value;
}

}  // namespace

index::SearchRequest api::SearchRequestFrom(const Request& request) {
  index::SearchRequest search;
  search.query = request.Query("q");
  search.similar = request.Query("similar");
  search.limit = NumberParam(request, "limit", 10, 1, kMaxSearchLimit);
  size_t page = NumberParam(request, "page", 0, 1, 100000);
  search.offset = page > 0 ? (page - 1) * search.limit
                           : NumberParam(request, "offset", 0, 0, 10000000);
  for (const std::string& key : index::FilterKeys()) {
    auto [first, last] = request.query.equal_range(key);
    for (auto it = first; it != last; ++it)
      if (!it->second.empty()) search.filters.emplace_back(key, it->second);
  }
  return search;
}

void AddSearchRoutes(Router& router, Service& service) {
  auto cache = std::make_shared<SearchCache>();
  router.Add("GET", "/api/search", [&service, cache](Request& request) {
    index::SearchRequest search = api::SearchRequestFrom(request);
    // Cached per commit: a write moves HEAD, so nothing stale is ever served.
    std::string head = service.repository().Head();
    std::string key = SearchCache::Key(search);
    if (std::optional<std::string> cached = cache->Get(head, key))
      return Response::Json(*cached);
    std::string body = index::ToJson(service.Search(search));
    cache->Put(head, key, body);
    return Response::Json(body);
  });
  router.Add(
      "GET", "/healthz",
      [&service](Request&) {
        try {
          service.CheckHealth();
        } catch (const Xapian::Error& error) {
          return Response::JsonError(503, "index: " + error.get_msg());
        } catch (const std::exception& error) {
          return Response::JsonError(503, error.what());
        }
        return api::JsonOk({{"ok", true},
                            {"commit", service.repository().Head()},
                            {"index", service.IndexedCommit()}});
      },
      {.open = true});
}

}  // namespace sijill::service
