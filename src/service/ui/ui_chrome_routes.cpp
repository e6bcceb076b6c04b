// GET /static/sijill.css, GET /favicon.ico (empty), the login page and the HTML error pages (unknown routes included).
#include "service/ui/ui_routes_internal.h"

namespace sijill::service::ui {

namespace {

Response Stylesheet() {
  Response response;
  response.content_type = "text/css; charset=utf-8";
  response.body = std::string(EmbeddedFile("sijill.css"));
  // Embedded in the binary: it changes only with a new build.
  response.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return response;
}

// The styled form; POST /login is the service's (auth_routes.cpp), which redirects back here
// with ?error=1 (wrong name or password) or answers 429 when the login limiter holds.
Response LoginPage(const Request& request, Service& service) {
  Chrome chrome = ChromeFor(request, service);
  std::string error;
  if (!request.Query("error").empty())
    error = request.Query("error") == "locked"
                ? Say(chrome, "محاولات كثيرة؛ انتظر ثم أعد المحاولة.",
                      "Too many attempts; wait and try again.")
                : Say(chrome, "الاسم أو كلمة المرور غير صحيحة.", "Wrong name or password.");
  Response response = HtmlPage(RenderLoginPage(chrome, request.Query("next", "/"), error));
  return response;
}

}  // namespace

void AddChromePages(Router& router, Service& service) {
  router.set_error_page([&service](const Request& request, int status, const std::string& message) {
    return ErrorPageResponse(request, service, status, message);
  });
  router.Add("GET", "/static/sijill.css", [](Request&) { return Stylesheet(); }, {.open = true});
  // Browsers ask for it on their own; "nothing" is an answer, a 404 would be a console error.
  router.Add(
      "GET", "/favicon.ico",
      [](Request&) {
        Response response;
        response.status = 204;
        response.content_type.clear();
        response.headers.emplace_back("Cache-Control", "public, max-age=86400");
        return response;
      },
      {.open = true});
  router.Add(
      "GET", "/login", [&service](Request& request) { return LoginPage(request, service); },
      {.open = true});
}

}  // namespace sijill::service::ui
