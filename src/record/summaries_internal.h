// The summary tables at the head of the record: status × topic and status × addressee.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sijill/model/recommendation.h"
#include "sijill/model/settings.h"
#include "sijill/record/consolidated.h"

namespace sijill::record {

// Counts records as they come (the large record never holds them all), then lays out the tables.
// Rows in the order sijill.yaml lists the topics/addressees (ids it does not list follow,
// sorted), only rows with at least one recommendation; columns are the statuses of sijill.yaml,
// then any other status found, in the order of the first record (by id) that has it. A
// recommendation with several topics counts once under each, so the last row counts
// recommendations, not the cells above it. The order records are added in does not matter.
class SummaryCounter {
 public:
  explicit SummaryCounter(const model::Settings& settings) : settings_(settings) {}
  void Add(const model::Recommendation& record);
  std::vector<CountTable> Tables() const;

 private:
  // row id → status id → count, with the totals beside.
  struct Counts {
    std::map<std::string, std::map<std::string, size_t>> cells;
    std::map<std::string, size_t> row_totals;
  };
  const model::Settings& settings_;
  Counts topics_, addressees_;
  std::map<std::string, size_t> status_totals_;
  std::map<std::string, std::string> first_id_of_status_;  // smallest record id per status
  size_t total_ = 0;
};

}  // namespace sijill::record
