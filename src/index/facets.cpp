#include "index/facets.h"

namespace sijill::index {

std::string PackFacets(const std::vector<std::pair<std::string_view, std::string_view>>& facets) {
  std::string packed;
  for (const auto& [name, value] : facets) {
    if (value.empty()) continue;
    packed.append(name).append(1, '\x1F').append(value).append(1, '\n');
  }
  return packed;
}

}  // namespace sijill::index
