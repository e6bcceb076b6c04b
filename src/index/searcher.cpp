#include "sijill/index/searcher.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "index/query_internal.h"
#include "sijill/error.h"
#include "sijill/index/analyzer.h"
#include "sijill/index/terms.h"

namespace sijill::index {

namespace {

// Counts every value of a slot, multi-valued slots ('\n'-joined) value by value; Xapian's
// ValueCountMatchSpy counts a slot's whole string.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double) override {
    std::string value = doc.get_value(slot_);
    ++seen_;
    for (size_t begin = 0; begin < value.size();) {
      size_t end = value.find('\n', begin);
      if (end == std::string::npos) end = value.size();
      if (end > begin) ++counts_[value.substr(begin, end - begin)];
      begin = end + 1;
    }
  }
  const std::map<std::string, size_t>& counts() const { return counts_; }
  size_t seen() const { return seen_; }

 private:
  Xapian::valueno slot_;
  size_t seen_ = 0;
  std::map<std::string, size_t> counts_;
};

const std::vector<std::pair<std::string, Xapian::valueno>>& FacetSlots() {
  static const std::vector<std::pair<std::string, Xapian::valueno>> kSlots = {
      {"kind", kSlotKind},   {"type", kSlotType},         {"status", kSlotStatus},
      {"year", kSlotYear},   {"language", kSlotLanguage}, {"topic", kSlotTopics},
      {"addressee", kSlotAddressees}};
  return kSlots;
}

// The document to find more like: the record with that id if there is one, else its paragraph.
Xapian::docid FindById(const Xapian::Database& db, const std::string& id) {
  for (const char* kind : {"recommendation", "paragraph", "report", "brief"}) {
    Xapian::PostingIterator it = db.postlist_begin(UniqueTerm(kind, id));
    if (it != db.postlist_end(UniqueTerm(kind, id))) return *it;
  }
  throw Error(Error::Kind::kNotFound, "no indexed document has the id '" + id + "'");
}

class WordTermsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > 2 && ((term[0] == 'Z' && !IsStopwordStem(term)) ||
                                 term.rfind(kPrefixCited, 0) == 0);
  }
};

// "More like this": the terms that best tell the document apart, as Xapian's relevance
// feedback picks them; the document itself and its twin of the other kind are left out.
Xapian::Query SimilarQuery(const Xapian::Database& db, const std::string& id) {
  Xapian::RSet rset;
  rset.add_document(FindById(db, id));
  Xapian::Enquire enquire(db);
  WordTermsOnly decider;
  Xapian::ESet eset = enquire.get_eset(30, rset, &decider);
  std::vector<Xapian::Query> terms;
  for (Xapian::ESetIterator it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
  Xapian::Query like(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(kPrefixId + id));
}

// A record and its source paragraph share an id and are collapsed into one result; the record
// is the one shown, since it has the status and the follow-up.
Xapian::Document Preferred(const Xapian::Database& db, const Xapian::Document& doc,
                           bool kind_filtered) {
  if (kind_filtered || doc.get_value(kSlotKind) != "paragraph") return doc;
  std::string record = UniqueTerm("recommendation", doc.get_value(kSlotId));
  Xapian::PostingIterator it = db.postlist_begin(record);
  return it == db.postlist_end(record) ? doc : db.get_document(*it);
}

SearchHit MakeHit(const Xapian::MSetIterator& it, const Xapian::MSet& mset,
                  const Xapian::Document& doc) {
  SearchHit hit;
  nlohmann::json data = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (data.is_discarded()) data = nlohmann::json::object();
  auto get = [&](const char* key) {
    return data.contains(key) && data[key].is_string() ? data[key].get<std::string>() : "";
  };
  hit.id = get("id");
  hit.kind = get("kind");
  hit.symbol = get("symbol");
  hit.title = get("title");
  hit.status = get("status");
  if (data.contains("paragraph") && data["paragraph"].is_number_integer())
    hit.paragraph = data["paragraph"].get<int>();
  std::string text = get("text");
  hit.snippet = mset.snippet(text, 280, SearchStemmer(),
                             Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                                 Xapian::MSet::SNIPPET_EXHAUSTIVE,
                             "<mark>", "</mark>", "…");
  hit.score = std::round(it.get_weight() * 1000) / 1000;
  return hit;
}

}  // namespace

SearchResponse Search(const Xapian::Database& db, const SearchRequest& request) {
  SearchResponse response;
  response.query = request.query;
  Xapian::Query query;
  if (!request.query.empty()) {
    internal::ParsedQuery parsed = internal::ParseUserQuery(db, request.query, request.language,
                                                               request.proximity_check_limit);
    query = parsed.query;
    response.notes = parsed.notes;
  }
  if (!request.similar.empty()) {
    Xapian::Query like = SimilarQuery(db, request.similar);
    query = query.empty() ? like : Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, like);
  }
  Xapian::Query filter = internal::FilterQuery(request.filters);
  if (query.empty() && !filter.empty()) query = Xapian::Query::MatchAll;
  if (!filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  response.parsed = query.get_description();
  if (query.empty()) {
    response.notes.push_back("the query has no word to search for");
    return response;
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  if (request.collapse_same_id) enquire.set_collapse_key(kSlotId);
  std::vector<std::unique_ptr<FacetSpy>> spies;
  for (const auto& [name, slot] : FacetSlots()) {
    spies.push_back(std::make_unique<FacetSpy>(slot));
    enquire.add_matchspy(spies.back().get());
  }
  Xapian::doccount check = static_cast<Xapian::doccount>(
      std::max(request.exact_count_limit, request.offset + request.limit));
  Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check);
  // Xapian checks at least `check` matches when there are that many: a spy that saw fewer saw
  // them all, and then the lower bound is exact (the estimate is not when collapsing removed
  // some).
  size_t seen = spies.empty() ? 0 : spies.front()->seen();
  bool exhaustive = seen < check;
  response.total = exhaustive ? mset.get_matches_lower_bound() : mset.get_matches_estimated();
  double scale = exhaustive || seen == 0 ? 1.0 : static_cast<double>(response.total) / seen;
  if (!exhaustive)
    response.notes.push_back("about " + std::to_string(response.total) +
                             " matches: the total and the facets are estimated from the first " +
                             std::to_string(seen));
  bool kind_filtered = false;
  for (const auto& [key, value] : request.filters) kind_filtered |= key == "kind";
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document doc = it.get_document();
    if (request.collapse_same_id) doc = Preferred(db, doc, kind_filtered);
    response.results.push_back(MakeHit(it, mset, doc));
  }
  for (size_t i = 0; i < spies.size(); ++i) {
    if (spies[i]->counts().empty()) continue;
    std::map<std::string, size_t>& counts = response.facets[FacetSlots()[i].first];
    for (const auto& [value, count] : spies[i]->counts())
      counts[value] = static_cast<size_t>(count * scale + 0.5);
  }
  return response;
}

std::string ToJson(const SearchResponse& response) {
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const SearchHit& hit : response.results) {
    results.push_back({{"id", hit.id},
                       {"kind", hit.kind},
                       {"symbol", hit.symbol.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(hit.symbol)},
                       {"paragraph", hit.paragraph ? nlohmann::ordered_json(*hit.paragraph) : nlohmann::ordered_json()},
                       {"title", hit.title},
                       {"snippet", hit.snippet},
                       {"status", hit.status.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(hit.status)},
                       {"score", hit.score}});
  }
  nlohmann::ordered_json out = {{"query", response.query},
                        {"total", response.total},
                        {"results", results},
                        {"facets", response.facets.empty() ? nlohmann::ordered_json::object()
                                                           : nlohmann::ordered_json(response.facets)}};
  if (!response.notes.empty()) out["notes"] = response.notes;
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace sijill::index
