#include "sijill/service/http.h"

#include <nlohmann/json.hpp>

#include <strings.h>

namespace sijill::service {

namespace {

constexpr std::pair<Role, const char*> kRoleNames[] = {
    {Role::kAnonymous, "anonymous"}, {Role::kReader, "reader"},
    {Role::kSecretariat, "secretariat"}, {Role::kIcat, "icat"},
    {Role::kAdmin, "admin"},
};

std::string Lookup(const std::multimap<std::string, std::string>& map, const std::string& key,
                   const std::string& fallback) {
  auto it = map.find(key);
  return it == map.end() ? fallback : it->second;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

const char* RoleName(Role role) {
  for (const auto& [value, name] : kRoleNames)
    if (value == role) return name;
  return "anonymous";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [value, role_name] : kRoleNames)
    if (name == role_name && value != Role::kAnonymous) return value;
  return std::nullopt;
}

bool RoleAllows(Role have, Role need) {
  switch (need) {
    case Role::kAnonymous:
      return true;
    case Role::kReader:
      return have != Role::kAnonymous;
    default:
      return have == need || have == Role::kAdmin;
  }
}

std::string User::Signature() const {
  return name + " <" + (email.empty() ? name + "@sijill.invalid" : email) + ">";
}

std::string Request::Query(const std::string& key, const std::string& fallback) const {
  return Lookup(query, key, fallback);
}

std::string Request::Form(const std::string& key, const std::string& fallback) const {
  return Lookup(form, key, fallback);
}

std::string Request::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

std::string Request::Cookie(const std::string& name) const {
  const std::string header = Header("cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    size_t semi = rest.find(';');
    std::string_view pair = Trim(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name)
      return std::string(pair.substr(eq + 1));
  }
  return "";
}

Response Response::Html(std::string body, int status) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

Response Response::Json(std::string body, int status) {
  Response response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  response.body = std::move(body);
  return response;
}

Response Response::Redirect(const std::string& location) {
  Response response;
  response.status = 303;
  response.headers.emplace_back("Location", location);
  return response;
}

Response Response::JsonError(int status, const std::string& message) {
  nlohmann::ordered_json body = {{"error", message}, {"status", status}};
  // Invalid UTF-8 in a message (e.g. an id from the URL) is replaced, never a second error.
  return Json(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), status);
}

std::string Response::Header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0)
      return value;
  return "";
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::multimap<std::string, std::string> ParseUrlEncoded(std::string_view text) {
  std::multimap<std::string, std::string> out;
  while (!text.empty()) {
    size_t amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key = PercentDecode(pair.substr(0, eq), true);
    std::string value =
        eq == std::string_view::npos ? "" : PercentDecode(pair.substr(eq + 1), true);
    out.emplace(std::move(key), std::move(value));
  }
  return out;
}

}  // namespace sijill::service
