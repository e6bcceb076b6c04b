// The parts of every UI response: the Chrome of a request, HTML responses, error pages and
// the checks on path-like parameters.
#include "service/ui/ui_routes_internal.h"
#include "sijill/error.h"
#include "sijill/model/id.h"
#include "sijill/text/slug.h"

namespace sijill::service::ui {

std::string LinkablePath(const std::string& path) {
  std::string out;
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) out += "/" + UrlEncode(std::string_view(path).substr(start, slash - start));
    start = slash + 1;
  }
  return out.empty() ? "/" : out;
}

Chrome ChromeFor(const Request& request, Service& service) {
  Chrome chrome;
  chrome.lang = request.lang == "en" ? "en" : "ar";
  chrome.path = LinkablePath(request.path);
  if (request.user) {
    chrome.user = request.user->name;
    chrome.role = RoleName(request.user->role);
  }
  chrome.can_follow_up = RoleAllows(request.role(), Role::kSecretariat);
  chrome.can_edit_briefs = RoleAllows(request.role(), Role::kIcat);
  chrome.csrf_token = request.csrf_token;
  chrome.site_title = service.settings().title;
  return chrome;
}

Response HtmlPage(std::string html, int status) {
  Response response = Response::Html(std::move(html), status);
  // A page shows the viewer's name and CSRF token: no shared cache may keep it.
  response.headers.emplace_back("Cache-Control", "private, no-cache");
  response.headers.emplace_back("Vary", "Cookie");
  return response;
}

Response ErrorPageResponse(const Request& request, Service& service, int status,
                           const std::string& message) {
  Chrome chrome = ChromeFor(request, service);
  // "Log in first": the login form itself, returning here afterwards.
  if (status == 401) {
    std::string next = request.method == "GET" ? chrome.path : "/";
    return HtmlPage(RenderLoginPage(chrome, next), 401);
  }
  return HtmlPage(RenderErrorPage(chrome, status, message), status);
}

std::string RecordIdParam(const Request& request) {
  std::string id = request.params.at("id");
  model::ParseRecordId(id);  // throws kInvalid → 400
  return id;
}

std::string SlugParam(const Request& request) {
  std::string slug = request.params.at("slug");
  if (!text::IsValidSlug(slug))
    throw Error(Error::Kind::kInvalid, "'" + model::QuoteForMessage(slug) + "' is not a slug");
  return slug;
}

std::string RecommendationHref(const Chrome& chrome, const std::string& id) {
  return Href(chrome, "/recommendations/" + UrlEncode(id));
}

}  // namespace sijill::service::ui
