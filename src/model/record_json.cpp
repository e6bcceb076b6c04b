#include "sijill/model/record_json.h"

namespace sijill::model {

nlohmann::ordered_json ToJson(const Evidence& evidence) {
  if (evidence.IsUrl()) return {{"url", evidence.url}};
  return {{"symbol", evidence.symbol}, {"paragraph", evidence.paragraph}};
}

nlohmann::ordered_json ToJson(const FollowUp& entry) {
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  for (const Evidence& item : entry.evidence) evidence.push_back(ToJson(item));
  return {{"date", entry.date},   {"status", entry.status}, {"note", entry.note},
          {"evidence", evidence}, {"by", entry.by}};
}

nlohmann::ordered_json ToJson(const Recommendation& record) {
  nlohmann::ordered_json followup = nlohmann::ordered_json::array();
  for (const FollowUp& entry : record.followup) followup.push_back(ToJson(entry));
  nlohmann::ordered_json out = {
      {"id", record.id},
      {"source",
       {{"symbol", record.source.symbol},
        {"paragraph", record.source.paragraph},
        {"section", record.source.section}}},
      {"text", record.text},
      {"language", record.language},
      {"adopted", record.adopted},
      {"addressees", record.addressees},
      {"modality", record.modality},
      {"topics", record.topics},
      {"status", record.status},
      {"followup", followup},
  };
  if (!record.summary.empty()) out["summary"] = record.summary;
  return out;
}

}  // namespace sijill::model
