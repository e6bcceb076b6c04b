// GET /api/briefs, GET/PUT /api/briefs/{slug}: ICAT briefs, draft → published (issue 6 item 2,
// the writing side; model/brief.h). Drafts are seen only by icat and admin.
#include "service/api_internal.h"
#include "sijill/error.h"
#include "sijill/service/api_routes.h"

namespace sijill::service {

namespace {

bool SeesDrafts(const Request& request) { return RoleAllows(request.role(), Role::kIcat); }

nlohmann::ordered_json BriefJson(const model::Brief& brief, bool with_body) {
  nlohmann::ordered_json out = {{"slug", brief.slug},         {"title", brief.title},
                                {"agency", brief.agency},     {"authors", brief.authors},
                                {"date", brief.date},         {"language", brief.language},
                                {"status", brief.status}};
  if (with_body) out["body"] = brief.body;
  return out;
}

Response BriefResponse(const LoadedBrief& loaded, int status) {
  nlohmann::ordered_json out = BriefJson(loaded.brief, true);
  out["etag"] = loaded.etag;
  Response response = api::JsonOk(out, status);
  response.headers.emplace_back("ETag", api::QuoteEtag(loaded.etag));
  return response;
}

model::Brief BriefFrom(const nlohmann::json& body, const std::string& slug) {
  model::Brief brief;
  brief.slug = slug;
  brief.title = api::StringField(body, "title", true);
  brief.agency = api::StringField(body, "agency");
  brief.date = api::StringField(body, "date", true);
  std::string language = api::StringField(body, "language");
  if (!language.empty()) brief.language = language;
  std::string status = api::StringField(body, "status");
  if (!status.empty()) brief.status = status;
  brief.body = api::StringField(body, "body");
  auto authors = body.find("authors");
  if (authors != body.end() && !authors->is_null()) {
    if (!authors->is_array()) throw Error(Error::Kind::kInvalid, "'authors' must be a list");
    for (const nlohmann::json& author : *authors) {
      if (!author.is_string()) throw Error(Error::Kind::kInvalid, "each author must be a string");
      brief.authors.push_back(author.get<std::string>());
    }
  }
  return brief;
}

Response PutBrief(Service& service, Request& request) {
  const std::string& slug = request.params.at("slug");
  std::optional<LoadedBrief> current = service.LoadBrief(slug);
  std::optional<std::string> if_match = api::IfMatch(request);
  // Updating needs the ETag the editor saw (428 without it); creating must not claim one.
  if (current && (!if_match || if_match->empty() || *if_match == "*"))
    return Response::JsonError(428, "briefs/" + slug + ".md exists: send If-Match with its ETag");
  if (!current && if_match)
    return Response::JsonError(412, "briefs/" + slug + ".md does not exist");
  model::Brief brief = BriefFrom(api::ParseBody(request), slug);
  try {
    LoadedBrief saved = service.SaveBrief(brief, if_match.value_or(""), *request.user);
    Response response = BriefResponse(saved, current ? 200 : 201);
    if (!current) response.headers.emplace_back("Location", "/api/briefs/" + slug);
    return response;
  } catch (const Error& error) {
    if (error.kind() != Error::Kind::kConflict) throw;
    return Response::JsonError(412, error.what());
  }
}

}  // namespace

void AddBriefRoutes(Router& router, Service& service) {
  router.Add("GET", "/api/briefs", [&service](Request& request) {
    nlohmann::ordered_json briefs = nlohmann::ordered_json::array();
    for (const model::Brief& brief : service.Snapshot()->briefs)
      if (brief.Published() || SeesDrafts(request)) briefs.push_back(BriefJson(brief, false));
    return api::JsonOk({{"briefs", briefs}});
  });
  router.Add("GET", "/api/briefs/{slug}", [&service](Request& request) {
    const std::string& slug = request.params.at("slug");
    std::optional<LoadedBrief> loaded = service.LoadBrief(slug);
    // A draft is not acknowledged to exist for those who may not see it.
    if (!loaded || (!loaded->brief.Published() && !SeesDrafts(request)))
      throw Error(Error::Kind::kNotFound, "no brief '" + slug + "'");
    return BriefResponse(*loaded, 200);
  });
  router.Add(
      "PUT", "/api/briefs/{slug}",
      [&service](Request& request) { return PutBrief(service, request); },
      {.role = Role::kIcat, .csrf = true});
}

}  // namespace sijill::service
