// GET/POST /login and POST /logout. The form here is deliberately plain; the ui helper's
// pages may replace GET /login (ui_routes.h: UI routes are added first and win).
#include "sijill/service/api_routes.h"

#include <nlohmann/json.hpp>

namespace sijill::service {

namespace {

// Only a path on this server: "/x" but not "//evil.example" or "/\evil" (open redirects).
std::string SafeNext(const std::string& next) {
  if (next.size() < 1 || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\')))
    return "/";
  for (char c : next)
    if (static_cast<unsigned char>(c) < 0x20) return "/";
  return next;
}

std::string UrlEncode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Response LoginForm(const Request& request) {
  bool en = request.lang == "en";
  std::string error = request.Query("error");
  std::string message = error.empty()   ? ""
                        : error == "locked" ? (en ? "Too many attempts; wait and try again."
                                                  : "محاولات كثيرة؛ انتظر ثم أعد المحاولة.")
                                        : (en ? "Wrong name or password." : "الاسم أو كلمة المرور غير صحيحة.");
  std::string html =
      std::string("<!doctype html>\n<html lang=\"") + (en ? "en\" dir=\"ltr" : "ar\" dir=\"rtl") +
      "\"><head><meta charset=\"utf-8\"><title>" + (en ? "Log in" : "تسجيل الدخول") +
      "</title></head><body><h1>" + (en ? "Log in" : "تسجيل الدخول") + "</h1>" +
      (message.empty() ? "" : "<p role=\"alert\">" + message + "</p>") +
      "<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"next\" value=\"" +
      EscapeHtml(SafeNext(request.Query("next", "/"))) + "\"><p><label>" + (en ? "Name" : "الاسم") +
      " <input name=\"name\" autocomplete=\"username\" required></label></p><p><label>" +
      (en ? "Password" : "كلمة المرور") +
      " <input type=\"password\" name=\"password\" autocomplete=\"current-password\" "
      "required></label></p><p><button>" +
      (en ? "Log in" : "دخول") + "</button></p></form></body></html>\n";
  return Response::Html(html);
}

Response PostLogin(Auth& auth, Request& request) {
  std::string next = SafeNext(request.Form("next", "/"));
  Auth::LoginResult result =
      auth.Login(request.Form("name"), request.Form("password"), request.client);
  if (result.retry_after > 0) {
    // The form again, saying why, with the wait in Retry-After.
    Request again = request;
    again.query = {{"error", "locked"}, {"next", next}};
    Response response = LoginForm(again);
    response.status = 429;
    response.headers.emplace_back("Retry-After", std::to_string(result.retry_after));
    return response;
  }
  if (!result.user) return Response::Redirect("/login?error=1&next=" + UrlEncode(next));
  Response response = Response::Redirect(next);
  // A new session id at every login: an id planted before login never becomes a session.
  response.headers.emplace_back(
      "Set-Cookie", auth.StartSession(*result.user, request.Cookie(kSessionCookie), request.secure));
  return response;
}

Response Logout(Auth& auth, Request& request) {
  Response response = Response::Redirect("/");
  response.headers.emplace_back("Set-Cookie",
                                auth.EndSession(request.Cookie(kSessionCookie), request.secure));
  return response;
}

// Who am I, and the CSRF token a script using the session cookie must send as X-CSRF-Token.
Response Session(const Request& request) {
  nlohmann::ordered_json out = {
      {"user", request.user ? nlohmann::ordered_json(request.user->name) : nullptr},
      {"role", RoleName(request.role())},
      {"csrf", request.csrf_token.empty() ? nlohmann::ordered_json()
                                          : nlohmann::ordered_json(request.csrf_token)}};
  Response response = Response::Json(out.dump());
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace

void AddAuthRoutes(Router& router, Auth& auth) {
  router.Add("GET", "/login", [](Request& request) { return LoginForm(request); }, {.open = true});
  // No CSRF token before there is a session; the new session id defeats login fixation.
  router.Add("POST", "/login", [&auth](Request& request) { return PostLogin(auth, request); },
             {.open = true});
  router.Add("GET", "/api/session", [](Request& request) { return Session(request); },
             {.open = true});
  // POST only, with the session's CSRF token: otherwise any page a user visits could end their
  // session (an <img src="/logout"> or a cross-site form), and a half-typed follow-up with it.
  router.Add("POST", "/logout", [&auth](Request& request) { return Logout(auth, request); },
             {.csrf = true, .open = true});
}

}  // namespace sijill::service
