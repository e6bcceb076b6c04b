// The web UI pages (issue 6 item 2), in src/service/ui/ (one route file per group of pages).
// App calls AddUiRoutes once, BEFORE adding the API and login routes: the first route that
// matches wins, so the UI's GET /login replaces the service's minimal form.
//
//   GET  / and /search?q=&<filter>=&offset=|page=   search: facets, filters, snippets, paging
//   GET  /reports/{slug}                            a report with paragraph anchors
//   GET  /recommendations/{id}                      record, history from git; for the
//                                                   secretariat the follow-up form with
//                                                   evidence suggestions
//   POST /recommendations/{id}/followup             form: csrf, if_match (the ETag), status,
//                                                   note, evidence (lines), evidence_pick;
//                                                   secretariat; 303 to the page, 412 with a
//                                                   banner and the typed form when stale
//   GET  /record                                    dashboard: SVG chart, downloads
//   GET  /briefs, /briefs/{slug}                    published briefs (drafts: icat, admin)
//   GET|POST /briefs/new, /briefs/{slug}/edit       icat editor: action=preview|draft|publish
//   GET  /static/sijill.css, GET /login             open even when anonymous read is off
// Every other non-/api path gets the HTML error page (404); a page that needs a login answers
// 401 with the login form. Add ?lang=en for the English interface (remembered in a cookie).
#pragma once

#include "sijill/service/router.h"
#include "sijill/service/service.h"

namespace sijill::service {

void AddUiRoutes(Router& router, Service& service);

}  // namespace sijill::service
