#include "sijill/check/check.h"

#include <algorithm>

#include "check/check_internal.h"
#include "sijill/text/utf8.h"

namespace sijill::check {

namespace internal {

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  int year = std::stoi(std::string(text.substr(0, 4)));
  int month = std::stoi(std::string(text.substr(5, 2)));
  int day = std::stoi(std::string(text.substr(8, 2)));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

}  // namespace internal

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
