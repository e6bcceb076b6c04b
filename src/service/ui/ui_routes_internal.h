// What the route files of the web UI share: the Chrome of a request, HTML responses, and the
// checks on path-like parameters. One file per group of pages (ui_routes.cpp lists them).
#pragma once

#include <string>
#include <string_view>

#include "service/ui/pages_internal.h"
#include "sijill/service/http.h"
#include "sijill/service/router.h"
#include "sijill/service/service.h"

namespace sijill::service::ui {

// ui_search_routes.cpp: GET / and /search.
void AddSearchPages(Router& router, Service& service);
// ui_report_routes.cpp: GET /reports/{slug}.
void AddReportPages(Router& router, Service& service);
// ui_record_routes.cpp: GET /recommendations/{id}, POST /recommendations/{id}/followup.
void AddRecommendationPages(Router& router, Service& service);
// ui_dashboard_routes.cpp: GET /record.
void AddDashboardPages(Router& router, Service& service);
// ui_brief_routes.cpp: /briefs, /briefs/{slug}, /briefs/new, /briefs/{slug}/edit.
void AddBriefPages(Router& router, Service& service);
// ui_chrome_routes.cpp: /static/sijill.css, GET /login and the HTML error pages.
void AddChromePages(Router& router, Service& service);

// The request's (decoded) path as a link back to it: each segment percent-encoded, empty
// segments dropped, so "/%2F%2Fevil.example" can never become the off-site link
// "//evil.example" in the language switch or the login's `next`.
std::string LinkablePath(const std::string& path);

// Who is looking and in which language, from the request (user, role, CSRF token, ?lang).
Chrome ChromeFor(const Request& request, Service& service);

// One of two strings by the interface language, for messages the templates do not carry.
inline std::string Say(const Chrome& chrome, std::string_view ar, std::string_view en) {
  return std::string(chrome.English() ? en : ar);
}

// A rendered page as a response; pages that depend on the viewer are never cached by others.
Response HtmlPage(std::string html, int status = 200);

// The error page with the layout (also what the Router shows for unknown routes).
Response ErrorPageResponse(const Request& request, Service& service, int status,
                           const std::string& message);

// The record id of {id}: throws Error kInvalid (→ 400) unless it is a well-formed record id,
// so "..", an absolute path or a percent-encoded slash never names a file.
std::string RecordIdParam(const Request& request);
// A slug of {slug} ([a-z0-9.-], DESIGN.md §1): throws kInvalid otherwise.
std::string SlugParam(const Request& request);

// The record page's link, keeping the interface language (a redirect target after a post).
std::string RecommendationHref(const Chrome& chrome, const std::string& id);

}  // namespace sijill::service::ui
