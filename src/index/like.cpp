#include <algorithm>
#include <vector>

#include "index/like_internal.h"
#include "sijill/index/terms.h"

namespace sijill::index::internal {

namespace {

class WordTermsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > 2 && ((term[0] == 'Z' && !IsStopwordStem(term)) ||
                                 term.rfind(kPrefixCited, 0) == 0);
  }
};

}  // namespace

Xapian::Query LikeDocument(const Xapian::Database& db, Xapian::docid docid,
                           Xapian::termcount terms) {
  Xapian::RSet rset;
  rset.add_document(docid);
  Xapian::Enquire enquire(db);
  WordTermsOnly decider;
  Xapian::ESet eset = enquire.get_eset(terms, rset, &decider);
  std::vector<Xapian::Query> query;
  double best = eset.empty() ? 1 : eset.begin().get_weight();
  for (Xapian::ESetIterator it = eset.begin(); it != eset.end(); ++it)
    query.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                       std::max(0.05, it.get_weight() / best));
  return Xapian::Query(Xapian::Query::OP_OR, query.begin(), query.end());
}

}  // namespace sijill::index::internal
