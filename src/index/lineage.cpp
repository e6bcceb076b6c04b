#include "sijill/index/lineage.h"

#include <algorithm>
#include <cmath>

#include "index/like_internal.h"
#include "sijill/index/terms.h"
#include "sijill/model/id.h"

namespace sijill::index {

namespace {

// Candidates ranked before the date and source checks thin them out.
constexpr Xapian::doccount kCandidates = 40;
// The record's 30 most telling words. Chosen on the seeds: with 50, the clearest real pair
// (WG 2013 ¶25 → A/RES/64/293 annex ¶52, 0.126) falls to 0.110, below unrelated pairs.
constexpr Xapian::termcount kExpandTerms = 30;

std::optional<Xapian::docid> RecordDoc(const Xapian::Database& db, const std::string& id) {
  std::string unique = UniqueTerm("recommendation", id);
  Xapian::PostingIterator it = db.postlist_begin(unique);
  if (it == db.postlist_end(unique)) return std::nullopt;
  return *it;
}

std::string SlugOf(const std::string& id) {
  std::optional<model::RecordId> parsed = model::TryParseRecordId(id);
  return parsed ? parsed->slug : id;
}

// The weight the record gets for its own "more like this" query: the scale that makes a
// candidate's weight a similarity.
double SelfWeight(const Xapian::Database& db, const Xapian::Query& like, const std::string& id) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, like,
                                  Xapian::Query(UniqueTerm("recommendation", id))));
  Xapian::MSet mset = enquire.get_mset(0, 1);
  return mset.empty() ? 0 : mset.begin().get_weight();
}

}  // namespace

std::vector<SimilarRecord> EarlierSimilar(const Xapian::Database& db,
                                          const records::Adoptions& records,
                                          const std::string& id, double floor, size_t limit) {
  const records::Adoption* record = records::FindAdoption(records, id);
  std::optional<Xapian::docid> docid = RecordDoc(db, id);
  if (!record || !docid || record->adopted.empty() || limit == 0) return {};
  Xapian::Query like = internal::LikeDocument(db, *docid, kExpandTerms);
  double self = SelfWeight(db, like, id);
  if (self <= 0) return {};
  Xapian::Enquire enquire(db);
  // Dates are ISO 8601 text, so "at most the adoption date" is a value range; "strictly
  // earlier" is checked below against `records`, which is what the record shows.
  Xapian::Query earlier(Xapian::Query::OP_VALUE_LE, kSlotDate, record->adopted);
  Xapian::Query kind(std::string(kPrefixKind) + "recommendation");
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, like,
                                  Xapian::Query(Xapian::Query::OP_AND, kind, earlier)));
  Xapian::MSet mset = enquire.get_mset(0, kCandidates);
  std::string slug = SlugOf(id);
  std::vector<SimilarRecord> out;
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end() && out.size() < limit; ++it) {
    std::string candidate = it.get_document().get_value(kSlotId);
    const records::Adoption* earlier_record = records::FindAdoption(records, candidate);
    // Another document's recommendation, adopted before this one, as the records have it.
    if (!earlier_record || SlugOf(candidate) == slug || earlier_record->adopted.empty() ||
        earlier_record->adopted >= record->adopted)
      continue;
    double similarity = it.get_weight() / self;
    if (similarity < floor) break;  // the mset is in weight order
    out.push_back({candidate, std::round(similarity * 1000) / 1000});
  }
  return out;
}

std::map<std::string, std::vector<std::string>> FindLineage(const Xapian::Database& db,
                                                            const records::Adoptions& records,
                                                            const LineageOptions& options) {
  std::map<std::string, std::vector<std::string>> lineage;
  for (const records::Adoption& record : records) {
    std::vector<SimilarRecord> similar = EarlierSimilar(
        db, records, record.id, options.min_similarity, options.max_per_record);
    if (similar.empty()) continue;
    std::vector<std::string>& ids = lineage[record.id];
    for (const SimilarRecord& earlier : similar) ids.push_back(earlier.id);
  }
  return lineage;
}

std::map<std::string, std::vector<std::string>> FindLineage(const Xapian::Database& db,
                                                            const records::Snapshot& snapshot,
                                                            const LineageOptions& options) {
  return FindLineage(db, records::AdoptionsOf(snapshot), options);
}

}  // namespace sijill::index
