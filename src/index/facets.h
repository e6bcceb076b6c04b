// A document's facets packed into one value slot (kSlotFacets): counting the facets of a match
// then reads one value instead of one per facet. Each of Xapian's get_value calls seeks the
// B-tree afresh, and the seven of them were a quarter of a query's time at 20,000 reports
// (bench/RESULTS.md, issue 4 item 5).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sijill::index {

// "name\x1Fvalue\n" per value; empty values are left out. Names and values never hold '\n'
// (they are single-line front-matter scalars) nor \x1F.
std::string PackFacets(const std::vector<std::pair<std::string_view, std::string_view>>& facets);

// Calls `visit(name, value)` for each value of `packed`, in order.
template <typename Visit>
void ForEachFacet(std::string_view packed, Visit&& visit) {
  while (!packed.empty()) {
    size_t end = packed.find('\n');
    std::string_view line = packed.substr(0, end);
    size_t split = line.find('\x1F');
    if (split != std::string_view::npos && split > 0 && split + 1 < line.size())
      visit(line.substr(0, split), line.substr(split + 1));
    if (end == std::string_view::npos) break;
    packed.remove_prefix(end + 1);
  }
}

}  // namespace sijill::index
