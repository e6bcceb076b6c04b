// The JSON API of DESIGN.md §5 ⚑ and the login/logout handlers.
//
//   GET  /healthz                                 200 {"ok":true,"commit","index"} or 503
//   GET  /api/search?q=&<filter>=&offset=|page=&limit=&similar=   ⚑ search --json
//   GET  /api/recommendations/{id}                record JSON + ETag: "<blob id>"
//   POST /api/recommendations/{id}/followup       {status, note, evidence[]}; secretariat;
//                                                 If-Match required (428), stale 412, 201
//   GET  /api/recommendations/{id}/history        {"id","history":[...]} as `history --json`
//   GET  /api/reports                             {"reports":[{slug,symbol,title,...}]}
//   GET  /api/reports/{slug}                      report metadata, paragraphs, records
//   GET  /api/record?format=md|html|csv|docx         the consolidated record (400 names the formats)
//   GET  /api/briefs                              published briefs (drafts too for icat/admin)
//   GET  /api/briefs/{slug}                       the brief + ETag
//   PUT  /api/briefs/{slug}                       icat; create (no If-Match) or update (If-Match)
//   GET  /api/session                            {"user","role","csrf"} (csrf: for X-CSRF-Token)
//   POST /login (form: name, password, next)      session cookie, 303 to next
//   GET|POST /logout                              clears the session, 303 to /
#pragma once

#include "sijill/service/auth.h"
#include "sijill/service/router.h"
#include "sijill/service/service.h"

namespace sijill::service {

void AddApiRoutes(Router& router, Service& service);
void AddAuthRoutes(Router& router, Auth& auth);

// Largest page of search results one request may ask for.
inline constexpr size_t kMaxSearchLimit = 100;

}  // namespace sijill::service
