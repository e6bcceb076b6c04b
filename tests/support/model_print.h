// How Boost.Test prints model values when a comparison fails: as their canonical YAML.
#pragma once

#include <ostream>

#include "sijill/model/record_yaml.h"

namespace sijill::model {

inline std::ostream& boost_test_print_type(std::ostream& out, const Recommendation& record) {
  return out << "\n" << WriteRecord(record);
}

inline std::ostream& boost_test_print_type(std::ostream& out, const FollowUp& entry) {
  return out << "\n" << WriteFollowUpEntry(entry, 0);
}

}  // namespace sijill::model
