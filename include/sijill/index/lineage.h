// Repeated recommendations (issue #5 item 3): "the record marks recommendations that repeat or
// continue an earlier one (via 'more like this'), so the record shows lineage across meetings".
//
// For each record, the records adopted EARLIER (strictly older adoption date, another source
// document) that are most like it: the record's expand terms (Enquire::get_eset on the record
// alone, as suggest.h) are run against the other records, and each candidate's weight is divided
// by the weight the record gets for its own query. That ratio (0..~1) is comparable across
// records; a candidate at or above LineageOptions::min_similarity is a repeat. The cut-off is
// chosen on the seeds' real pairs (docs/suggest.md, tests/unit/index/lineage_test.cpp).
// Thread-safety: pure functions over a Xapian::Database the caller does not share.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "sijill/records/adoption.h"
#include "sijill/records/snapshot.h"

namespace sijill::index {

struct LineageOptions {
  double min_similarity = 0.12;
  size_t max_per_record = 3;
};

struct SimilarRecord {
  std::string id;
  double similarity = 0;  // candidate weight / the record's own weight
};

// The earlier records of `records` most like record `id`, best first, down to `floor`
// similarity (at most `limit`). Records missing from the index are skipped (an empty list).
std::vector<SimilarRecord> EarlierSimilar(const Xapian::Database& db,
                                          const records::Adoptions& records,
                                          const std::string& id, double floor, size_t limit);

// record id → ids of the earlier records it repeats or continues, best first. Records with none
// are absent from the map.
std::map<std::string, std::vector<std::string>> FindLineage(const Xapian::Database& db,
                                                            const records::Adoptions& records,
                                                            const LineageOptions& options = {});
std::map<std::string, std::vector<std::string>> FindLineage(const Xapian::Database& db,
                                                            const records::Snapshot& snapshot,
                                                            const LineageOptions& options = {});

}  // namespace sijill::index
