// The model builder: records grouped by report (date order) and section (paragraph order).
#include <algorithm>
#include <map>
#include <utility>

#include "record/labels_internal.h"
#include "record/summaries_internal.h"
#include "sijill/model/id.h"
#include "sijill/record/build.h"

namespace sijill::record {

namespace {

using Keyed = std::pair<ParagraphKey, const model::Recommendation*>;

struct Context {
  const records::Snapshot& snapshot;
  const BuildOptions& options;
  SlugMap slugs;
};

LatestFollowUp Latest(const model::FollowUp& entry, const SlugMap& slugs) {
  LatestFollowUp latest{entry.date, entry.status, StatusLabel(entry.status), entry.note, entry.by, {}};
  for (const model::Evidence& evidence : entry.evidence) {
    if (evidence.IsUrl())
      latest.evidence.push_back({evidence.url, evidence.url});
    else
      latest.evidence.push_back(
          ParagraphLink(evidence.symbol, slugs.SlugOf(evidence.symbol), evidence.paragraph));
  }
  return latest;
}

Link RecordLink(const Context& context, const std::string& id) {
  const model::Recommendation* record = context.snapshot.FindRecord(id);
  std::optional<model::RecordId> parsed = model::TryParseRecordId(id);
  if (!record || !parsed) return {id, ""};
  return ParagraphLink(record->source.symbol, parsed->slug, record->source.paragraph, parsed->rest);
}

Entry MakeEntry(const Context& context, const model::Recommendation& record,
                const std::string& slug, const std::string& rest) {
  const model::Settings& settings = context.snapshot.settings;
  Entry entry;
  entry.id = record.id;
  entry.symbol = record.source.symbol;
  entry.paragraph = record.source.paragraph;
  entry.source = ParagraphLink(record.source.symbol, slug, record.source.paragraph, rest);
  entry.adopted = record.adopted;
  entry.text = record.text;
  while (!entry.text.empty() && entry.text.back() == '\n') entry.text.pop_back();
  for (const std::string& id : record.addressees)
    entry.addressees.push_back(AddresseeLabel(settings, id));
  entry.modality = record.modality;
  for (const std::string& id : record.topics) entry.topics.push_back(TopicLabel(settings, id));
  entry.status = record.status;
  entry.status_label = StatusLabel(record.status);
  if (!record.followup.empty()) entry.latest = Latest(record.followup.back(), context.slugs);
  auto lineage = context.options.lineage.find(record.id);
  if (lineage != context.options.lineage.end()) {
    entry.repeats = lineage->second;
    for (const std::string& id : entry.repeats) entry.repeat_links.push_back(RecordLink(context, id));
  }
  return entry;
}

// Sections are runs of consecutive paragraphs under one heading, as they are in the report.
Meeting MakeMeeting(const Context& context, const std::string& slug,
                    const markdown::Document* report, std::vector<Keyed>& records) {
  std::stable_sort(records.begin(), records.end(),
                   [](const Keyed& a, const Keyed& b) { return a.first < b.first; });
  Meeting meeting;
  meeting.slug = slug;
  if (report) {
    const model::FrontMatter& meta = report->report.meta;
    meeting.symbol = meta.symbol;
    meeting.title = meta.title;
    meeting.date = meta.date;
    meeting.type = meta.type;
    meeting.body = meta.body;
    meeting.page = {meta.symbol.empty() ? slug : meta.symbol, slug + ".html"};
  } else {
    meeting.symbol = records.front().second->source.symbol;
    meeting.page = {meeting.symbol.empty() ? slug : meeting.symbol, ""};
  }
  for (const auto& [key, record] : records) {
    const std::string& title = record->source.section;
    if (meeting.sections.empty() || meeting.sections.back().title != title)
      meeting.sections.push_back({title, {}});
    std::string rest = record->id.size() > slug.size() ? record->id.substr(slug.size() + 1) : "";
    meeting.sections.back().entries.push_back(MakeEntry(context, *record, slug, rest));
  }
  meeting.count = records.size();
  return meeting;
}

}  // namespace

Consolidated BuildRecord(const records::Snapshot& snapshot, const BuildOptions& options) {
  Context context{snapshot, options, {}};
  for (const markdown::Document& document : snapshot.reports)
    context.slugs.Add(document.report.meta.symbol, document.report.slug);

  // A record belongs to the report its id names (a provisional report has no symbol to match).
  std::map<std::string, std::vector<Keyed>> by_slug;
  for (const model::Recommendation& record : snapshot.records) {
    std::optional<model::RecordId> id = model::TryParseRecordId(record.id);
    std::string slug = id ? id->slug : context.slugs.SlugOf(record.source.symbol);
    by_slug[slug].push_back({KeyOfRest(id ? id->rest : ""), &record});
  }

  Consolidated out;
  out.title = snapshot.settings.title;
  out.as_of = {options.as_of, snapshot.commit, ""};
  out.total = snapshot.records.size();
  out.summaries = Summaries(snapshot.records, snapshot.settings);
  for (const markdown::Document& document : snapshot.reports) {
    auto it = by_slug.find(document.report.slug);
    if (it == by_slug.end()) continue;
    out.meetings.push_back(MakeMeeting(context, it->first, &document, it->second));
    by_slug.erase(it);
  }
  // Records of a report that is not in the repository still belong in the record: last.
  for (auto& [slug, records] : by_slug)
    out.meetings.push_back(MakeMeeting(context, slug, nullptr, records));
  return out;
}

}  // namespace sijill::record
