// What "earlier" means between recommendations: each record's id and adoption date, by id.
// It is all that lineage (index/lineage.h) needs to know of the records, so the record of a very
// large repository can find lineage without holding the records themselves.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sijill/records/snapshot.h"

namespace sijill::records {

struct Adoption {
  std::string id;
  std::string adopted;  // YYYY-MM-DD, or "" when the record does not say
};

// Sorted by id.
using Adoptions = std::vector<Adoption>;

Adoptions AdoptionsOf(const Snapshot& snapshot);

// Binary search; nullptr when `id` is not there.
const Adoption* FindAdoption(const Adoptions& adoptions, std::string_view id);

}  // namespace sijill::records
