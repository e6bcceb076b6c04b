// Recommendation pages (recommendations/<id>.html): text, status, follow-up with evidence
// links, and the record's change history from git (history_internal.h, one walk for all records).
#include "sijill/model/id.h"
#include "sijill/records/record_store.h"
#include "site/pages_internal.h"

namespace sijill::site::internal {

namespace {

std::string FormatDate(long long seconds) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&time, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &tm);
  return buffer;
}

// A record's lists, linked at the page of each list that shows it.
mstch::array ListLinks(const Model& model, const std::string& kind,
                       const std::vector<std::string>& values, size_t record,
                       const std::string& root, const std::string& language) {
  mstch::array out;
  for (const std::string& value : values)
    out.push_back(mstch::map{{"label", ListLabel(model, kind, value, language)},
                             {"href", root + ListPath(kind, value, model.ListPage(record))}});
  return out;
}

mstch::array FollowUps(const Model& model, const model::Recommendation& record,
                       const std::string& root, const std::string& language) {
  mstch::array out;
  for (const model::FollowUp& entry : record.followup) {
    mstch::array evidence;
    for (const model::Evidence& item : entry.evidence) {
      Link link = EvidenceLink(model, item);
      evidence.push_back(mstch::map{{"href", link.internal ? root + link.href : link.href},
                                    {"text", link.text},
                                    {"external", !link.internal}});
    }
    out.push_back(mstch::map{{"date", entry.date},
                             {"status", entry.status},
                             {"status_label", StatusLabel(entry.status, language)},
                             {"note", entry.note},
                             {"by", entry.by},
                             {"evidence", std::move(evidence)}});
  }
  return out;
}

mstch::array History(const RecordHistories& histories, const model::Recommendation& record,
                     const std::string& language) {
  mstch::array out;
  auto id = model::TryParseRecordId(record.id);
  if (!id) return out;  // a record without a valid id has no readable history; its page shows
  // A record's file is at the path of its id (`sijill check` reports any other), so the
  // snapshot's record is the newest version of that path.
  for (const records::HistoryEntry& entry : histories.Of(id->Path(), &record)) {
    out.push_back(mstch::map{{"date", FormatDate(entry.commit.time)},
                             {"author", entry.commit.author_name},
                             {"commit", entry.commit.id.substr(0, 12)},
                             {"change", entry.change},
                             {"before", StatusLabel(entry.status_before, language)},
                             {"after", StatusLabel(entry.status_after, language)},
                             {"moved", !entry.status_before.empty() &&
                                           entry.status_before != entry.status_after}});
  }
  return out;
}

std::string RenderRecord(const Model& model, const Theme& theme, const RecordHistories& histories,
                         size_t index) {
  const model::Recommendation& record = model.snapshot.records[index];
  std::string path = RecordPath(record.id);
  std::string root = RootOf(path);
  const std::string language = SiteLanguage(model);
  mstch::map context = PageContext(model, path, language, record.id);
  size_t report = model.record_report[index];
  if (report < model.snapshot.reports.size()) {
    const model::Report& source = model.snapshot.reports[report].report;
    context.emplace("report_title", source.meta.title);
    context.emplace("report_href", root + ReportPath(source.slug) + "#" + Anchor(record.id));
  }
  mstch::array summaries;
  for (const auto& [lang, text] : model.RecordSummary(index))
    summaries.push_back(mstch::map{{"lang", lang}, {"dir", Dir(lang)}, {"text", text}});
  context.emplace("id", record.id);
  context.emplace("symbol", record.source.symbol);
  context.emplace("paragraph", record.source.paragraph);
  context.emplace("section", record.source.section);
  context.emplace("text", std::string(model.RecordText(index)));
  context.emplace("text_lang", record.language);
  context.emplace("text_dir", Dir(record.language));
  context.emplace("adopted", record.adopted);
  context.emplace("modality", record.modality);
  context.emplace("status", record.status);
  context.emplace("status_label", StatusLabel(record.status, language));
  context.emplace("status_href", root + ListPath("status", record.status, model.ListPage(index)));
  context.emplace("addressees",
                  ListLinks(model, "addressees", record.addressees, index, root, language));
  context.emplace("topics", ListLinks(model, "topics", record.topics, index, root, language));
  context.emplace("summaries", std::move(summaries));
  context.emplace("followup", FollowUps(model, record, root, language));
  context.emplace("has_followup", !record.followup.empty());
  context.emplace("history", History(histories, record, language));
  return theme.RenderPage("recommendation", std::move(context));
}

}  // namespace

void AddRecordPages(Pages& pages) {
  const Model& model = pages.model;
  for (size_t i = 0; i < model.snapshot.records.size(); ++i) {
    const model::Recommendation& record = model.snapshot.records[i];
    Key key;
    key.Add(model.base_key).Add(model.RecordKey(i));
    // The newest commit that changed the file decides the history (history_internal.h); the
    // report adds its title and slug.
    if (std::string_view file = model.RecordFile(i); !file.empty())
      key.Add(pages.histories.NewestCommit(file));
    size_t report = model.record_report[i];
    if (report < model.snapshot.reports.size()) key.Add(model.ReportKey(report));
    key.Add(model.ListPage(i));
    for (const model::FollowUp& entry : record.followup)
      for (const model::Evidence& evidence : entry.evidence)
        key.Add(EvidenceLink(model, evidence).href);  // a linked report may come or go
    const Theme& theme = pages.theme;
    const RecordHistories& histories = pages.histories;
    pages.Add(RecordPath(record.id), key.value(), [&model, &theme, &histories, i] {
      return RenderRecord(model, theme, histories, i);
    });
  }
}

}  // namespace sijill::site::internal
