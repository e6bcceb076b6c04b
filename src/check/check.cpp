#include "sijill/check/check.h"

#include <algorithm>

#include "check/check_internal.h"
#include "sijill/text/utf8.h"

namespace sijill::check {

namespace {

bool IsReportPath(const std::string& path) {
  for (std::string_view dir : {"corpus/", "briefs/"})
    if (path.starts_with(dir) && path.ends_with(".md") &&
        path.find('/', dir.size()) == std::string::npos)
      return true;
  return false;
}

bool IsRecordPath(const std::string& path) { return path.starts_with("recommendations/"); }

// Invalid UTF-8 makes every later message about the file unreliable: report it alone.
bool IsReadable(internal::Context& context, const File& file) {
  auto bad = text::FindInvalidUtf8(file.content);
  if (!bad) return true;
  context.Error({file.path, bad->line, bad->column, ""}, "invalid UTF-8");
  return false;
}

void ReadSettings(internal::Context& context, const std::vector<File>& files) {
  for (const File& file : files) {
    if (file.path != model::kSettingsPath) continue;
    model::ParsedSettings parsed = model::ParseSettings(file.path, file.content);
    context.settings = parsed.settings;
    for (Problem& problem : parsed.problems) context.problems.push_back(std::move(problem));
  }
}

bool Before(const Problem& a, const Problem& b) {
  return std::tie(a.where.file, a.where.line, a.where.column) <
         std::tie(b.where.file, b.where.line, b.where.column);
}

}  // namespace

bool IsCheckedPath(const std::string& path) {
  return path == model::kSettingsPath || IsReportPath(path) || IsRecordPath(path);
}

Problems CheckRepository(const std::vector<File>& files) {
  internal::Context context;
  ReadSettings(context, files);
  // Reports first: records and evidence are checked against them.
  for (const File& file : files)
    if (IsReportPath(file.path) && IsReadable(context, file)) internal::CheckReport(context, file);
  for (const File& file : files)
    if (IsRecordPath(file.path) && IsReadable(context, file)) internal::CheckRecord(context, file);
  std::stable_sort(context.problems.begin(), context.problems.end(), Before);
  return context.problems;
}

}  // namespace sijill::check
