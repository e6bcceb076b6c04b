#include "sijill/model/record_yaml.h"

#include "model/record_edit_internal.h"
#include "model/yaml_read_internal.h"

namespace sijill::model {

namespace {

using internal::YamlReader;

// ⚑ Recommendation record keys (DESIGN.md §1).
const std::vector<std::string_view> kRecordKeys = {"id",      "source",     "text",     "language",
                                                   "adopted", "addressees", "modality", "topics",
                                                   "summary", "status",     "followup"};
const std::vector<std::string_view> kRequiredRecordKeys = {"id", "source", "text", "language",
                                                           "status"};
const std::vector<std::string_view> kSourceKeys = {"symbol", "paragraph", "section"};
const std::vector<std::string_view> kFollowUpKeys = {"date", "status", "note", "evidence", "by"};
const std::vector<std::string_view> kRequiredFollowUpKeys = {"date", "status", "by"};

Evidence ReadEvidence(YamlReader& reader, const YAML::Node& node, const std::string& field) {
  Evidence evidence;
  if (node.IsMap() && node["url"]) {
    reader.CheckKeys(node, field + ".", {"url"}, {"url"});
    evidence.url = reader.String(node["url"], field + ".url");
  } else if (reader.CheckKeys(node, field + ".", {"symbol", "paragraph"},
                              {"symbol", "paragraph"})) {
    evidence.symbol = reader.String(node["symbol"], field + ".symbol");
    evidence.paragraph = reader.String(node["paragraph"], field + ".paragraph");
  }
  return evidence;
}

FollowUp ReadFollowUp(YamlReader& reader, const YAML::Node& node, const std::string& field) {
  FollowUp entry;
  if (!reader.CheckKeys(node, field + ".", kFollowUpKeys, kRequiredFollowUpKeys)) return entry;
  entry.date = reader.String(node["date"], field + ".date");
  entry.status = reader.String(node["status"], field + ".status");
  entry.note = reader.String(node["note"], field + ".note");
  entry.by = reader.String(node["by"], field + ".by");
  const YAML::Node evidence = node["evidence"];
  if (evidence && !evidence.IsNull() && !evidence.IsSequence()) {
    reader.Report(evidence, field + ".evidence", "'" + field + ".evidence' must be a list");
  } else if (evidence) {
    for (size_t i = 0; i < evidence.size(); ++i)
      entry.evidence.push_back(
          ReadEvidence(reader, evidence[i], field + ".evidence[" + std::to_string(i) + "]"));
  }
  return entry;
}

void ReadFields(YamlReader& reader, const YAML::Node& root, Recommendation& record) {
  record.id = reader.String(root["id"], "id");
  if (const YAML::Node source = root["source"]; source) {
    if (reader.CheckKeys(source, "source.", kSourceKeys, {"symbol", "paragraph"})) {
      record.source.symbol = reader.String(source["symbol"], "source.symbol");
      record.source.paragraph = reader.String(source["paragraph"], "source.paragraph");
      record.source.section = reader.String(source["section"], "source.section");
    }
  }
  record.text = reader.String(root["text"], "text");
  if (root["language"]) record.language = reader.String(root["language"], "language");
  record.adopted = reader.String(root["adopted"], "adopted");
  record.addressees = reader.StringList(root["addressees"], "addressees");
  record.modality = reader.String(root["modality"], "modality");
  record.topics = reader.StringList(root["topics"], "topics");
  record.summary = reader.StringMap(root["summary"], "summary");
  if (root["status"]) record.status = reader.String(root["status"], "status");
  const YAML::Node followup = root["followup"];
  if (followup && !followup.IsNull() && !followup.IsSequence()) {
    reader.Report(followup, "followup", "'followup' must be a list");
  } else if (followup) {
    for (size_t i = 0; i < followup.size(); ++i)
      record.followup.push_back(
          ReadFollowUp(reader, followup[i], "followup[" + std::to_string(i) + "]"));
  }
}

}  // namespace

Location ParsedRecord::At(const std::string& field) const {
  auto it = where.find(field);
  if (it != where.end()) return it->second;
  return Location{path, 0, 0, field};
}

ParsedRecord ParseRecord(const std::string& path, std::string_view text) {
  YAML::Node root;
  return internal::ParseRecordKeepingRoot(path, text, root);
}

namespace internal {

ParsedRecord ParseRecordKeepingRoot(const std::string& path, std::string_view text,
                                    YAML::Node& root_out) {
  ParsedRecord result;
  result.path = path;
  YamlReader reader(path, text, 1, &result.problems);
  std::optional<YAML::Node> root = reader.Load();
  if (!root) return result;
  result.parsed = true;
  if (reader.CheckKeys(*root, "", kRecordKeys, kRequiredRecordKeys))
    ReadFields(reader, *root, result.record);
  result.where = reader.where();
  root_out = *root;
  return result;
}

}  // namespace internal

}  // namespace sijill::model
