#include "sijill/service/router.h"

#include <exception>
#include <iostream>

#include <xapian.h>

#include "sijill/error.h"

namespace sijill::service {

namespace {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Matches and fills `params`; a trailing slash is not a different route.
bool Match(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
           std::map<std::string, std::string>& params) {
  if (pattern.size() != path.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (IsParam(pattern[i]))
      found[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
    else if (pattern[i] != path[i])
      return false;
  }
  params = std::move(found);
  return true;
}

Response DefaultErrorPage(const Request& request, int status, const std::string& message) {
  bool ar = request.lang != "en";
  std::string html = std::string("<!doctype html>\n<html lang=\"") + (ar ? "ar" : "en") +
                     "\" dir=\"" + (ar ? "rtl" : "ltr") +
                     "\"><head><meta charset=\"utf-8\"><title>" + std::to_string(status) +
                     "</title></head><body><h1>" + std::to_string(status) + "</h1><p>" +
                     EscapeHtml(message) + "</p><p><a href=\"/\">sijill</a></p></body></html>\n";
  return Response::Html(html, status);
}

}  // namespace

bool IsApiPath(const std::string& path) {
  return path == "/api" || path.rfind("/api/", 0) == 0;
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  return diff == 0;
}

void Router::Add(std::string method, std::string pattern, Handler handler,
                 RouteOptions options) {
  routes_.push_back({std::move(method), SplitPath(pattern), std::move(handler), options});
}

Response Router::Error(const Request& request, int status, const std::string& message) const {
  if (IsApiPath(request.path)) return Response::JsonError(status, message);
  return error_page_ ? error_page_(request, status, message)
                     : DefaultErrorPage(request, status, message);
}

bool Router::CsrfOk(const Request& request) {
  if (request.bearer) return true;
  std::string sent = request.Form("csrf");
  if (sent.empty()) sent = request.Header("x-csrf-token");
  return !request.csrf_token.empty() && ConstantTimeEquals(sent, request.csrf_token);
}

Response Router::Route(Request& request) const {
  std::vector<std::string> path = SplitPath(request.path);
  bool other_method = false;
  for (const Entry& route : routes_) {
    std::map<std::string, std::string> params;
    if (!Match(route.segments, path, params)) continue;
    bool head_as_get = request.method == "HEAD" && route.method == "GET";
    if (route.method != request.method && !head_as_get) {
      other_method = true;
      continue;
    }
    request.params = std::move(params);
    return Dispatch(route, request);
  }
  if (other_method) return Error(request, 405, "method " + request.method + " not allowed here");
  return Error(request, 404, "no such page: " + request.path);
}

// The client learns only that something broke; the operator reads why on stderr.
Response Router::Internal(const Request& request, const std::string& why) const {
  std::cerr << "sijill serve: internal error on " << request.method << " " << request.path << ": "
            << why << std::endl;
  return Error(request, 500, "internal error");
}

Response Router::Dispatch(const Entry& route, Request& request) const {
  Role need = route.options.role;
  if (need == Role::kAnonymous && !anonymous_read_ && !route.options.open) need = Role::kReader;
  if (!RoleAllows(request.role(), need)) {
    if (!request.user) {
      Response response = Error(request, 401, "log in first");
      if (request.bearer || IsApiPath(request.path))
        response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"sijill\"");
      return response;
    }
    return Error(request, 403,
                 std::string("this needs the ") + RoleName(need) + " role; " + request.user->name +
                     " is " + RoleName(request.user->role));
  }
  if (route.options.csrf && !CsrfOk(request))
    return Error(request, 403, "missing or stale CSRF token; reload the form and try again");
  try {
    return route.handler(request);
  } catch (const sijill::Error& error) {
    return Error(request, HttpStatusFor(error.kind()), error.what());
  } catch (const std::exception& error) {
    return Internal(request, error.what());
  } catch (const Xapian::Error& error) {
    return Internal(request, "Xapian: " + error.get_description());
  } catch (...) {
    return Internal(request, "unknown exception");
  }
}

}  // namespace sijill::service
