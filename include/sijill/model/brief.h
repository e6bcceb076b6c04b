// An ICAT brief: briefs/<slug>.md, YAML front matter then a Markdown body (issue 7):
//   title, agency, authors (list), date (ISO 8601), language, status: draft | published.
// Only published briefs are shown to the public (site, anonymous readers of the service).
// Plain values; safe to copy and to share read-only between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sijill/error.h"

namespace sijill::model {

inline constexpr std::string_view kBriefStatuses[] = {"draft", "published"};

struct Brief {
  std::string slug;  // file name without .md
  std::string title;
  std::string agency;
  std::vector<std::string> authors;
  std::string date;  // ISO 8601
  std::string language = "ar";
  std::string status = "draft";
  std::string body;   // the Markdown after the closing '---'
  int body_line = 1;  // 1-based line of the file where the body starts

  bool Published() const { return status == "published"; }
  friend bool operator==(const Brief&, const Brief&) = default;
};

struct ParsedBrief {
  std::string path;
  Brief brief;
  Problems problems;    // file:line:column; unknown keys are warnings
  bool parsed = false;  // false when there is no front matter or it is not YAML
};

// `path` is "briefs/<slug>.md"; brief.slug is its file name without ".md". Never throws for bad
// data. Checks: required keys (title, date, status), status in kBriefStatuses, ISO date.
ParsedBrief ParseBrief(const std::string& path, std::string_view text);

// The file text: front matter in the key order above, then the body. ParseBrief(path,
// WriteBrief(b)).brief == b (with b.slug taken from the path, body_line from the text).
std::string WriteBrief(const Brief& brief);

}  // namespace sijill::model
