// Follow-up evidence suggestions (issue #5 item 2): for one recommendation, the paragraphs of
// LATER documents that probably report action on it, for a person to confirm with
// `sijill status ID STATUS --evidence SYMBOL#pN`. Suggestions are never written anywhere.
//
// How candidates are found and ranked (docs/suggest.md):
//   - "more like this": the terms that best tell the record apart (Xapian relevance feedback,
//     Enquire::get_eset on the record alone, so rare topical words weigh most), each scaled by
//     its expand weight, plus the Arabic label words of the record's topics when given;
//   - only paragraphs (kind paragraph), only of documents dated after the record's adoption
//     and after its own report, never of its own report;
//   - the Xapian weight is then multiplied by a boost for the document type
//     (secretariat-report first: it is the report that says what was done).
// Thread-safety: Suggest may run concurrently on separate Xapian::Database objects.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "sijill/model/settings.h"

namespace sijill::index {

struct SuggestOptions {
  size_t limit = 5;
  // topic id → words that name it (the repository's sijill.yaml topic labels, e.g.
  // {"consent", "الموافقة"}); the words of the record's topics join the query. May be empty.
  std::map<std::string, std::string> topic_words;
};

struct Suggestion {
  std::string id;      // a paragraph id (DESIGN.md ⚑ ids), e.g. ctoc-cop-2018-2.p52
  std::string symbol;  // its document's symbol; "" when the document has none
  std::optional<int> paragraph;
  double score = 0;     // higher is better; comparable within one record only
  std::string snippet;  // HTML-escaped text, matched words in <mark>…</mark>
  std::string date;     // its document's date (ISO 8601)
  std::string type;     // its document's type (secretariat-report, report, ...)
};

// Suggestions for the recommendation `id`, best first, at most options.limit.
// Throws Error kNotFound "no recommendation has the id '<id>'" when the index has no such record.
std::vector<Suggestion> Suggest(const Xapian::Database& db, const std::string& id,
                                const SuggestOptions& options = {});

// topic id → "<ar label> <en label>" for SuggestOptions::topic_words, from sijill.yaml.
std::map<std::string, std::string> TopicWords(const model::Settings& settings);

// Every recommendation id in the index, sorted.
std::vector<std::string> RecommendationIds(const Xapian::Database& db);

// DESIGN.md ⚑ {"id", "suggestions": [{"id", "symbol", "paragraph", "score", "snippet"}]}.
// symbol is null when empty; paragraph is a number or null.
std::string SuggestionsToJson(const std::string& id, const std::vector<Suggestion>& suggestions);

// The evidence reference a person would confirm: "CTOC/COP/2018/2#p52" ("" when the
// paragraph's document has no symbol, since --evidence needs one).
std::string EvidenceFor(const Suggestion& suggestion);

}  // namespace sijill::index
