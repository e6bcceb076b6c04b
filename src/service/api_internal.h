// Helpers shared by the API handlers.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "sijill/index/searcher.h"
#include "sijill/records/record_store.h"
#include "sijill/service/http.h"

namespace sijill::service {
class Router;
class Service;
// One per file: api_search.cpp (with /healthz), api_records.cpp, api_reports.cpp, api_briefs.cpp.
void AddSearchRoutes(Router& router, Service& service);
void AddRecordRoutes(Router& router, Service& service);
void AddReportRoutes(Router& router, Service& service);
void AddBriefRoutes(Router& router, Service& service);
void AddRecordDownloadRoutes(Router& router, Service& service);  // api_record_download.cpp
}  // namespace sijill::service

namespace sijill::service::api {

// The JSON body of a request; throws Error kInvalid "malformed JSON: <where and why>" or
// "the body must be a JSON object".
nlohmann::json ParseBody(const Request& request);

// A string member of `body` ("" when absent); kInvalid when present but not a string.
std::string StringField(const nlohmann::json& body, const char* name, bool required = false);

// `"<blob id>"` as sent in ETag headers.
std::string QuoteEtag(const std::string& etag);
// The ETag of an If-Match header, quotes and W/ removed; nullopt when the header is absent.
// "*" is returned as is (callers refuse it: it would defeat the lost-update check).
std::optional<std::string> IfMatch(const Request& request);

// The search of a request's query string (q, similar, limit, page|offset, one parameter per
// filter key), shared by /api/search and the search page; kInvalid for a bad number.
index::SearchRequest SearchRequestFrom(const Request& request);

// A record as HEAD has it, for a read: from the shared snapshot (parsed once per commit, shared
// by all threads) rather than the store, which reads and parses the file under the repository's
// lock on every call (bench/service-load measured 448 requests/s that way). A record the
// snapshot could not parse goes to the store, which names the problem. Throws as
// Service::LoadRecord.
records::LoadedRecord LoadForReading(Service& service, const std::string& id);

// JSON with invalid UTF-8 replaced rather than thrown.
std::string Dump(const nlohmann::ordered_json& document);
Response JsonOk(const nlohmann::ordered_json& document, int status = 200);

}  // namespace sijill::service::api
