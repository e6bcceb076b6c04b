// List pages by status, topic, addressee and year, and the consolidated record, all paged by
// report (model_internal.h kReportsPerListPage) and grouped by report.
#include "site/pages_internal.h"

namespace sijill::site::internal {

namespace {

struct Bucket {
  size_t page = 0;
  std::vector<size_t> records;
};

std::vector<Bucket> Buckets(const Model& model, const std::vector<size_t>& members) {
  std::vector<Bucket> out;
  for (size_t r : members) {
    size_t page = model.ListPage(r);
    if (out.empty() || out.back().page != page) out.push_back({page, {}});
    out.back().records.push_back(r);
  }
  return out;
}

std::string RecordPagePath(size_t page) {
  return page ? "record-" + std::to_string(page + 1) + ".html" : "record.html";
}

// Records grouped under their report, in report order.
mstch::array Groups(const Model& model, const std::vector<size_t>& records,
                    const std::string& root, const std::string& language, bool full) {
  mstch::array groups;
  size_t current = static_cast<size_t>(-2);
  mstch::array lines;
  mstch::map group;
  auto flush = [&] {
    if (current == static_cast<size_t>(-2)) return;
    group.emplace("records", std::move(lines));
    groups.push_back(std::move(group));
    lines = {};
    group = {};
  };
  for (size_t r : records) {
    size_t report = model.record_report[r];
    if (report != current) {
      flush();
      current = report;
      if (report < model.snapshot.reports.size()) {
        const model::Report& source = model.snapshot.reports[report].report;
        group = {{"title", source.meta.title},
                 {"symbol", source.meta.symbol},
                 {"date", source.meta.date},
                 {"href", root + ReportPath(source.slug)}};
      } else {
        group = {{"title", model.snapshot.records[r].source.symbol},
                 {"symbol", model.snapshot.records[r].source.symbol}};
      }
    }
    mstch::map line = RecordLine(model, r, root, language, full ? std::string::npos : 200);
    const model::Recommendation& record = model.snapshot.records[r];
    if (full && !record.followup.empty()) {
      const model::FollowUp& last = record.followup.back();
      line.emplace("last_date", last.date);
      line.emplace("last_note", last.note);
    }
    lines.push_back(std::move(line));
  }
  flush();
  return groups;
}

mstch::array Pager(const std::vector<Bucket>& buckets, size_t current,
                   const std::function<std::string(size_t)>& path_of, const std::string& root) {
  mstch::array out;
  if (buckets.size() < 2) return out;
  for (size_t i = 0; i < buckets.size(); ++i)
    out.push_back(mstch::map{{"n", std::to_string(i + 1)},
                             {"href", root + path_of(buckets[i].page)},
                             {"current", i == current}});
  return out;
}

uint64_t BucketKey(const Model& model, const std::vector<Bucket>& buckets, size_t i,
                   const std::string& what) {
  Key key;
  key.Add(model.base_key).Add(what);
  for (const Bucket& bucket : buckets) key.Add(bucket.page);  // the pager
  size_t last_report = static_cast<size_t>(-1);
  for (size_t r : buckets[i].records) {
    key.Add(model.RecordKey(r));
    size_t report = model.record_report[r];
    if (report != last_report && report < model.snapshot.reports.size())
      key.Add(model.ReportKey(report));
    last_report = report;
  }
  return key.value();
}

void AddPaged(Pages& pages, const std::string& what, const std::string& title,
              const std::vector<size_t>& members, std::function<std::string(size_t)> path_of,
              bool full) {
  const Model& model = pages.model;
  const Theme& theme = pages.theme;
  auto buckets = std::make_shared<std::vector<Bucket>>(Buckets(model, members));
  for (size_t i = 0; i < buckets->size(); ++i) {
    std::string path = path_of((*buckets)[i].page);
    pages.Add(path, BucketKey(model, *buckets, i, what + title),
              [&model, &theme, buckets, i, path, path_of, title, full] {
                std::string language = SiteLanguage(model);
                std::string root = RootOf(path);
                mstch::map context = PageContext(model, path, language, title);
                context.emplace("groups",
                                Groups(model, (*buckets)[i].records, root, language, full));
                context.emplace("pager", Pager(*buckets, i, path_of, root));
                context.emplace("count", std::to_string((*buckets)[i].records.size()));
                return theme.RenderPage(full ? "record" : "list", std::move(context));
              });
  }
}

}  // namespace

std::string FirstListPage(const Model& model, const std::string& kind, const std::string& value,
                          const std::vector<size_t>& members) {
  return ListPath(kind, value, members.empty() ? 0 : model.ListPage(members.front()));
}

void AddListPages(Pages& pages) {
  const Model& model = pages.model;
  std::string language = SiteLanguage(model);
  for (const ListKind& list : model.lists) {
    for (const auto& [value, members] : list.members) {
      std::string title = KindLabel(list.name, language) + ": " +
                          ListLabel(model, list.name, value, language);
      std::string kind = list.name;
      std::string v = value;
      AddPaged(pages, kind + "/" + value, title, members,
               [kind, v](size_t page) { return ListPath(kind, v, page); }, false);
    }
  }
  std::vector<size_t> all;
  for (const std::vector<size_t>& of_report : model.report_records)
    all.insert(all.end(), of_report.begin(), of_report.end());
  std::string title = Text("record", language);
  if (all.empty()) {
    // The record page is linked from every page: an empty repository still has one.
    const Theme& theme = pages.theme;
    pages.Add(RecordPagePath(0), Key().Add(model.base_key).Add("empty record").value(),
              [&model, &theme, title] {
                return theme.RenderPage("record", PageContext(model, "record.html", "", title));
              });
    return;
  }
  AddPaged(pages, "record", title, all, RecordPagePath, true);
}

}  // namespace sijill::site::internal
