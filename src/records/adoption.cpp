#include "sijill/records/adoption.h"

#include <algorithm>

namespace sijill::records {

Adoptions AdoptionsOf(const Snapshot& snapshot) {
  Adoptions out;
  out.reserve(snapshot.records.size());
  for (const model::Recommendation& record : snapshot.records)
    out.push_back({record.id, record.adopted});
  return out;  // the snapshot's records are sorted by id already
}

const Adoption* FindAdoption(const Adoptions& adoptions, std::string_view id) {
  auto it = std::lower_bound(adoptions.begin(), adoptions.end(), id,
                             [](const Adoption& a, std::string_view key) { return a.id < key; });
  return it != adoptions.end() && it->id == id ? &*it : nullptr;
}

}  // namespace sijill::records
