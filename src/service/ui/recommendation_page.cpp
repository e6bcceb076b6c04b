#include <algorithm>
#include <string>
#include <vector>

#include "service/ui/pages_internal.h"
#include "sijill/model/id.h"
#include "sijill/text/slug.h"

namespace sijill::service::ui {

namespace {

// A paragraph of a document links to its anchor in the report page; a URL becomes a link
// only when it is http(s) (a javascript: "URL" in a record is shown as text).
mstch::map EvidenceItem(const Chrome& chrome, const model::Evidence& evidence) {
  std::string href;
  bool external = false;
  if (evidence.IsUrl()) {
    external = IsSafeExternalUrl(evidence.url);
    if (external) href = evidence.url;
  } else if (std::string slug = text::Slug(evidence.symbol); text::IsValidSlug(slug)) {
    href = Href(chrome, "/reports/" + UrlEncode(slug));
    if (auto rest = model::RestForParagraph(evidence.paragraph)) href += "#" + *rest;
  }
  return mstch::map{{"text", evidence.ToString()}, {"href", href}, {"external", external}};
}

void AddEvidence(const Chrome& chrome, const std::vector<model::Evidence>& evidence,
                 mstch::map& item) {
  mstch::array items;
  for (const model::Evidence& piece : evidence) items.push_back(EvidenceItem(chrome, piece));
  item["has_evidence"] = !items.empty();
  item["evidence"] = items;
}

mstch::array Tags(const Chrome& chrome, const std::string& key, const std::vector<std::string>& ids,
                  const model::Settings* settings) {
  mstch::array tags;
  for (const std::string& id : ids) {
    const model::Label* label = nullptr;
    if (settings != nullptr) {
      label = key == "addressee" ? settings->FindAddressee(id) : settings->FindTopic(id);
    }
    tags.push_back(mstch::map{{"label", SettingLabel(chrome, label, id)},
                              {"href", Href(chrome, "/search", {{key, id}})}});
  }
  return tags;
}

mstch::array FollowUps(const Chrome& chrome, const model::Recommendation& record) {
  mstch::array entries;
  for (const model::FollowUp& entry : record.followup) {
    mstch::map item{{"date", entry.date},
                    {"status", entry.status},
                    {"status_label", StatusLabel(chrome, entry.status)},
                    {"note", entry.note},
                    {"by", entry.by}};
    AddEvidence(chrome, entry.evidence, item);
    entries.push_back(item);
  }
  return entries;
}

// "follow-up: open → implemented" in the interface language (← for Arabic, read right to left).
std::string WhatChanged(const Chrome& chrome, const records::HistoryEntry& entry) {
  bool en = chrome.English();
  std::string arrow = en ? " → " : " ← ";
  std::string status_change;
  if (!entry.status_before.empty() && !entry.status_after.empty() &&
      entry.status_before != entry.status_after) {
    status_change = ": " + StatusLabel(chrome, entry.status_before) + arrow +
                    StatusLabel(chrome, entry.status_after);
  } else if (!entry.status_after.empty()) {
    status_change = ": " + StatusLabel(chrome, entry.status_after);
  }
  if (entry.change == "created") return (en ? "created" : "أُنشئ السجل") + status_change;
  if (entry.change == "follow-up") return (en ? "follow-up" : "متابعة") + status_change;
  if (entry.change == "deleted") return en ? "deleted" : "حُذف السجل";
  return (en ? "edited" : "عُدّل السجل") + status_change;
}

mstch::array History(const Chrome& chrome, const std::vector<records::HistoryEntry>& history) {
  mstch::array entries;
  for (const records::HistoryEntry& entry : history) {
    const store::CommitInfo& commit = entry.commit;
    mstch::map item{{"time", FormatTime(commit.time)},
                    {"iso", FormatTime(commit.time).substr(0, 10)},
                    {"who", commit.author_name},
                    {"what", WhatChanged(chrome, entry)},
                    {"change", entry.change},
                    {"note", entry.followup ? entry.followup->note : std::string()},
                    {"message", commit.message},
                    {"short", commit.id.substr(0, 7)}};
    AddEvidence(chrome, entry.followup ? entry.followup->evidence : std::vector<model::Evidence>{},
                item);
    entries.push_back(item);
  }
  return entries;
}

void AddForm(const Chrome& chrome, const RecommendationPageData& data, mstch::map& context) {
  const model::Recommendation& record = data.record.record;
  std::string selected = data.form.status.empty() ? record.status : data.form.status;
  std::vector<std::string> statuses;
  if (data.settings != nullptr) statuses = data.settings->statuses;
  if (statuses.empty()) statuses = model::DefaultSettings().statuses;
  mstch::array options;
  for (const std::string& status : statuses) {
    options.push_back(mstch::map{{"value", status},
                                 {"label", StatusLabel(chrome, status)},
                                 {"selected", status == selected}});
  }
  mstch::array suggestions;
  for (const EvidenceSuggestion& suggestion : data.suggestions) {
    const auto& confirmed = data.form.confirmed;
    bool checked =
        std::find(confirmed.begin(), confirmed.end(), suggestion.evidence) != confirmed.end();
    suggestions.push_back(mstch::map{
        {"value", suggestion.evidence}, {"snippet", suggestion.snippet}, {"checked", checked}});
  }
  context["followup_action"] =
      Href(chrome, "/recommendations/" + UrlEncode(record.id) + "/followup");
  context["etag"] = data.record.etag;
  context["statuses"] = options;
  context["form_note"] = data.form.note;
  context["form_evidence"] = data.form.evidence;
  context["has_suggestions"] = !suggestions.empty();
  context["suggestions"] = suggestions;
}

}  // namespace

std::string RenderRecommendationPage(const Chrome& chrome, const RecommendationPageData& data) {
  const model::Recommendation& record = data.record.record;
  std::string source_href;
  if (auto id = model::TryParseRecordId(record.id)) {
    source_href = Href(chrome, "/reports/" + UrlEncode(id->slug)) + "#" + id->rest;
  }
  auto summary = record.summary.find(chrome.lang);
  mstch::map context{
      {"id", record.id},
      {"text", record.text},
      {"text_lang", record.language},
      {"text_dir", TextDirection(record.language)},
      {"summary", summary == record.summary.end() ? std::string() : summary->second},
      {"status", record.status},
      {"status_label", StatusLabel(chrome, record.status)},
      {"symbol", record.source.symbol},
      {"paragraph", record.source.paragraph},
      {"section", record.source.section},
      {"source_href", source_href},
      {"report_title", data.report_title.empty() ? record.source.symbol : data.report_title},
      {"adopted", record.adopted},
      {"modality",
       record.modality.empty() ? std::string() : ModalityLabel(chrome, record.modality)},
      {"addressees", Tags(chrome, "addressee", record.addressees, data.settings)},
      {"topics", Tags(chrome, "topic", record.topics, data.settings)},
      {"followup", FollowUps(chrome, record)},
      {"history", History(chrome, data.history)},
      {"error_title", data.error_title},
      {"error", data.error},
  };
  AddForm(chrome, data, context);
  return RenderPage(chrome, "recommendation", record.id, std::move(context));
}

}  // namespace sijill::service::ui
