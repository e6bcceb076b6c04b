#include "sijill/model/date.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace sijill::model {

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  auto number = [&](size_t at, size_t length) {
    int value = 0;
    for (size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  return std::chrono::year_month_day(std::chrono::year(number(0, 4)),
                                     std::chrono::month(unsigned(number(5, 2))),
                                     std::chrono::day(unsigned(number(8, 2))))
      .ok();
}

std::string TodayUtc() { return FormatUtc(std::time(nullptr), "%Y-%m-%d"); }

std::string FormatUtc(long long seconds_since_epoch, const char* format) {
  std::time_t time = static_cast<std::time_t>(seconds_since_epoch);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char buffer[64];
  size_t length = std::strftime(buffer, sizeof buffer, format, &utc);
  return std::string(buffer, length);
}

std::string IsoTimeUtc(long long seconds_since_epoch) {
  return FormatUtc(seconds_since_epoch, "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace sijill::model
