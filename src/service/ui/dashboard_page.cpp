#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "service/ui/pages_internal.h"

namespace sijill::service::ui {

namespace {

// Chart geometry (px): a label column, then the bars; mirrored for a right-to-left page so
// the labels stand at the right and the bars grow leftwards, as the text reads.
constexpr int kWidth = 640;
constexpr int kLabelWidth = 170;
constexpr int kBarArea = 400;
constexpr int kRow = 34;
constexpr int kBarHeight = 22;

// Counts per status: the configured statuses in their order, then any other status found in
// the records (a record with a status sijill.yaml no longer lists still counts).
std::vector<std::pair<std::string, size_t>> CountByStatus(const records::Snapshot& snapshot) {
  std::vector<std::pair<std::string, size_t>> counts;
  std::vector<std::string> statuses = snapshot.settings.statuses;
  if (statuses.empty()) statuses = model::DefaultSettings().statuses;
  for (const std::string& status : statuses) counts.emplace_back(status, 0);
  for (const model::Recommendation& record : snapshot.records) {
    auto found = std::find_if(counts.begin(), counts.end(),
                              [&](const auto& count) { return count.first == record.status; });
    if (found == counts.end()) {
      counts.emplace_back(record.status, 1);
    } else {
      ++found->second;
    }
  }
  return counts;
}

mstch::map Bar(const Chrome& chrome, int row, const std::string& status, size_t count, size_t max) {
  int width = max == 0 ? 0 : static_cast<int>(count * kBarArea / max);
  if (count > 0) width = std::max(width, 2);
  bool rtl = !chrome.English();
  int bar_start = rtl ? kWidth - kLabelWidth : kLabelWidth;  // where the bars grow from
  int top = row * kRow + 6;
  return mstch::map{
      {"status", status},
      {"label", StatusLabel(chrome, status)},
      {"count", std::to_string(count)},
      {"href", Href(chrome, "/search", {{"status", status}})},
      {"label_x", std::to_string(rtl ? kWidth - 8 : 8)},
      {"label_anchor", std::string("start")},  // start = right edge in a right-to-left page
      {"text_y", std::to_string(top + kBarHeight - 6)},
      {"bar_x", std::to_string(rtl ? bar_start - width : bar_start)},
      {"bar_y", std::to_string(top)},
      {"bar_width", std::to_string(width)},
      {"bar_height", std::to_string(kBarHeight)},
      {"value_x", std::to_string(rtl ? bar_start - width - 6 : bar_start + width + 6)},
      {"value_anchor", std::string("start")},
  };
}

mstch::array Reports(const Chrome& chrome, const records::Snapshot& snapshot) {
  mstch::array reports;
  for (const markdown::Document& document : snapshot.reports) {
    const model::Report& report = document.report;
    reports.push_back(mstch::map{
        {"href", Href(chrome, "/reports/" + UrlEncode(report.slug))},
        {"symbol", report.meta.symbol.empty() ? report.slug : report.meta.symbol},
        {"title", report.meta.title},
        {"doc_lang", report.meta.language},
        {"doc_dir", TextDirection(report.meta.language)},
        {"records", std::to_string(snapshot.RecordsOf(report.meta.symbol).size())},
    });
  }
  return reports;
}

}  // namespace

std::string RenderDashboardPage(const Chrome& chrome, const records::Snapshot& snapshot) {
  auto counts = CountByStatus(snapshot);
  size_t max = 0;
  for (const auto& count : counts) max = std::max(max, count.second);
  mstch::array bars;
  int row = 0;
  for (const auto& [status, count] : counts) bars.push_back(Bar(chrome, row++, status, count, max));
  mstch::array downloads;
  for (const char* format : {"html", "md", "docx", "csv"}) {
    downloads.push_back(mstch::map{{"format", std::string(format)},
                                   {"href", Href(chrome, "/api/record", {{"format", format}})}});
  }
  mstch::map context{
      {"width", std::to_string(kWidth)},
      {"height", std::to_string(row * kRow + 12)},
      {"bars", bars},
      {"total", std::to_string(snapshot.records.size())},
      {"reports", Reports(chrome, snapshot)},
      {"downloads", downloads},
  };
  return RenderPage(chrome, "dashboard", Text(chrome, "dashboard"), std::move(context));
}

}  // namespace sijill::service::ui
