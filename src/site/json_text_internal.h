// JSON text written by hand for the search index's files (search_index.cpp), byte for byte what
// nlohmann::json's dump(-1, ' ', false, error_handler_t::replace) prints: the index's postings as
// nlohmann::json values were ~12 % of a full build (a json node per number, a map per shard).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sijill::site::internal {

// `value` as a JSON string, quotes included: `"` `\` and control characters escaped as
// nlohmann escapes them (\b \t \n \f \r, else \u00xx), other UTF-8 as it is; text that is not
// valid UTF-8 goes through nlohmann's own replacement (U+FFFD), so that case prints the same too.
void AppendJsonString(std::string& out, std::string_view value);

void AppendJsonNumber(std::string& out, uint64_t value);

}  // namespace sijill::site::internal
