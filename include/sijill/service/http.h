// Transport-neutral HTTP request and response (docs: SERVICE-CONTRACT.md), so that handlers are
// plain functions testable without sockets. The Poco adapter (server.h) converts to and from
// these; tests build a Request by hand and call App::Handle or Router::Route.
// Plain values; not shared between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sijill::service {

// Roles of DESIGN.md §1 (sijill.yaml `roles`). Ordered for display only: admin may do
// everything, secretariat and icat each have their own writes (RoleAllows).
enum class Role { kAnonymous, kReader, kSecretariat, kIcat, kAdmin };

// "anonymous", "reader", "secretariat", "icat", "admin".
const char* RoleName(Role role);
// The inverse of RoleName for the four roles a user can have; nullopt otherwise.
std::optional<Role> ParseRole(std::string_view name);
// May someone with `have` use a route that needs `need`? kAnonymous: everyone; kReader: any
// logged-in user; kSecretariat / kIcat: that role or admin; kAdmin: admin.
bool RoleAllows(Role have, Role need);

struct User {
  std::string name;
  std::string email;
  Role role = Role::kReader;

  // "Name <email>", the git author of the user's commits (email `<name>@sijill.invalid` when
  // the users file has none).
  std::string Signature() const;
};

struct Request {
  std::string method, path;                       // path decoded, without query
  std::multimap<std::string, std::string> query;  // ?q=..&topic=a&topic=b
  std::map<std::string, std::string> headers;     // lower-case names
  std::string body;                               // already bounded by the server
  std::multimap<std::string, std::string> form;   // urlencoded POST body, decoded
  std::map<std::string, std::string> params;      // route params: {id}, {slug}
  std::optional<User> user;                       // nullopt = anonymous
  std::string csrf_token;                         // this session's token (embed in forms)
  std::string lang = "ar";                        // UI language: ?lang=en or cookie
  // Added by the service helper:
  bool bearer = false;   // authenticated by an API token (no CSRF check: no ambient cookie)
  bool secure = false;   // reached over TLS (X-Forwarded-Proto: https from the proxy)
  std::string client;    // remote address, for the login limiter and the access log

  std::string Query(const std::string& key, const std::string& fallback = "") const;
  std::string Form(const std::string& key, const std::string& fallback = "") const;
  // A header by lower-case name, "" when absent.
  std::string Header(const std::string& lower_name) const;
  // A cookie from the Cookie header, "" when absent.
  std::string Cookie(const std::string& name) const;
  Role role() const { return user ? user->role : Role::kAnonymous; }
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  static Response Html(std::string body, int status = 200);
  static Response Json(std::string body, int status = 200);
  static Response Redirect(const std::string& location);  // 303
  // {"error": message, "status": status} with that status.
  static Response JsonError(int status, const std::string& message);

  // The first header of that name (case-insensitive), "" when absent.
  std::string Header(std::string_view name) const;
};

// Escapes < > & " ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view text);

// Splits "a=1&b=x%20y+z" into decoded pairs (for query strings and urlencoded forms).
std::multimap<std::string, std::string> ParseUrlEncoded(std::string_view text);
// Decodes %XX (and '+' as space when `plus_is_space`); malformed escapes are kept as written.
std::string PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace sijill::service
