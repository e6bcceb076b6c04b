#include "model/yaml_scalar_internal.h"
#include "sijill/model/record_yaml.h"

namespace sijill::model {

namespace {

using internal::FlowList;
using internal::ScalarAfterKey;

std::string Pad(int indent) { return std::string(indent, ' '); }

// "key: value\n" at `indent`, with the scalar in its canonical form.
std::string KeyValue(int indent, std::string_view key, std::string_view value) {
  std::string out = Pad(indent) + std::string(key) + ":" + ScalarAfterKey(value, indent);
  if (out.back() != '\n') out += '\n';
  return out;
}

std::string OptionalKeyValue(int indent, std::string_view key, std::string_view value) {
  return value.empty() ? "" : KeyValue(indent, key, value);
}

// A list item is written as "- " followed by a mapping whose keys are indented by two more.
std::string EvidenceItem(const Evidence& evidence, int indent) {
  std::string item = evidence.IsUrl() ? KeyValue(indent + 2, "url", evidence.url)
                                      : KeyValue(indent + 2, "symbol", evidence.symbol) +
                                            KeyValue(indent + 2, "paragraph", evidence.paragraph);
  item.replace(indent, 2, "- ");
  return item;
}

}  // namespace

std::string WriteFollowUpEntry(const FollowUp& entry, int indent) {
  int inner = indent + 2;
  std::string out = KeyValue(inner, "date", entry.date) + KeyValue(inner, "status", entry.status) +
                    OptionalKeyValue(inner, "note", entry.note);
  if (!entry.evidence.empty()) {
    out += Pad(inner) + "evidence:\n";
    for (const Evidence& evidence : entry.evidence) out += EvidenceItem(evidence, inner + 2);
  }
  out += KeyValue(inner, "by", entry.by);
  out.replace(indent, 2, "- ");
  return out;
}

std::string WriteRecord(const Recommendation& record) {
  std::string out = KeyValue(0, "id", record.id);
  out += "source:\n" + KeyValue(2, "symbol", record.source.symbol) +
         KeyValue(2, "paragraph", record.source.paragraph) +
         OptionalKeyValue(2, "section", record.source.section);
  out += KeyValue(0, "text", record.text);
  out += KeyValue(0, "language", record.language);
  out += OptionalKeyValue(0, "adopted", record.adopted);
  out += "addressees:" + FlowList(record.addressees) + "\n";
  out += OptionalKeyValue(0, "modality", record.modality);
  out += "topics:" + FlowList(record.topics) + "\n";
  if (!record.summary.empty()) {
    out += "summary:\n";
    for (const auto& [language, summary] : record.summary) out += KeyValue(2, language, summary);
  }
  out += KeyValue(0, "status", record.status);
  if (record.followup.empty()) return out + "followup: []\n";
  out += "followup:\n";
  for (const FollowUp& entry : record.followup) out += WriteFollowUpEntry(entry, 2);
  return out;
}

}  // namespace sijill::model
