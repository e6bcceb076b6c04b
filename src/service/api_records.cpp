// GET /api/recommendations/{id}, POST …/followup, GET …/history (DESIGN.md §5 ⚑).
#include "service/api_internal.h"
#include "sijill/error.h"
#include "sijill/model/id.h"
#include "sijill/model/record_json.h"
#include "sijill/records/history_json.h"
#include "sijill/service/api_routes.h"

namespace sijill::service {

namespace {

// Ids come from the URL: only a well-formed record id ever reaches the store, so "..",
// "%2e%2e" or an absolute path cannot name a file outside recommendations/ (issue 6 item 5).
std::string RecordIdParam(const Request& request) {
  std::string id = request.params.at("id");
  model::ParseRecordId(id);  // throws kInvalid → 400
  return id;
}

Response RecordResponse(const records::LoadedRecord& loaded, int status) {
  nlohmann::ordered_json document = model::ToJson(loaded.record);
  document["etag"] = loaded.etag;
  document["commit"] = loaded.commit;
  Response response = api::JsonOk(document, status);
  response.headers.emplace_back("ETag", api::QuoteEtag(loaded.etag));
  return response;
}

model::Evidence EvidenceFrom(const nlohmann::json& item) {
  if (item.is_string()) {
    std::optional<model::Evidence> evidence = model::ParseEvidence(item.get<std::string>());
    if (!evidence)
      throw Error(Error::Kind::kInvalid,
                  "evidence must be SYMBOL#pN, SYMBOL#annex.pN or an http(s) URL, not '" +
                      model::QuoteForMessage(item.get<std::string>()) + "'");
    return *evidence;
  }
  if (!item.is_object())
    throw Error(Error::Kind::kInvalid, "each evidence item must be a string or an object");
  std::string url = api::StringField(item, "url");
  std::string text = !url.empty() ? url
                                  : api::StringField(item, "symbol", true) + "#p" +
                                        api::StringField(item, "paragraph", true);
  // "annex.15" as a paragraph is written SYMBOL#annex.p15.
  if (url.empty() && text.find("#pannex.") != std::string::npos)
    text.replace(text.find("#pannex."), 8, "#annex.p");
  return EvidenceFrom(nlohmann::json(text));
}

records::FollowUpRequest FollowUpFrom(const nlohmann::json& body) {
  records::FollowUpRequest request;
  request.status = api::StringField(body, "status", true);
  request.note = api::StringField(body, "note");
  request.date = api::StringField(body, "date");
  auto evidence = body.find("evidence");
  if (evidence != body.end() && !evidence->is_null()) {
    if (!evidence->is_array()) throw Error(Error::Kind::kInvalid, "'evidence' must be a list");
    for (const nlohmann::json& item : *evidence) request.evidence.push_back(EvidenceFrom(item));
  }
  return request;
}

Response PostFollowUp(Service& service, Request& request) {
  std::string id = RecordIdParam(request);
  // Issue 6 item 4: "writes need If-Match; a stale one gets 412 and changes nothing".
  std::optional<std::string> if_match = api::IfMatch(request);
  if (!if_match || if_match->empty() || *if_match == "*")
    return Response::JsonError(428, "send If-Match with the record's ETag (from GET " +
                                        std::string("/api/recommendations/") + id + ")");
  records::FollowUpRequest followup = FollowUpFrom(api::ParseBody(request));
  followup.if_match = *if_match;
  try {
    records::LoadedRecord updated = service.AddFollowUp(id, followup, *request.user);
    Response response = RecordResponse(updated, 201);
    response.headers.emplace_back("Location", "/api/recommendations/" + id);
    return response;
  } catch (const Error& error) {
    if (error.kind() != Error::Kind::kConflict) throw;
    return Response::JsonError(412, error.what());
  }
}

}  // namespace

namespace api {

// Reads come from the snapshot of HEAD (parsed once per commit, shared by all threads) rather
// than from the store, which reads and parses the file under the repository's lock on every
// call: bench/service-load measured 448 requests/s that way. A record the snapshot could not
// parse goes to the store, which names the problem.
records::LoadedRecord LoadForReading(Service& service, const std::string& id) {
  std::shared_ptr<const records::Snapshot> snapshot = service.Snapshot();
  const model::Recommendation* record = snapshot->FindRecord(id);
  std::string path = model::RecordPath(id);
  auto blob = snapshot->blob_ids.find(path);
  if (!record || blob == snapshot->blob_ids.end()) return service.LoadRecord(id);
  return records::LoadedRecord{*record, path, "", blob->second, snapshot->commit};
}

}  // namespace api

void AddRecordRoutes(Router& router, Service& service) {
  router.Add("GET", "/api/recommendations/{id}", [&service](Request& request) {
    return RecordResponse(api::LoadForReading(service, RecordIdParam(request)), 200);
  });
  router.Add(
      "POST", "/api/recommendations/{id}/followup",
      [&service](Request& request) { return PostFollowUp(service, request); },
      {.role = Role::kSecretariat, .csrf = true});
  router.Add("GET", "/api/recommendations/{id}/history", [&service](Request& request) {
    std::string id = RecordIdParam(request);
    return api::JsonOk(records::HistoryToJson(id, service.History(id)));
  });
}

}  // namespace sijill::service
