// Dates as DESIGN.md ⚑ writes them: ISO 8601 calendar dates, YYYY-MM-DD.
#pragma once

#include <string>
#include <string_view>

namespace sijill::model {

// True for a valid calendar date written YYYY-MM-DD (leap years included).
bool IsIsoDate(std::string_view text);

// Today's date in UTC as YYYY-MM-DD.
std::string TodayUtc();

}  // namespace sijill::model
