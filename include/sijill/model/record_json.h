// JSON form of a recommendation record, shared by `show --json`, `history --json` and the HTTP API
// (DESIGN.md §5: GET /api/recommendations/{id}). Keys are the record's YAML keys.
#pragma once

#include <nlohmann/json.hpp>

#include "sijill/model/recommendation.h"

namespace sijill::model {

nlohmann::ordered_json ToJson(const Evidence& evidence);
nlohmann::ordered_json ToJson(const FollowUp& entry);
nlohmann::ordered_json ToJson(const Recommendation& record);

}  // namespace sijill::model
