#include "sijill/service/app.h"

#include "sijill/service/api_routes.h"
#include "sijill/service/ui_routes.h"

namespace sijill::service {

namespace {

// Issue 6 item 2: "no asset is loaded from outside the server".
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

void ChooseLanguage(Request& request, Response* remember) {
  std::string asked = request.Query("lang");
  if (asked == "en" || asked == "ar") {
    request.lang = asked;
    if (remember)
      remember->headers.emplace_back("Set-Cookie",
                                     "lang=" + asked + "; Path=/; SameSite=Lax; Max-Age=31536000");
    return;
  }
  std::string cookie = request.Cookie("lang");
  if (cookie == "en" || cookie == "ar") request.lang = cookie;
}

bool IsForm(const Request& request) {
  return request.Header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0;
}

void AddSecurityHeaders(Response& response) {
  response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  response.headers.emplace_back("Referrer-Policy", "same-origin");
}

}  // namespace

App::App(AppOptions options) {
  if (options.users_path.empty()) options.users_path = DefaultUsersPath(options.repo_root);
  service_ = std::make_unique<Service>(
      ServiceOptions{options.repo_root, options.db_path, options.before_write});
  auth_ = std::make_unique<Auth>(options.users_path);
  router_.set_anonymous_read(options.anonymous_read);
  // UI first: the first matching route wins, so the UI may replace GET /login.
  AddUiRoutes(router_, *service_);
  AddApiRoutes(router_, *service_);
  AddAuthRoutes(router_, *auth_);
}

Response App::Handle(Request& request) {
  // Behind a TLS-terminating proxy the session cookie must be Secure.
  if (request.Header("x-forwarded-proto") == "https") request.secure = true;
  if (IsForm(request) && request.form.empty()) request.form = ParseUrlEncoded(request.body);
  Response response;
  if (!auth_->Identify(request)) {
    response = router_.Error(request, 401, "invalid API token");
    response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"sijill\", error=\"invalid_token\"");
  } else {
    ChooseLanguage(request, nullptr);
    response = router_.Route(request);
    if (!request.Query("lang").empty()) {
      Response remember;
      ChooseLanguage(request, &remember);
      for (auto& header : remember.headers) response.headers.push_back(header);
    }
  }
  AddSecurityHeaders(response);
  return response;
}

}  // namespace sijill::service
