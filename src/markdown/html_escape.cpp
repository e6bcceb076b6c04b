#include <algorithm>
#include <cctype>

#include "markdown/html_escape_internal.h"

namespace sijill::markdown {

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

bool IsDangerousUrl(const std::string& url) {
  std::string lower;
  for (char c : url) {
    // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    if (static_cast<unsigned char>(c) <= ' ') continue;
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  auto starts = [&](const char* prefix) { return lower.rfind(prefix, 0) == 0; };
  if (starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg") ||
      starts("data:image/webp"))
    return false;
  return starts("javascript:") || starts("vbscript:") || starts("file:") || starts("data:");
}

std::string RewriteReportLink(const std::string& url, const std::string& suffix) {
  size_t hash = url.find('#');
  std::string path = url.substr(0, hash);
  std::string fragment = hash == std::string::npos ? "" : url.substr(hash);
  bool relative = path.find(':') == std::string::npos && path.rfind("//", 0) != 0;
  if (!relative || path.size() <= 3 || path.compare(path.size() - 3, 3, ".md") != 0) return url;
  return path.substr(0, path.size() - 3) + suffix + fragment;
}

}  // namespace sijill::markdown
