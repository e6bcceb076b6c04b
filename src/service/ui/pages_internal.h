// The pages of the web UI as pure functions: plain data in, a whole HTML document out. The
// routes (ui_routes.cpp) fetch the data from the Service and wrap the result in a Response;
// the unit tests call these directly (tests/unit/service/ui_*_test.cpp).
// Every page: <html lang="ar" dir="rtl"> (lang="en" dir="ltr" for ?lang=en), readable without
// JavaScript, nothing loaded from outside the server (render_internal.h has the escaping rule).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "service/ui/render_internal.h"
#include "sijill/index/searcher.h"
#include "sijill/markdown/document.h"
#include "sijill/model/brief.h"
#include "sijill/model/recommendation.h"
#include "sijill/model/settings.h"
#include "sijill/records/record_store.h"
#include "sijill/records/snapshot.h"

namespace sijill::service::ui {

// "/" and "/search?q=…&topic=…&offset=…": the form, active filters, facets with counts (links
// that add or remove one filter), the hits with their highlighted snippets, paging.
struct SearchPageData {
  index::SearchRequest request;
  index::SearchResponse response;
  const model::Settings* settings = nullptr;  // labels of addressees and topics; may be null
  std::string error;  // a request the searcher refused, shown instead of results
};
std::string RenderSearchPage(const Chrome& chrome, const SearchPageData& data);

// "/reports/{slug}": the report rendered by markdown::RenderHtml with its id="p<N>" anchors;
// every paragraph that has a record links to /recommendations/{id}.
std::string RenderReportPage(const Chrome& chrome, const markdown::Document& document,
                             const std::vector<const model::Recommendation*>& records);

// One piece of evidence a person may confirm (index/suggest.h when available).
struct EvidenceSuggestion {
  std::string evidence;  // "SYMBOL#pN", as the follow-up form's evidence field takes it
  std::string snippet;   // plain text (escaped by the template)
  double score = 0;
};

// What the secretariat typed, put back into the form after a refused post (nothing is lost).
struct FollowUpForm {
  std::string status;  // empty: the record's current status is preselected
  std::string note;
  std::string evidence;                // one "SYMBOL#pN" or URL per line
  std::vector<std::string> confirmed;  // ticked suggestions
};

// "/recommendations/{id}": text, status, source, addressees, modality, topics, follow-up with
// evidence links, the history timeline from git; the follow-up form for the secretariat.
struct RecommendationPageData {
  records::LoadedRecord record;
  std::vector<records::HistoryEntry> history;  // newest first
  const model::Settings* settings = nullptr;
  std::string report_title;  // the source report's title, when known
  std::vector<EvidenceSuggestion> suggestions;
  FollowUpForm form;
  std::string error_title;  // a banner above the form (stale ETag, invalid status)
  std::string error;
};
std::string RenderRecommendationPage(const Chrome& chrome, const RecommendationPageData& data);

// "/record": counts of records per status as an inline SVG bar chart and a table, the reports
// with their number of records, and the consolidated record's downloads.
std::string RenderDashboardPage(const Chrome& chrome, const records::Snapshot& snapshot);

// "/briefs": published briefs (drafts too for those who may edit them).
std::string RenderBriefListPage(const Chrome& chrome, const std::vector<model::Brief>& briefs);
// "/briefs/{slug}": one brief, its Markdown rendered.
std::string RenderBriefPage(const Chrome& chrome, const model::Brief& brief);

// "/briefs/new" and "/briefs/{slug}/edit": the ICAT editor. Buttons post `action` = preview,
// draft or publish; the preview is the body rendered by markdown::RenderHtml.
struct BriefEditorData {
  model::Brief brief;
  bool is_new = true;
  std::string etag;  // the brief's blob id, sent back as if_match; empty for a new brief
  bool preview = false;
  std::string error_title;
  std::string error;
};
std::string RenderBriefEditorPage(const Chrome& chrome, const BriefEditorData& data);

// "GET /login": the form the service's POST /login reads (username, password, next, CSRF).
std::string RenderLoginPage(const Chrome& chrome, const std::string& next,
                            const std::string& error = "");

// 403, 404, 412, … as a page with the layout.
std::string RenderErrorPage(const Chrome& chrome, int status, const std::string& message);

}  // namespace sijill::service::ui
