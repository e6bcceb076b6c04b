#include <string>
#include <string_view>

#include "service/ui/render_internal.h"

namespace sijill::service::ui {

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                      (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' ||
                      byte == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 15]);
    }
  }
  return out;
}

std::string Href(const Chrome& chrome, std::string_view path, const Params& params) {
  std::string href(path);
  char separator = '?';
  auto add = [&](std::string_view key, std::string_view value) {
    href.push_back(separator);
    separator = '&';
    href += UrlEncode(key);
    href.push_back('=');
    href += UrlEncode(value);
  };
  for (const auto& [key, value] : params) add(key, value);
  if (chrome.English()) add("lang", "en");
  return href;
}

bool IsSafeExternalUrl(std::string_view url) {
  auto has_prefix = [&](std::string_view prefix) {
    if (url.size() <= prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  if (!has_prefix("http://") && !has_prefix("https://")) return false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return false;
  }
  return true;
}

}  // namespace sijill::service::ui
