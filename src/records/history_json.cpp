#include "sijill/records/history_json.h"

#include "sijill/model/date.h"
#include "sijill/model/record_json.h"

namespace sijill::records {

nlohmann::ordered_json ToJson(const HistoryEntry& entry) {
  nlohmann::ordered_json out = {
      {"commit", entry.commit.id},
      {"author", entry.commit.author_name},
      {"email", entry.commit.author_email},
      {"time", entry.commit.time},
      {"date", model::IsoTimeUtc(entry.commit.time)},
      {"message", entry.commit.message},
      {"change", entry.change},
      {"status_before", entry.status_before},
      {"status_after", entry.status_after},
  };
  out["followup"] = entry.followup ? model::ToJson(*entry.followup) : nlohmann::ordered_json();
  return out;
}

nlohmann::ordered_json HistoryToJson(const std::string& id, const std::vector<HistoryEntry>& history) {
  nlohmann::ordered_json changes = nlohmann::ordered_json::array();
  for (const HistoryEntry& entry : history) changes.push_back(ToJson(entry));
  return {{"id", id}, {"history", std::move(changes)}};
}

}  // namespace sijill::records
