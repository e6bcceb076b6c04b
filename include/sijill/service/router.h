// Routes: method + path pattern → handler, with the role and CSRF checks done here, once, so no
// handler can forget them (issue 6: "Every write checks the role server-side").
//
// Route() checks, in order: the route exists (else 404, JSON for /api, 405 when only the method
// differs), the role (401 anonymous / 403 too low), the CSRF token of csrf routes (403), then
// calls the handler. sijill::Error thrown by a handler is mapped with HttpStatusFor: a JSON
// error for /api and HTML otherwise; any other exception is a 500 that does not leak its text.
// Thread-safety: Add() before serving; Route() may then run concurrently.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sijill/service/http.h"

namespace sijill::service {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
  Role role = Role::kAnonymous;  // who may call it (RoleAllows)
  bool csrf = false;             // form POSTs: the session's CSRF token must come with it
  // Reachable even when anonymous read access is off (login, /healthz).
  bool open = false;
};

// Renders an error page for a non-/api path; the ui helper may install a styled one.
using ErrorPage = std::function<Response(const Request&, int status, const std::string& message)>;

class Router {
 public:
  // pattern segments: literal or {name}; {name} matches one non-empty segment (no '/').
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
  Response Route(Request& request) const;

  // false: routes with Role::kAnonymous need a reader unless they are `open` (default true).
  void set_anonymous_read(bool allowed) { anonymous_read_ = allowed; }
  bool anonymous_read() const { return anonymous_read_; }
  void set_error_page(ErrorPage page) { error_page_ = std::move(page); }

  // The error response for `request`'s path: JSON under /api, else the error page.
  Response Error(const Request& request, int status, const std::string& message) const;

  // The CSRF check: a form field `csrf` or an X-CSRF-Token header equal to the session's token
  // (compared in constant time). Bearer requests carry no ambient credentials and pass.
  static bool CsrfOk(const Request& request);

 private:
  struct Entry {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
    RouteOptions options;
  };
  Response Dispatch(const Entry& route, Request& request) const;
  Response Internal(const Request& request, const std::string& why) const;

  std::vector<Entry> routes_;
  bool anonymous_read_ = true;
  ErrorPage error_page_;
};

// True for "/api" and paths below it.
bool IsApiPath(const std::string& path);

// Compares two secrets in time independent of where they differ.
bool ConstantTimeEquals(const std::string& a, const std::string& b);

}  // namespace sijill::service
