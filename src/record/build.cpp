// The model builder from a snapshot in memory: records grouped by report (date order) and
// section (paragraph order).
#include <algorithm>
#include <map>
#include <utility>

#include "record/meetings_internal.h"
#include "record/summaries_internal.h"
#include "sijill/model/id.h"
#include "sijill/record/build.h"

namespace sijill::record {

Place PlaceOf(const model::Recommendation& record, const SlugMap& slugs) {
  std::optional<model::RecordId> id = model::TryParseRecordId(record.id);
  if (!id) return {slugs.SlugOf(record.source.symbol), "", KeyOfRest("")};
  return {id->slug, id->rest, KeyOfRest(id->rest)};
}

namespace {

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

}  // namespace

Entry MakeEntry(const model::Settings& settings, const SlugMap& slugs,
                const model::Recommendation& record, const Place& place) {
  // The rest is what follows the slug in the id, also for an id whose slug is not its report's.
  std::string rest = record.id.size() > place.slug.size() ? record.id.substr(place.slug.size() + 1) : "";
  Entry entry;
  entry.id = record.id;
  entry.symbol = record.source.symbol;
  entry.paragraph = record.source.paragraph;
  entry.source = ParagraphLink(record.source.symbol, place.slug, record.source.paragraph, rest);
  entry.adopted = record.adopted;
  entry.text = record.text;
  while (!entry.text.empty() && entry.text.back() == '\n') entry.text.pop_back();
  for (const std::string& id : record.addressees)
    entry.addressees.push_back(AddresseeLabel(settings, id));
  entry.modality = record.modality;
  for (const std::string& id : record.topics) entry.topics.push_back(TopicLabel(settings, id));
  entry.status = record.status;
  entry.status_label = StatusLabel(record.status);
  if (!record.followup.empty()) entry.latest = Latest(record.followup.back(), slugs);
  return entry;
}

Link RepeatLink(const std::string& id, const std::string& symbol, const std::string& paragraph) {
  std::optional<model::RecordId> parsed = model::TryParseRecordId(id);
  if (!parsed) return {id, ""};
  return ParagraphLink(symbol, parsed->slug, paragraph, parsed->rest);
}

void AddRepeats(Entry& entry, const std::vector<std::string>& earlier,
                const std::function<Link(const std::string& id)>& link_of) {
  entry.repeats = earlier;
  for (const std::string& id : earlier) entry.repeat_links.push_back(link_of(id));
}

Meeting MeetingHead(const std::string& slug, const markdown::Document* report,
                    const std::string& records_symbol) {
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
    meeting.symbol = records_symbol;
    meeting.page = {meeting.symbol.empty() ? slug : meeting.symbol, ""};
  }
  return meeting;
}

void AddEntry(Meeting& meeting, const std::string& section, Entry entry) {
  if (meeting.sections.empty() || meeting.sections.back().title != section)
    meeting.sections.push_back({section, {}});
  meeting.sections.back().entries.push_back(std::move(entry));
  ++meeting.count;
}

namespace {

struct Placed {
  ParagraphKey key;
  const model::Recommendation* record;
  Place place;
};

Meeting MakeMeeting(const records::Snapshot& snapshot, const BuildOptions& options,
                    const SlugMap& slugs, const std::string& slug,
                    const markdown::Document* report, std::vector<Placed>& records) {
  std::stable_sort(records.begin(), records.end(),
                   [](const Placed& a, const Placed& b) { return a.key < b.key; });
  Meeting meeting = MeetingHead(slug, report, records.front().record->source.symbol);
  auto link_of = [&](const std::string& id) {
    const model::Recommendation* record = snapshot.FindRecord(id);
    return record ? RepeatLink(id, record->source.symbol, record->source.paragraph) : Link{id, ""};
  };
  for (const Placed& placed : records) {
    Entry entry = MakeEntry(snapshot.settings, slugs, *placed.record, placed.place);
    auto lineage = options.lineage.find(placed.record->id);
    if (lineage != options.lineage.end()) AddRepeats(entry, lineage->second, link_of);
    AddEntry(meeting, placed.record->source.section, std::move(entry));
  }
  return meeting;
}

}  // namespace

Consolidated BuildRecord(const records::Snapshot& snapshot, const BuildOptions& options) {
  SlugMap slugs;
  for (const markdown::Document& document : snapshot.reports)
    slugs.Add(document.report.meta.symbol, document.report.slug);

  std::map<std::string, std::vector<Placed>> by_slug;
  SummaryCounter counter(snapshot.settings);
  for (const model::Recommendation& record : snapshot.records) {
    Place place = PlaceOf(record, slugs);
    by_slug[place.slug].push_back({place.key, &record, place});
    counter.Add(record);
  }

  Consolidated out;
  out.title = snapshot.settings.title;
  out.as_of = {options.as_of, snapshot.commit, ""};
  out.total = snapshot.records.size();
  out.summaries = counter.Tables();
  for (const markdown::Document& document : snapshot.reports) {
    auto it = by_slug.find(document.report.slug);
    if (it == by_slug.end()) continue;
    out.meetings.push_back(MakeMeeting(snapshot, options, slugs, it->first, &document, it->second));
    by_slug.erase(it);
  }
  // Records of a report that is not in the repository still belong in the record: last.
  for (auto& [slug, records] : by_slug)
    out.meetings.push_back(MakeMeeting(snapshot, options, slugs, slug, nullptr, records));
  return out;
}

size_t Consolidated::MeetingCount() const {
  return meetings.size() + (more_meetings ? more_meetings->Count() : 0);
}

void Consolidated::ForEachMeeting(const std::function<void(const Meeting&)>& visit) const {
  for (const Meeting& meeting : meetings) visit(meeting);
  if (more_meetings) more_meetings->ForEach(visit);
}

}  // namespace sijill::record
