#include "record/summaries_internal.h"

#include <algorithm>

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

Ids OrNone(const Ids& ids, const char* none) { return ids.empty() ? Ids{none} : ids; }

template <typename Counts, typename LabelOf>
CountTable Table(const Counts& counts, const Ids& statuses,
                 const std::map<std::string, size_t>& status_totals, size_t total,
                 const Ids& listed_rows, LabelOf label_of) {
  CountTable table;
  for (const std::string& status : statuses) {
    table.columns.push_back(StatusLabel(status));
    auto found = status_totals.find(status);
    table.column_totals.push_back(found == status_totals.end() ? 0 : found->second);
  }
  for (const std::string& row : Ordered(listed_rows, counts.row_totals)) {
    const std::map<std::string, size_t>& cells = counts.cells.at(row);
    std::vector<size_t> cell_counts;
    for (const std::string& status : statuses) {
      auto found = cells.find(status);
      cell_counts.push_back(found == cells.end() ? 0 : found->second);
    }
    table.rows.push_back({label_of(row), std::move(cell_counts), counts.row_totals.at(row)});
  }
  table.total = total;
  return table;
}

}  // namespace

void SummaryCounter::Add(const model::Recommendation& record) {
  ++total_;
  ++status_totals_[record.status];
  auto [first, inserted] = first_id_of_status_.try_emplace(record.status, record.id);
  if (!inserted && record.id < first->second) first->second = record.id;
  for (const std::string& row : OrNone(record.topics, "-")) {
    ++topics_.cells[row][record.status];
    ++topics_.row_totals[row];
  }
  for (const std::string& row : OrNone(record.addressees, "-")) {
    ++addressees_.cells[row][record.status];
    ++addressees_.row_totals[row];
  }
}

std::vector<CountTable> SummaryCounter::Tables() const {
  Ids statuses = settings_.statuses;
  std::vector<std::pair<std::string, std::string>> others;  // (first record id, status)
  for (const auto& [status, id] : first_id_of_status_)
    if (std::find(statuses.begin(), statuses.end(), status) == statuses.end())
      others.push_back({id, status});
  std::sort(others.begin(), others.end());
  for (const auto& [id, status] : others) statuses.push_back(status);
  // "-" sorts before the letters of ids, so a recommendation without topics shows first among
  // the unlisted rows; its label says what it is.
  CountTable topics =
      Table(topics_, statuses, status_totals_, total_, IdsOf(settings_.topics),
            [&](const std::string& id) {
              return id == "-" ? std::string("(بلا موضوع)") : TopicLabel(settings_, id);
            });
  topics.title = "التوصيات حسب الموضوع والحالة";
  topics.row_header = "الموضوع";
  CountTable addressees =
      Table(addressees_, statuses, status_totals_, total_, IdsOf(settings_.addressees),
            [&](const std::string& id) {
              return id == "-" ? std::string("(جهة غير محددة)") : AddresseeLabel(settings_, id);
            });
  addressees.title = "التوصيات حسب الجهة المخاطَبة والحالة";
  addressees.row_header = "الجهة المخاطَبة";
  return {std::move(topics), std::move(addressees)};
}

}  // namespace sijill::record
