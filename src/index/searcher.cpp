#include "sijill/index/searcher.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "index/facets.h"
#include "index/query_internal.h"
#include "sijill/error.h"
#include "sijill/index/analyzer.h"
#include "sijill/index/terms.h"

namespace sijill::index {

namespace {

// Notes the matches whose facets are counted. Counting them here would read each match's
// facet value with a B-tree lookup of its own (Document::get_value), a quarter of a query's time
// at 20,000 reports; CountFacets reads them afterwards in docid order from the value stream,
// one chunk after the next.
class MatchList : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    ids_.push_back(doc.get_docid());
  }
  std::vector<Xapian::docid>& ids() { return ids_; }

 private:
  std::vector<Xapian::docid> ids_;
};

using FacetCounts =
    std::map<std::string, std::map<std::string, size_t, std::less<>>, std::less<>>;

FacetCounts CountFacets(const Xapian::Database& db, std::vector<Xapian::docid>& ids) {
  FacetCounts counts;
  std::sort(ids.begin(), ids.end());
  Xapian::ValueIterator value = db.valuestream_begin(kSlotFacets);
  for (Xapian::docid id : ids) {
    value.skip_to(id);
    if (value == db.valuestream_end(kSlotFacets)) break;
    if (value.get_docid() != id) continue;
    ForEachFacet(*value, [&](std::string_view name, std::string_view facet_value) {
      auto facet = counts.find(name);
      if (facet == counts.end()) facet = counts.try_emplace(std::string(name)).first;
      auto count = facet->second.find(facet_value);
      if (count == facet->second.end())
        facet->second.emplace(std::string(facet_value), 1);
      else
        ++count->second;
    });
  }
  return counts;
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

// A fixed, sorted list of documents as a query: the second pass of the proximity rerank.
class DocumentList : public Xapian::PostingSource {
 public:
  explicit DocumentList(std::vector<Xapian::docid> sorted) : ids_(std::move(sorted)) {}
  Xapian::doccount get_termfreq_min() const override { return Count(); }
  Xapian::doccount get_termfreq_est() const override { return Count(); }
  Xapian::doccount get_termfreq_max() const override { return Count(); }
  Xapian::docid get_docid() const override { return ids_[at_]; }
  void next(double) override {
    at_ = started_ ? at_ + 1 : 0;
    started_ = true;
  }
  void skip_to(Xapian::docid id, double) override {
    size_t from = started_ ? at_ : 0;
    started_ = true;
    at_ = static_cast<size_t>(
        std::lower_bound(ids_.begin() + static_cast<long>(from), ids_.end(), id) - ids_.begin());
  }
  bool at_end() const override { return started_ && at_ >= ids_.size(); }
  void init(const Xapian::Database&) override {
    at_ = 0;
    started_ = false;
  }
  Xapian::PostingSource* clone() const override { return new DocumentList(ids_); }

 private:
  Xapian::doccount Count() const { return static_cast<Xapian::doccount>(ids_.size()); }
  std::vector<Xapian::docid> ids_;
  size_t at_ = 0;
  bool started_ = false;
};

// The first `depth` matches of `first_pass` (the query matched without its proximity boost)
// matched again with `full` (the query with it), in their new order and with their new weights.
// Docids name the same documents in the query and in `db` only when `db` is one shard.
std::vector<std::pair<Xapian::docid, double>> Reranked(const Xapian::Database& db,
                                                       const Xapian::Query& full,
                                                       const Xapian::MSet& first_pass,
                                                       size_t depth) {
  std::vector<Xapian::docid> ids;
  for (Xapian::MSetIterator it = first_pass.begin(); it != first_pass.end() && ids.size() < depth;
       ++it)
    ids.push_back(*it);
  size_t count = ids.size();
  std::sort(ids.begin(), ids.end());
  Xapian::Enquire again(db);
  again.set_query(Xapian::Query(Xapian::Query::OP_FILTER, full,
                                Xapian::Query((new DocumentList(std::move(ids)))->release())));
  Xapian::MSet reranked = again.get_mset(0, static_cast<Xapian::doccount>(count));
  std::vector<std::pair<Xapian::docid, double>> top;
  for (Xapian::MSetIterator it = reranked.begin(); it != reranked.end(); ++it)
    top.emplace_back(*it, it.get_weight());
  return top;
}

SearchHit MakeHit(const Xapian::MSet& mset, const Xapian::Document& doc, double weight) {
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
  // The window with the most of the query's words, weighted by the query's own statistics.
  // (SNIPPET_BACKGROUND_MODEL also weighs every other word of the text by its frequency in the
  // collection: a B-tree lookup per word, 13 % of a query's time at 20,000 reports.)
  hit.snippet = mset.snippet(text, 280, SearchStemmer(), Xapian::MSet::SNIPPET_EXHAUSTIVE,
                             "<mark>", "</mark>", "…");
  hit.score = std::round(weight * 1000) / 1000;
  return hit;
}

}  // namespace

SearchResponse Search(const Xapian::Database& db, const SearchRequest& request) {
  SearchResponse response;
  response.query = request.query;
  Xapian::Query query;
  Xapian::Query proximity;
  if (!request.query.empty()) {
    internal::ParsedQuery parsed = internal::ParseUserQuery(db, request.query, request.language,
                                                               request.proximity_check_limit);
    query = parsed.query;
    proximity = parsed.proximity;
    response.notes = parsed.notes;
  }
  if (!request.similar.empty()) {
    Xapian::Query like = SimilarQuery(db, request.similar);
    query = query.empty() ? like : Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, like);
  }
  Xapian::Query full =
      proximity.empty() ? query : Xapian::Query(Xapian::Query::OP_OR, query, proximity);
  Xapian::Query filter = internal::FilterQuery(request.filters);
  if (query.empty() && !filter.empty()) query = full = Xapian::Query::MatchAll;
  if (!filter.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    full = Xapian::Query(Xapian::Query::OP_FILTER, full, filter);
  }
  response.parsed = full.get_description();
  if (query.empty()) {
    response.notes.push_back("the query has no word to search for");
    return response;
  }
  // The proximity boost only reorders matches, and its positional check was most of a two-word
  // query's time when run on every text holding both words (with the facets and snippets
  // changes, p99 22–30 → 9–13 ms at 20,000 reports, bench/RESULTS.md): the query is matched
  // without it, and its best matches are matched again with it
  // (SearchRequest::proximity_rerank_depth of them), each as the twin the first pass kept.
  // The second pass checks every pair in every one of them, where a single pass's matcher may
  // skip a pair's check for a text it has already placed: on the seeds, one text
  // (ctoc-cop-2018-2 ¶22, "للفريق المشترك بين الوكالات") now gets a boost it earns and a single
  // pass missed. A text ranked below the depth without the boost stays there.
  const size_t depth_wanted = request.proximity_rerank_depth;
  bool rerank = !proximity.empty() && depth_wanted > 0 && db.size() == 1;
  Xapian::Enquire enquire(db);
  enquire.set_query(rerank ? query : full);
  if (request.collapse_same_id) enquire.set_collapse_key(kSlotId);
  MatchList matches;
  enquire.add_matchspy(&matches);
  size_t first = rerank ? 0 : request.offset;
  size_t wanted = rerank ? std::max(depth_wanted, request.offset + request.limit) : request.limit;
  Xapian::doccount check =
      static_cast<Xapian::doccount>(std::max(request.exact_count_limit, first + wanted));
  Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(first),
                                       static_cast<Xapian::doccount>(wanted), check);
  // Xapian checks at least `check` matches when there are that many: a spy that saw fewer saw
  // them all, and then the lower bound is exact (the estimate is not when collapsing removed
  // some).
  size_t seen = matches.ids().size();
  bool exhaustive = seen < check;
  response.total = exhaustive ? mset.get_matches_lower_bound() : mset.get_matches_estimated();
  double scale = exhaustive || seen == 0 ? 1.0 : static_cast<double>(response.total) / seen;
  if (!exhaustive)
    response.notes.push_back("about " + std::to_string(response.total) +
                             " matches: the total and the facets are estimated from the first " +
                             std::to_string(seen));

  std::vector<std::pair<Xapian::docid, double>> ranked;  // from `first` on
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it)
    ranked.emplace_back(*it, it.get_weight());
  if (rerank) {
    std::vector<std::pair<Xapian::docid, double>> top = Reranked(db, full, mset, depth_wanted);
    if (top.size() == std::min(depth_wanted, ranked.size()))  // each matches `full` too
      std::copy(top.begin(), top.end(), ranked.begin());
    ranked.erase(ranked.begin(),
                 ranked.begin() + static_cast<long>(std::min(request.offset, ranked.size())));
  }
  bool kind_filtered = false;
  for (const auto& [key, value] : request.filters) kind_filtered |= key == "kind";
  for (size_t i = 0; i < std::min(request.limit, ranked.size()); ++i) {
    Xapian::Document doc = db.get_document(ranked[i].first);
    if (request.collapse_same_id) doc = Preferred(db, doc, kind_filtered);
    response.results.push_back(MakeHit(mset, doc, ranked[i].second));
  }
  for (const auto& [facet, values] : CountFacets(db, matches.ids())) {
    std::map<std::string, size_t>& counts = response.facets[facet];
    for (const auto& [value, count] : values)
      counts[value] = static_cast<size_t>(static_cast<double>(count) * scale + 0.5);
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
