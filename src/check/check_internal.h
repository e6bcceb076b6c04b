// What the checks of one repository share: the settings and what the reports contain.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "sijill/check/check.h"
#include "sijill/model/date.h"
#include "sijill/model/settings.h"

namespace sijill::check::internal {

struct ReportInfo {
  std::string path;
  std::string symbol;  // may be empty when provisional
  bool provisional = false;
  std::set<std::string> rests;  // numbered paragraphs: "p12", "annex.p3"
};

struct Context {
  model::Settings settings = model::DefaultSettings();
  std::map<std::string, ReportInfo> reports_by_slug;
  std::map<std::string, std::string> slug_by_symbol;
  std::map<std::string, std::string> path_by_record_id;
  Problems problems;

  void Error(Location where, std::string message) {
    problems.push_back({std::move(where), std::move(message), Severity::kError});
  }
  void Warning(Location where, std::string message) {
    problems.push_back({std::move(where), std::move(message), Severity::kWarning});
  }
};

using model::IsIsoDate;

// Reads a report (corpus/ or briefs/) into context.reports_by_slug and reports its problems.
void CheckReport(Context& context, const File& file);
// Checks one file under recommendations/; needs every report read first.
void CheckRecord(Context& context, const File& file);

}  // namespace sijill::check::internal
