// The summary tables at the head of the record: status × topic and status × addressee.
#pragma once

#include <vector>

#include "sijill/model/recommendation.h"
#include "sijill/model/settings.h"
#include "sijill/record/consolidated.h"

namespace sijill::record {

// Rows in the order sijill.yaml lists the topics/addressees (ids it does not list follow,
// sorted), only rows with at least one recommendation; columns are the statuses of sijill.yaml
// (and any other status found). A recommendation with several topics counts once under each,
// so the last row counts recommendations, not the cells above it.
std::vector<CountTable> Summaries(const std::vector<model::Recommendation>& records,
                                  const model::Settings& settings);

}  // namespace sijill::record
