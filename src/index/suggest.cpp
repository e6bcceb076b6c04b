#include "sijill/index/suggest.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "index/like_internal.h"
#include "sijill/error.h"
#include "sijill/index/analyzer.h"
#include "sijill/index/terms.h"
#include "sijill/model/id.h"
#include "sijill/text/normalize.h"

namespace sijill::index {

namespace {

// How many candidates Xapian ranks before the type boost re-orders them.
constexpr Xapian::doccount kCandidates = 100;
// A recommendation is one paragraph, a few dozen distinct words: take all that tell it apart.
// (On the seeds, 30 terms gave precision@5 0.18 and 50 gave 0.20; bench/RESULTS.md.)
constexpr Xapian::termcount kExpandTerms = 50;
// The topic label's words count half as much as the record's best term: they say what the
// section was about, not what this paragraph asks for.
constexpr double kTopicWeight = 0.5;

// issue #5: "secretariat reports, later meetings" — a secretariat report is written to say
// what was done, so its paragraphs are the likeliest evidence; a later meeting's report comes
// next; a resolution or brief usually repeats or comments rather than reports action.
double TypeBoost(const std::string& type) {
  if (type == "secretariat-report") return 1.5;
  if (type == "report") return 1.1;
  return 1.0;
}

// A paragraph that is itself a later meeting's recommendation asks for action; it does not
// report any. It repeats the earlier one (lineage.h), so it stays a candidate, but behind
// paragraphs that say what was done.
constexpr double kRecommendationFactor = 0.5;

bool IsRecommendation(const Xapian::Database& db, const std::string& id) {
  std::string unique = UniqueTerm("recommendation", id);
  return db.postlist_begin(unique) != db.postlist_end(unique);
}

struct Record {
  Xapian::docid docid = 0;
  std::string slug;     // of its own report
  std::string symbol;   // of its own report
  std::string after;    // suggestions are dated strictly after this
  std::vector<std::string> topics;
};

std::string ValueOf(const Xapian::Database& db, const std::string& unique, Xapian::valueno slot) {
  Xapian::PostingIterator it = db.postlist_begin(unique);
  return it == db.postlist_end(unique) ? "" : db.get_document(*it).get_value(slot);
}

std::vector<std::string> SplitLines(const std::string& joined) {
  std::vector<std::string> out;
  for (size_t begin = 0; begin < joined.size();) {
    size_t end = joined.find('\n', begin);
    if (end == std::string::npos) end = joined.size();
    if (end > begin) out.push_back(joined.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

Record FindRecord(const Xapian::Database& db, const std::string& id) {
  std::optional<model::RecordId> parsed = model::TryParseRecordId(id);
  std::string unique = UniqueTerm("recommendation", id);
  Xapian::PostingIterator it = db.postlist_begin(unique);
  if (!parsed || it == db.postlist_end(unique))
    throw Error(Error::Kind::kNotFound,
                "no recommendation has the id '" + model::QuoteForMessage(id) + "'");
  Record record;
  record.docid = *it;
  record.slug = parsed->slug;
  Xapian::Document doc = db.get_document(record.docid);
  record.symbol = doc.get_value(kSlotSymbol);
  record.topics = SplitLines(doc.get_value(kSlotTopics));
  // issue #5: "dates after adoption" — and after the report it was adopted in, in case the
  // record's adoption date is missing or earlier than its report's.
  record.after = std::max(doc.get_value(kSlotDate),
                          ValueOf(db, UniqueTerm("report", record.slug), kSlotDate));
  return record;
}

// The words naming the record's topics, stemmed as the index stems them.
Xapian::Query TopicQuery(const Record& record, const SuggestOptions& options) {
  std::string words;
  for (const std::string& topic : record.topics) {
    auto it = options.topic_words.find(topic);
    if (it != options.topic_words.end()) words += text::NormalizeForSearch(it->second) + " ";
  }
  if (words.empty()) return Xapian::Query();
  Xapian::QueryParser parser;
  parser.set_stemmer(SearchStemmer());
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  parser.set_stopper(SearchStopper());
  Xapian::Query parsed = parser.parse_query(words, 0);
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, parsed, kTopicWeight);
}

// Only paragraphs of later documents, never of the record's own report.
Xapian::Query Candidates(const Record& record) {
  Xapian::Query paragraphs(std::string(kPrefixKind) + "paragraph");
  // Dates are ISO 8601 text: "x\0" is the least string greater than x.
  Xapian::Query later(Xapian::Query::OP_VALUE_GE, kSlotDate, record.after + std::string(1, '\0'));
  Xapian::Query own(std::string(kPrefixFile) + "corpus/" + record.slug + ".md");
  return Xapian::Query(Xapian::Query::OP_AND_NOT,
                       Xapian::Query(Xapian::Query::OP_AND, paragraphs, later), own);
}

Suggestion MakeSuggestion(const Xapian::MSet& mset, const Xapian::MSetIterator& it) {
  Xapian::Document doc = it.get_document();
  nlohmann::json data = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (data.is_discarded()) data = nlohmann::json::object();
  auto get = [&](const char* key) {
    return data.contains(key) && data[key].is_string() ? data[key].get<std::string>() : "";
  };
  Suggestion suggestion;
  suggestion.id = get("id");
  suggestion.symbol = get("symbol");
  if (data.contains("paragraph") && data["paragraph"].is_number_integer())
    suggestion.paragraph = data["paragraph"].get<int>();
  suggestion.date = doc.get_value(kSlotDate);
  suggestion.type = doc.get_value(kSlotType);
  suggestion.score = it.get_weight() * TypeBoost(suggestion.type);
  suggestion.snippet = mset.snippet(get("text"), 280, SearchStemmer(),
                                    Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                                        Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                    "<mark>", "</mark>", "…");
  return suggestion;
}

}  // namespace

std::vector<Suggestion> Suggest(const Xapian::Database& db, const std::string& id,
                                const SuggestOptions& options) {
  Record record = FindRecord(db, id);
  if (options.limit == 0) return {};
  Xapian::Query like = internal::LikeDocument(db, record.docid, kExpandTerms);
  Xapian::Query topics = TopicQuery(record, options);
  if (!topics.empty()) like = Xapian::Query(Xapian::Query::OP_OR, like, topics);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, like, Candidates(record)));
  Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(kCandidates, options.limit));
  std::vector<Suggestion> out;
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    Suggestion suggestion = MakeSuggestion(mset, it);
    // A document without a symbol slot value shares none with the record; one with the
    // record's own symbol (a corrected reissue under another slug) is still its own report.
    if (!record.symbol.empty() && suggestion.symbol == record.symbol) continue;
    if (IsRecommendation(db, suggestion.id)) suggestion.score *= kRecommendationFactor;
    out.push_back(std::move(suggestion));
  }
  std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
    return a.score > b.score;
  });
  if (out.size() > options.limit) out.resize(options.limit);
  for (Suggestion& suggestion : out) suggestion.score = std::round(suggestion.score * 1000) / 1000;
  return out;
}

std::map<std::string, std::string> TopicWords(const model::Settings& settings) {
  std::map<std::string, std::string> words;
  for (const model::Label& topic : settings.topics) words[topic.id] = topic.ar + " " + topic.en;
  return words;
}

std::vector<std::string> RecommendationIds(const Xapian::Database& db) {
  std::string prefix = UniqueTerm("recommendation", "");
  std::vector<std::string> ids;
  for (Xapian::TermIterator it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    ids.push_back((*it).substr(prefix.size()));
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string SuggestionsToJson(const std::string& id, const std::vector<Suggestion>& suggestions) {
  using Json = nlohmann::ordered_json;
  Json list = Json::array();
  for (const Suggestion& s : suggestions) {
    list.push_back({{"id", s.id},
                    {"symbol", s.symbol.empty() ? Json() : Json(s.symbol)},
                    {"paragraph", s.paragraph ? Json(*s.paragraph) : Json()},
                    {"score", s.score},
                    {"snippet", s.snippet}});
  }
  Json out = {{"id", id}, {"suggestions", list}};
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string EvidenceFor(const Suggestion& suggestion) {
  std::optional<model::RecordId> id = model::TryParseRecordId(suggestion.id);
  if (suggestion.symbol.empty() || !id) return "";
  return suggestion.symbol + "#" + id->rest;
}

}  // namespace sijill::index
