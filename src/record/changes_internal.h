// "Changed since": what the secretariat reports on between two sessions. Compares the record
// files that git says changed between the two commits, so the cost follows the size of the
// change, not of the repository.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sijill/model/recommendation.h"
#include "sijill/record/consolidated.h"
#include "sijill/store/repository.h"

namespace sijill::record {

// Records whose status or follow-up differ between the commit `from` and `to` (a record new
// since `from` counts; a changed text alone does not). The old side is read when the tracker is
// made; the records of `to` are shown to it as they are read (See), so it holds only the changed
// ones.
class ChangeTracker {
 public:
  ChangeTracker(const store::Repository& repository, const std::string& from,
                const std::string& to);
  // Call with every record of `to` (any order; records that did not change are ignored).
  void See(const model::Recommendation& now);
  // The changes, by id; records never seen count as removed.
  std::vector<Change> Finish();

 private:
  struct Changed {
    std::string path;
    std::optional<model::Recommendation> old;
    std::optional<Change> change;  // set once the record of `to` was seen
  };
  std::map<std::string, Changed> by_id_;
};

}  // namespace sijill::record
