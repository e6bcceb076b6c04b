// JSON form of a record's history, one shape for `sijill history --json` and
// GET /api/recommendations/{id}/history: {"id", "history": [{commit, author, email, time, date
// (ISO 8601, UTC), message, change, status_before, status_after, followup}]}, newest first.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sijill/records/record_store.h"

namespace sijill::records {

nlohmann::ordered_json ToJson(const HistoryEntry& entry);
nlohmann::ordered_json HistoryToJson(const std::string& id, const std::vector<HistoryEntry>& history);

}  // namespace sijill::records
