// Dates as DESIGN.md ⚑ writes them: ISO 8601 calendar dates, YYYY-MM-DD.
#pragma once

#include <string>
#include <string_view>

namespace sijill::model {

// True for a valid calendar date written YYYY-MM-DD (leap years included).
bool IsIsoDate(std::string_view text);

// Today's date in UTC as YYYY-MM-DD.
std::string TodayUtc();

// A commit time (seconds since the epoch) in UTC, as std::strftime writes `format`.
std::string FormatUtc(long long seconds_since_epoch, const char* format);

// FormatUtc in ISO 8601, "2018-07-23T10:15:00Z": what JSON answers carry.
std::string IsoTimeUtc(long long seconds_since_epoch);

}  // namespace sijill::model
