#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "site/model_internal.h"
#include "sijill/model/front_matter.h"
#include "sijill/model/id.h"
#include "sijill/text/slug.h"

namespace sijill::site::internal {

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);
// Bumped whenever the generator's output changes, so every page is rendered again.
constexpr const char* kGeneratorVersion = "sijill-site-2";

std::string YearOf(const model::Recommendation& record, const records::Snapshot& snapshot,
                   size_t report) {
  if (record.adopted.size() >= 4) return record.adopted.substr(0, 4);
  if (report != kNone) return snapshot.reports[report].report.meta.date.substr(0, 4);
  return "";
}

// Calls `each(id, relative)` for the ids of report `report`'s paragraphs in order, until it
// returns false: from its Document (whole ids), or from `paragraph_ids`
// (snapshot_cache_internal.h ParagraphIds) when it came without them — then an id that starts
// with the report's slug comes as what follows the slug (".p22"), `relative`, not built again
// (a million ids at 20,000 reports).
template <typename Each>
void ForEachParagraphId(const records::Snapshot& snapshot,
                        const std::vector<std::string>* paragraph_ids, size_t report, Each each) {
  const markdown::Document& document = snapshot.reports[report];
  if (!paragraph_ids || (*paragraph_ids)[report].empty()) {
    for (const markdown::Paragraph& paragraph : document.paragraphs)
      if (!each(std::string_view(paragraph.id), false)) return;
    return;
  }
  std::string_view ids = (*paragraph_ids)[report];
  for (size_t at = 0, end; at < ids.size(); at = end + 1) {
    end = ids.find('\0', at);
    std::string_view part = ids.substr(at, end - at);
    bool whole = !part.empty() && part[0] == '\x01';
    if (!each(whole ? part.substr(1) : part, !whole)) return;
  }
}

// `path` == id.Path(), without making that string (100,000 of them each build).
bool IsPathOf(std::string_view path, const model::RecordId& id) {
  constexpr std::string_view kSuffix = ".yaml";
  if (path.size() != model::kRecordsDir.size() + 1 + id.slug.size() + 1 + id.rest.size() + kSuffix.size())
    return false;
  size_t at = 0;
  for (std::string_view part : {model::kRecordsDir, std::string_view("/"), std::string_view(id.slug),
                                std::string_view("/"), std::string_view(id.rest), kSuffix}) {
    if (path.compare(at, part.size(), part) != 0) return false;
    at += part.size();
  }
  return true;
}

}  // namespace

Model::Model(const records::Snapshot& snap, const BuildOptions& opts, uint64_t theme_key,
             const std::vector<std::string>* paragraph_ids,
             const std::vector<CachedText>* record_texts,
             const std::vector<internal::RecordFile>* record_files)
    : snapshot(snap), options(opts), record_texts_(record_texts) {
  report_by_slug.reserve(snapshot.reports.size());
  report_by_symbol.reserve(snapshot.reports.size());
  reports_of_symbol.reserve(snapshot.reports.size());
  for (size_t i = 0; i < snapshot.reports.size(); ++i) {
    const model::Report& report = snapshot.reports[i].report;
    report_by_slug[report.slug] = i;
    if (report.meta.symbol.empty()) continue;
    report_by_symbol.emplace(report.meta.symbol, i);
    reports_of_symbol[report.meta.symbol].push_back(i);
  }
  report_records.resize(snapshot.reports.size());
  record_report.assign(snapshot.records.size(), kNone);
  ListKind topics{"topics", {}}, addressees{"addressees", {}}, status{"status", {}},
      years{"years", {}};
  record_files_.assign(snapshot.records.size(), std::string_view());
  record_blobs_.resize(snapshot.records.size());
  // A record's file is the path of its id, its blob that file's: nearly always the file it was
  // read from; else (`sijill check` reports a record at another path) the blob of whichever
  // file is at that path, by a map made only if ever needed.
  std::unordered_map<std::string_view, std::string_view> record_blob_by_path;
  auto blob_of_record_file = [&](const std::string& file) -> std::string_view {
    if (!record_files) return BlobOf(file);
    if (record_blob_by_path.empty())
      for (const internal::RecordFile& other : *record_files) record_blob_by_path.emplace(other.path, other.blob_id);
    auto it = record_blob_by_path.find(file);
    return it == record_blob_by_path.end() ? std::string_view(BlobOf(file)) : it->second;
  };
  for (size_t r = 0; r < snapshot.records.size(); ++r) {
    const model::Recommendation& record = snapshot.records[r];
    auto id = model::TryParseRecordId(record.id);
    // A record without a valid id is keyed by its id (it has no file of its own).
    record_blobs_[r] = record.id;
    if (id) {
      if (record_files && IsPathOf((*record_files)[r].path, *id)) {  // nearly always
        record_files_[r] = (*record_files)[r].path;
        record_blobs_[r] = (*record_files)[r].blob_id;
      } else {
        std::string file = id->Path();
        record_blobs_[r] = blob_of_record_file(file);
        record_files_[r] = other_files_.emplace_back(std::move(file));
      }
    }
    size_t report = kNone;
    if (auto it = id ? report_by_slug.find(id->slug) : report_by_slug.end();
        it != report_by_slug.end())
      report = it->second;
    else if (auto by_symbol = report_by_symbol.find(record.source.symbol);
             by_symbol != report_by_symbol.end())
      report = by_symbol->second;
    if (report != kNone) {
      record_report[r] = report;
      report_records[report].push_back(r);
    }
  }
  // A report's records in the order of its paragraphs (ids sort p10 before p5). The paragraphs
  // are scanned for the report's few records, not all put in a map (a million at 20,000 reports).
  for (size_t i = 0; i < report_records.size(); ++i) {
    if (report_records[i].size() < 2) continue;
    // Record id -> first paragraph with that id: a report has a few records, so a vector
    // searched in order (a std::map per report was ~40 ms at 20,000 reports). The scan stops
    // once every record has its paragraph.
    struct Position {
      std::string_view id;
      std::optional<std::string_view> after_slug;  // the id without the report's slug
      size_t at = kNone;
    };
    const std::string& slug = snapshot.reports[i].report.slug;
    std::vector<Position> position;
    for (size_t r : report_records[i]) {
      std::string_view id = snapshot.records[r].id;
      std::optional<std::string_view> after_slug;
      if (id.starts_with(slug)) after_slug = id.substr(slug.size());
      position.push_back({id, after_slug, kNone});
    }
    size_t paragraphs = 0, unplaced = position.size();
    ForEachParagraphId(snapshot, paragraph_ids, i, [&](std::string_view id, bool relative) {
      for (Position& entry : position) {
        if (entry.at != kNone) continue;
        if (relative ? entry.after_slug == id : entry.id == id) {
          entry.at = paragraphs;
          --unplaced;
        }
      }
      ++paragraphs;
      return unplaced > 0;
    });
    auto place = [&](size_t r) {
      std::string_view id = snapshot.records[r].id;
      size_t at = std::find_if(position.begin(), position.end(),
                               [id](const Position& entry) { return entry.id == id; })->at;
      return at == kNone ? paragraphs : at;
    };
    std::stable_sort(report_records[i].begin(), report_records[i].end(),
                     [&](size_t a, size_t b) { return place(a) < place(b); });
  }
  // Lists hold records in report order (then id), the order of the record itself; records
  // whose report is not in the corpus come last.
  std::vector<size_t> order;
  for (const std::vector<size_t>& of_report : report_records)
    order.insert(order.end(), of_report.begin(), of_report.end());
  for (size_t r = 0; r < record_report.size(); ++r)
    if (record_report[r] == kNone) order.push_back(r);
  {
    // The lists' values are few: each looked up by hash, then kept in its ordered map (400,000
    // lookups in std::maps of strings were ~80 ms at 20,000 reports).
    auto member = [](ListKind& list) {
      return [&list, seen = std::unordered_map<std::string_view, std::vector<size_t>*>()](
                 std::string_view value) mutable -> std::vector<size_t>& {
        auto [it, fresh] = seen.try_emplace(value, nullptr);
        if (fresh) {
          auto node = list.members.try_emplace(std::string(value)).first;
          it = seen.erase(it);
          it = seen.emplace(node->first, &node->second).first;  // the view of the map's own key
        }
        return *it->second;
      };
    };
    auto topic_of = member(topics), addressee_of = member(addressees), status_of = member(status),
         year_of = member(years);
    for (size_t r : order) {
      const model::Recommendation& record = snapshot.records[r];
      for (const std::string& topic : record.topics) topic_of(topic).push_back(r);
      for (const std::string& addressee : record.addressees) addressee_of(addressee).push_back(r);
      if (!record.status.empty()) status_of(record.status).push_back(r);
      std::string year = YearOf(record, snapshot, record_report[r]);
      if (!year.empty()) year_of(year).push_back(r);
    }
  }
  lists = {std::move(status), std::move(topics), std::move(addressees), std::move(years)};
  report_blobs_.reserve(snapshot.reports.size());
  for (const markdown::Document& document : snapshot.reports)
    report_blobs_.push_back(&BlobOf("corpus/" + document.report.slug + ".md"));
  record_keys_.reserve(record_blobs_.size());
  for (std::string_view blob : record_blobs_) record_keys_.push_back(Hash(blob));
  report_keys_.reserve(report_blobs_.size());
  for (const std::string* blob : report_blobs_) report_keys_.push_back(Hash(*blob));
  for (const model::Brief& brief : snapshot.briefs)
    if (brief.Published()) briefs.push_back(&brief);
  base_key = Key()
                 .Add(kGeneratorVersion)
                 .Add(theme_key)
                 .Add(BlobOf(std::string(model::kSettingsPath)))
                 .Add(options.base_url)
                 .value();
}

const char* GeneratorVersion() { return kGeneratorVersion; }

std::string_view Model::RecordText(size_t record) const {
  if (const CachedText* cached = Cached(record)) return cached->text;
  return snapshot.records[record].text;
}

std::map<std::string, std::string> Model::RecordSummary(size_t record) const {
  if (const CachedText* cached = Cached(record)) return DecodeSummary(cached->summary);
  return snapshot.records[record].summary;
}

uint64_t Model::RecordSearchSum(size_t record) const {
  if (const CachedText* cached = Cached(record)) return cached->search_sum;
  return SearchSum(snapshot.records[record].text, snapshot.records[record].summary);
}

const std::string& Model::BlobOf(const std::string& path) const {
  static const std::string kNoBlob;
  auto it = snapshot.blob_ids.find(path);
  return it == snapshot.blob_ids.end() ? kNoBlob : it->second;
}


std::string Model::ReportBody(size_t report) const {
  const model::Report& cached = snapshot.reports[report].report;
  if (!cached.body.empty() || !repository) return cached.body;
  std::string path = "corpus/" + cached.slug + ".md";
  std::optional<std::string> text = repository->ReadBlob(BlobOf(path));
  if (!text) return "";
  // As markdown::ParseReport reads it: without front matter, the whole file is the body.
  if (!model::SplitFrontMatter(*text)) return *text;
  return model::ParseReport(path, *text).report.body;
}

size_t Model::ListPage(size_t record) const {
  size_t report = record_report[record];
  return report == kNone ? 0 : report / kReportsPerListPage;
}

std::string RootOf(const std::string& path) {
  std::string root;
  for (char c : path)
    if (c == '/') root += "../";
  return root;
}

std::string ReportPath(const std::string& slug) { return "reports/" + slug + ".html"; }
std::string RecordPath(const std::string& id) { return "recommendations/" + id + ".html"; }
std::string BriefPath(const std::string& slug) { return "briefs/" + slug + ".html"; }

std::string ListPath(const std::string& kind, const std::string& value, size_t page) {
  // Values are ids from sijill.yaml or years; anything else is made a safe file name.
  std::string name = text::Slug(value);
  if (name.empty()) name = "_";
  return kind + "/" + name + (page ? "-" + std::to_string(page + 1) : "") + ".html";
}

std::string Anchor(const std::string& record_id) {
  auto id = model::TryParseRecordId(record_id);
  return id ? id->rest : "";
}

std::string Dir(const std::string& language) {
  std::string base = language.substr(0, language.find('-'));
  return base == "ar" || base == "fa" || base == "ur" || base == "he" ? "rtl" : "ltr";
}

std::string Excerpt(std::string_view text, size_t code_points) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count++ == code_points) {
      size_t cut = text.rfind(' ', i);
      return std::string(text.substr(0, cut == std::string::npos || cut < i / 2 ? i : cut)) + " …";
    }
  }
  return std::string(text);
}

Link EvidenceLink(const Model& model, const model::Evidence& evidence) {
  if (evidence.IsUrl()) return {evidence.url, evidence.url, false};
  std::string text = evidence.ToString();
  auto it = model.report_by_symbol.find(evidence.symbol);
  if (it == model.report_by_symbol.end())
    return {"https://undocs.org/" + evidence.symbol, text, false};
  std::string href = ReportPath(model.snapshot.reports[it->second].report.slug);
  if (!evidence.paragraph.empty()) {
    auto rest = model::RestForParagraph(evidence.paragraph);
    if (rest) href += "#" + *rest;
  }
  return {href, text, true};
}

}  // namespace sijill::site::internal
