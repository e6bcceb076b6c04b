// The statuses sijill.yaml allows at HEAD, which RecordStore checks an update against.
// DESIGN.md ⚑ Statuses: "defaults, configurable in sijill.yaml". The committed settings decide,
// so a status someone added by hand but did not commit is not yet allowed.
#pragma once

#include <string>
#include <vector>

#include "sijill/store/repository.h"

namespace sijill::records {

// Parsing sijill.yaml with yaml-cpp takes ~0.7 ms (4 KB), a few percent of a `sijill status`,
// for a list that changes about never. So the list is kept in <git dir>/sijill-statuses with
// the blob ids it was read from (sijill.yaml's and the built-in defaults', which fill in a key
// the file leaves out); any other pair, or a missing or damaged cache, reads the file again
// and rewrites the cache.
std::vector<std::string> CommittedStatuses(const store::Repository& repository);

}  // namespace sijill::records
