// "More like this" for one indexed document, shared by suggest.cpp and lineage.cpp.
#pragma once

#include <xapian.h>

namespace sijill::index::internal {

// The document's `terms` best expand terms (Enquire::get_eset with the document alone as the
// relevance set, words and cited symbols only), ORed, each scaled by its share of the best
// expand weight so the document's rarest topical words lead.
Xapian::Query LikeDocument(const Xapian::Database& db, Xapian::docid docid,
                           Xapian::termcount terms);

}  // namespace sijill::index::internal
