#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "service/ui/pages_internal.h"
#include "sijill/model/id.h"

namespace sijill::service::ui {

namespace {

// A facet shows its most frequent values; an active value is always shown (to remove it).
constexpr size_t kMaxFacetValues = 12;

using Filter = std::pair<std::string, std::string>;

bool IsActive(const SearchPageData& data, const Filter& filter) {
  const auto& filters = data.request.filters;
  return std::find(filters.begin(), filters.end(), filter) != filters.end();
}

// The search URL for the query with `filters` (paging starts over).
std::string SearchHref(const Chrome& chrome, const SearchPageData& data,
                       const std::vector<Filter>& filters, size_t offset = 0) {
  Params params;
  if (!data.request.query.empty()) params.emplace_back("q", data.request.query);
  for (const Filter& filter : filters) params.push_back(filter);
  if (offset > 0) params.emplace_back("offset", std::to_string(offset));
  return Href(chrome, "/search", params);
}

std::vector<Filter> Toggled(const SearchPageData& data, const Filter& filter) {
  std::vector<Filter> filters = data.request.filters;
  auto found = std::find(filters.begin(), filters.end(), filter);
  if (found != filters.end()) {
    filters.erase(found);
  } else {
    filters.push_back(filter);
  }
  return filters;
}

std::string FilterValueLabel(const Chrome& chrome, const SearchPageData& data,
                             const std::string& key, const std::string& value) {
  if (data.settings != nullptr && key == "addressee") {
    return SettingLabel(chrome, data.settings->FindAddressee(value), value);
  }
  if (data.settings != nullptr && key == "topic") {
    return SettingLabel(chrome, data.settings->FindTopic(value), value);
  }
  if (key == "status" || key == "kind" || key == "type" || key == "language") {
    return ValueLabel(chrome, key, value);
  }
  return value;
}

mstch::array Chips(const Chrome& chrome, const SearchPageData& data) {
  mstch::array chips;
  for (const Filter& filter : data.request.filters) {
    chips.push_back(mstch::map{
        {"key", filter.first},
        {"value", filter.second},
        {"facet_label", FacetLabel(chrome, filter.first)},
        {"label", FilterValueLabel(chrome, data, filter.first, filter.second)},
        {"remove_href", SearchHref(chrome, data, Toggled(data, filter))},
    });
  }
  return chips;
}

mstch::array Facets(const Chrome& chrome, const SearchPageData& data) {
  mstch::array facets;
  for (const std::string& key : index::FilterKeys()) {
    auto found = data.response.facets.find(key);
    if (found == data.response.facets.end() || found->second.empty()) continue;
    std::vector<std::pair<std::string, size_t>> values(found->second.begin(), found->second.end());
    std::stable_sort(values.begin(), values.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    mstch::array items;
    size_t shown = 0;
    for (const auto& [value, count] : values) {
      bool active = IsActive(data, {key, value});
      if (!active && shown >= kMaxFacetValues) continue;
      ++shown;
      items.push_back(mstch::map{
          {"label", FilterValueLabel(chrome, data, key, value)},
          {"count", std::to_string(count)},
          {"active", active},
          {"href", SearchHref(chrome, data, Toggled(data, {key, value}))},
      });
    }
    facets.push_back(mstch::map{{"label", FacetLabel(chrome, key)}, {"values", items}});
  }
  return facets;
}

// Where a hit leads: a record to its page, a paragraph to its anchor in the report.
std::string HitHref(const Chrome& chrome, const index::SearchHit& hit) {
  if (hit.kind == "recommendation") return Href(chrome, "/recommendations/" + UrlEncode(hit.id));
  if (hit.kind == "brief") return Href(chrome, "/briefs/" + UrlEncode(hit.id));
  if (hit.kind == "paragraph") {
    if (auto id = model::TryParseRecordId(hit.id)) {
      return Href(chrome, "/reports/" + UrlEncode(id->slug)) + "#" + id->rest;
    }
  }
  return Href(chrome, "/reports/" + UrlEncode(hit.id));
}

mstch::array Results(const Chrome& chrome, const SearchPageData& data) {
  mstch::array results;
  for (const index::SearchHit& hit : data.response.results) {
    results.push_back(mstch::map{
        {"href", HitHref(chrome, hit)},
        {"title", hit.title.empty() ? hit.id : hit.title},
        {"kind_label", KindLabel(chrome, hit.kind)},
        {"symbol", hit.symbol},
        {"paragraph", hit.paragraph ? std::to_string(*hit.paragraph) : std::string()},
        {"status", hit.status},
        {"status_label", StatusLabel(chrome, hit.status)},
        {"snippet", hit.snippet},  // escaped by the searcher, <mark> only (searcher.h)
    });
  }
  return results;
}

std::string Summary(const Chrome& chrome, const SearchPageData& data) {
  if (data.response.results.empty()) return "";
  std::string from = std::to_string(data.request.offset + 1);
  std::string to = std::to_string(data.request.offset + data.response.results.size());
  std::string total = std::to_string(data.response.total);
  if (chrome.English()) return "Results " + from + "–" + to + " of " + total;
  return "النتائج " + from + "–" + to + " من " + total;
}

}  // namespace

std::string RenderSearchPage(const Chrome& chrome, const SearchPageData& data) {
  const index::SearchRequest& request = data.request;
  size_t limit = std::max<size_t>(request.limit, 1);
  std::string prev_href;
  if (request.offset > 0) {
    prev_href = SearchHref(chrome, data, request.filters,
                           request.offset > limit ? request.offset - limit : 0);
  }
  std::string next_href;
  if (request.offset + data.response.results.size() < data.response.total) {
    next_href = SearchHref(chrome, data, request.filters, request.offset + limit);
  }
  mstch::array notes;
  for (const std::string& note : data.response.notes) notes.push_back(note);
  mstch::array chips = Chips(chrome, data);
  bool searched = !request.query.empty() || !request.filters.empty();
  mstch::map context{
      {"query", request.query},
      {"error", data.error},
      {"notes", notes},
      {"has_chips", !chips.empty()},
      {"chips", chips},
      {"facets", Facets(chrome, data)},
      {"summary", Summary(chrome, data)},
      {"results", Results(chrome, data)},
      {"no_results", searched && data.error.empty() && data.response.results.empty()},
      {"has_paging", !prev_href.empty() || !next_href.empty()},
      {"prev_href", prev_href},
      {"next_href", next_href},
  };
  std::string title = request.query.empty() ? Text(chrome, "search") : request.query;
  return RenderPage(chrome, "search", title, std::move(context));
}

}  // namespace sijill::service::ui
