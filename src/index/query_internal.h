// From the user's query string to a Xapian::Query (private to searcher.cpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace sijill::index::internal {

struct ParsedQuery {
  Xapian::Query query;  // empty when the text has no searchable word
  // Extra weight for neighbouring query words that stand near each other in a text (empty
  // when none is checked): it only reorders `query`'s matches, since a text with both words
  // of a pair matches `query` already; searcher.cpp applies it to the best of them.
  Xapian::Query proximity;
  std::vector<std::string> notes;
};

// `proximity_checks`: SearchRequest::proximity_check_limit.
ParsedQuery ParseUserQuery(const Xapian::Database& db, const std::string& text,
                           const std::string& language, size_t proximity_checks);

// The filters as one boolean query (values of a key ORed, keys ANDed); empty for none.
// Throws Error kUsage for an unknown key.
Xapian::Query FilterQuery(const std::vector<std::pair<std::string, std::string>>& filters);

// The query a symbol stands for: its own-symbol and cited-symbol terms.
Xapian::Query SymbolQuery(const std::string& symbol);

}  // namespace sijill::index::internal
