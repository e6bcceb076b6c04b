#include "record/summaries_internal.h"

#include <algorithm>
#include <map>
#include <string>

#include "record/labels_internal.h"

namespace sijill::record {

namespace {

using Ids = std::vector<std::string>;

// The ids of `listed` first (in their order), then every other id of `found`, sorted.
Ids Ordered(const Ids& listed, const std::map<std::string, size_t>& found) {
  Ids out;
  for (const std::string& id : listed)
    if (found.count(id)) out.push_back(id);
  for (const auto& [id, count] : found)
    if (std::find(listed.begin(), listed.end(), id) == listed.end()) out.push_back(id);
  return out;
}

Ids IdsOf(const std::vector<model::Label>& labels) {
  Ids out;
  for (const model::Label& label : labels) out.push_back(label.id);
  return out;
}

template <typename RowsOf, typename LabelOf>
CountTable Count(const std::vector<model::Recommendation>& records, const Ids& statuses,
                 const Ids& listed_rows, RowsOf rows_of, LabelOf label_of) {
  std::map<std::string, size_t> column_of;
  for (size_t i = 0; i < statuses.size(); ++i) column_of[statuses[i]] = i;
  std::map<std::string, std::vector<size_t>> cells;
  std::map<std::string, size_t> row_totals;
  CountTable table;
  table.column_totals.assign(statuses.size(), 0);
  for (const model::Recommendation& record : records) {
    size_t column = column_of.at(record.status);
    ++table.column_totals[column];
    for (const std::string& row : rows_of(record)) {
      std::vector<size_t>& counts = cells[row];
      counts.resize(statuses.size());
      ++counts[column];
      ++row_totals[row];
    }
  }
  for (const std::string& status : statuses) table.columns.push_back(StatusLabel(status));
  for (const std::string& row : Ordered(listed_rows, row_totals))
    table.rows.push_back({label_of(row), cells[row], row_totals[row]});
  table.total = records.size();
  return table;
}

Ids OrNone(const Ids& ids, const char* none) { return ids.empty() ? Ids{none} : ids; }

}  // namespace

std::vector<CountTable> Summaries(const std::vector<model::Recommendation>& records,
                                  const model::Settings& settings) {
  Ids statuses = settings.statuses;
  for (const model::Recommendation& record : records)
    if (std::find(statuses.begin(), statuses.end(), record.status) == statuses.end())
      statuses.push_back(record.status);
  // "-" sorts before the letters of ids, so a recommendation without topics shows first among
  // the unlisted rows; its label says what it is.
  CountTable topics = Count(
      records, statuses, IdsOf(settings.topics),
      [](const model::Recommendation& r) { return OrNone(r.topics, "-"); },
      [&](const std::string& id) {
        return id == "-" ? std::string("(بلا موضوع)") : TopicLabel(settings, id);
      });
  topics.title = "التوصيات حسب الموضوع والحالة";
  topics.row_header = "الموضوع";
  CountTable addressees = Count(
      records, statuses, IdsOf(settings.addressees),
      [](const model::Recommendation& r) { return OrNone(r.addressees, "-"); },
      [&](const std::string& id) {
        return id == "-" ? std::string("(جهة غير محددة)") : AddresseeLabel(settings, id);
      });
  addressees.title = "التوصيات حسب الجهة المخاطَبة والحالة";
  addressees.row_header = "الجهة المخاطَبة";
  return {std::move(topics), std::move(addressees)};
}

}  // namespace sijill::record
