#include "check/check_internal.h"
#include "sijill/model/id.h"
#include "sijill/model/record_yaml.h"
#include "sijill/text/slug.h"

namespace sijill::check::internal {

namespace {

using model::ParsedRecord;

std::string Indexed(const std::string& list, size_t i) {
  return list + "[" + std::to_string(i) + "]";
}

// ⚑ "A recommendation record has the id of the paragraph it comes from", and lives at
// recommendations/<slug>/<rest>.yaml.
void CheckId(Context& context, const File& file, const ParsedRecord& parsed) {
  const model::Recommendation& record = parsed.record;
  std::optional<model::RecordId> from_path = model::RecordIdFromPath(file.path);
  if (!from_path) {
    context.Error({file.path, 1, 1, ""},
                  "not a record file: records are recommendations/<slug>/<rest>.yaml with rest "
                  "p<N>, annex.p<N>, preamble or annex");
    return;
  }
  if (!parsed.where.count("id")) return;
  if (record.id != from_path->ToString()) {
    context.Error(parsed.At("id"), "id '" + model::QuoteForMessage(record.id) +
                                       "' does not match the file path (expected '" +
                                       from_path->ToString() + "')");
  }
  if (auto [it, added] = context.path_by_record_id.emplace(record.id, file.path); !added)
    context.Error(parsed.At("id"), "duplicate id '" + record.id + "' (also in " + it->second + ")");
  if (parsed.where.count("source.paragraph") && record.source.paragraph != from_path->Paragraph())
    context.Error(parsed.At("source.paragraph"), "source.paragraph '" + record.source.paragraph +
                                                     "' does not match the id (" +
                                                     from_path->Paragraph() + ")");
  auto report = context.reports_by_slug.find(from_path->slug);
  if (report == context.reports_by_slug.end()) {
    context.Error(parsed.At("id"), "no report corpus/" + from_path->slug + ".md for this record");
    return;
  }
  if (!record.source.symbol.empty() && !report->second.symbol.empty() &&
      record.source.symbol != report->second.symbol)
    context.Error(parsed.At("source.symbol"), "source.symbol '" + record.source.symbol +
                                                  "' is not the symbol of " + report->second.path +
                                                  " ('" + report->second.symbol + "')");
  bool numbered = from_path->rest != "preamble" && from_path->rest != "annex";
  if (numbered && !report->second.rests.count(from_path->rest))
    context.Error(parsed.At("id"),
                  "paragraph " + from_path->rest + " not found in " + report->second.path);
}

void CheckListValues(Context& context, const ParsedRecord& parsed, const std::string& list,
                     const std::vector<std::string>& values,
                     bool (model::Settings::*known)(std::string_view) const,
                     const std::string& what) {
  for (size_t i = 0; i < values.size(); ++i)
    if (!(context.settings.*known)(values[i]))
      context.Error(parsed.At(Indexed(list, i)),
                    "unknown " + what + " '" + values[i] + "' (not in sijill.yaml " + list + ")");
}

void CheckValues(Context& context, const ParsedRecord& parsed) {
  const model::Recommendation& record = parsed.record;
  const model::Settings& settings = context.settings;
  if (parsed.where.count("status") && !settings.HasStatus(record.status))
    context.Error(parsed.At("status"),
                  "unknown status '" + record.status + "' (not in sijill.yaml statuses)");
  if (parsed.where.count("language") && !settings.HasLanguage(record.language))
    context.Error(parsed.At("language"),
                  "unknown language '" + record.language + "' (not in sijill.yaml languages)");
  if (!record.modality.empty() && !settings.HasModality(record.modality))
    context.Error(parsed.At("modality"),
                  "unknown modality '" + record.modality + "' (not in sijill.yaml modalities)");
  if (!record.adopted.empty() && !IsIsoDate(record.adopted))
    context.Error(parsed.At("adopted"),
                  "adopted '" + record.adopted + "' is not an ISO date (YYYY-MM-DD)");
  CheckListValues(context, parsed, "addressees", record.addressees, &model::Settings::HasAddressee,
                  "addressee");
  CheckListValues(context, parsed, "topics", record.topics, &model::Settings::HasTopic, "topic");
}

void CheckEvidence(Context& context, const ParsedRecord& parsed, const model::Evidence& evidence,
                   const std::string& field) {
  if (evidence.IsUrl()) {
    if (!evidence.url.starts_with("https://") && !evidence.url.starts_with("http://"))
      context.Error(parsed.At(field + ".url"), "evidence url must start with http:// or https://");
    return;
  }
  if (evidence.symbol.empty()) return;  // reported as a missing value by the parser
  auto slug = context.slug_by_symbol.find(evidence.symbol);
  if (slug == context.slug_by_symbol.end()) {
    context.Error(parsed.At(field + ".symbol"),
                  "evidence symbol '" + evidence.symbol + "' is not the symbol of any report");
    return;
  }
  const ReportInfo& report = context.reports_by_slug.at(slug->second);
  std::optional<std::string> rest = model::RestForParagraph(evidence.paragraph);
  if (!rest || !report.rests.count(*rest))
    context.Error(parsed.At(field + ".paragraph"),
                  "evidence paragraph '" + evidence.paragraph + "' not found in " + report.path);
}

void CheckFollowUp(Context& context, const ParsedRecord& parsed) {
  const std::vector<model::FollowUp>& entries = parsed.record.followup;
  std::string last_date;
  for (size_t i = 0; i < entries.size(); ++i) {
    const model::FollowUp& entry = entries[i];
    std::string field = Indexed("followup", i);
    if (!IsIsoDate(entry.date)) {
      if (parsed.where.count(field + ".date"))
        context.Error(parsed.At(field + ".date"),
                      "follow-up date '" + entry.date + "' is not an ISO date (YYYY-MM-DD)");
    } else if (entry.date < last_date) {
      // The follow-up log is append-only: each entry is dated on or after the one before.
      context.Error(parsed.At(field + ".date"), "follow-up entries out of date order: " +
                                                    entry.date + " comes after " + last_date);
    } else {
      last_date = entry.date;
    }
    if (parsed.where.count(field + ".status") && !context.settings.HasStatus(entry.status))
      context.Error(parsed.At(field + ".status"),
                    "unknown status '" + entry.status + "' (not in sijill.yaml statuses)");
    for (size_t j = 0; j < entry.evidence.size(); ++j)
      CheckEvidence(context, parsed, entry.evidence[j], field + Indexed(".evidence", j));
  }
  if (!entries.empty() && parsed.where.count("status") &&
      entries.back().status != parsed.record.status)
    context.Warning(parsed.At("status"), "status '" + parsed.record.status +
                                             "' differs from the last follow-up entry ('" +
                                             entries.back().status + "')");
}

}  // namespace

void CheckRecord(Context& context, const File& file) {
  ParsedRecord parsed = model::ParseRecord(file.path, file.content);
  for (const Problem& problem : parsed.problems) context.problems.push_back(problem);
  if (!parsed.parsed) return;
  CheckId(context, file, parsed);
  CheckValues(context, parsed);
  CheckFollowUp(context, parsed);
}

}  // namespace sijill::check::internal
