// A report: corpus/<slug>.md or briefs/<slug>.md, YAML front matter then a Markdown body
// (DESIGN.md §1 ⚑). Plain values; safe to copy and to share read-only between threads.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sijill::model {

struct FrontMatter {
  std::string symbol;  // may be empty when unconfirmed (see symbol_confidence)
  std::string title;
  std::string type;  // report | secretariat-report | resolution | brief | ...
  std::string body;
  std::string date;  // ISO 8601
  std::string language = "ar";
  std::string session;
  std::string agenda_item;
  std::string source;
  std::string symbol_confidence;  // "confirmed" (default when a symbol is set) | "provisional"
  // Page headers/footers the importer removed from the body (docs/repository-format.md).
  std::vector<std::string> furniture;
  // Any other scalar key (distribution, original_language, job_number, order_unverified, ...),
  // kept so that nothing a person wrote is lost.
  std::map<std::string, std::string> extra;
};

struct Report {
  std::string slug;  // file name without .md
  FrontMatter meta;
  std::string body;   // the Markdown after the closing '---'
  int body_line = 1;  // 1-based line of the file where the body starts
};

}  // namespace sijill::model
