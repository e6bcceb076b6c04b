// Searching the index: the ⚑ `search --json` contract of DESIGN.md §4 and the HTTP
// /api/search answer are both SearchResponse, written by ToJson.
//
// Query language (Xapian's QueryParser over text normalised as analyzer.h describes):
//   words                 OR by default, ranked by BM25; Arabic words are stemmed lightly
//   "a phrase"            the words in that order
//   AND OR NOT ( )        boolean operators, in capitals; +word / -word require / exclude
//   title:word            a word of the title
//   topic:x status:x addressee:x type:x kind:x year:x language:x symbol:x
//                         filters on the record's fields (as --filter key=value)
//   CTOC/COP/WG.4/2011/8  a UN symbol or a resolution number (٦٤/٢٩٣ too) is one token; it
//                         matches documents with that symbol and those citing it, by its
//                         tails as well (WG.4/2011/8)
// A query that QueryParser rejects is relaxed to its plain words, and SearchResponse::notes
// says so. Paragraphs whose word order the importer could not restore are matched through
// character 3-grams as well (their weight scaled down).
// Thread-safety: Search may run concurrently on separate Xapian::Database objects.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace sijill::index {

struct SearchRequest {
  std::string query;
  size_t offset = 0;
  size_t limit = 10;
  // (key, value) pairs; keys: type symbol addressee topic status year language kind.
  // Values of one key are ORed, different keys ANDed. Unknown key: Error kUsage.
  std::vector<std::pair<std::string, std::string>> filters;
  std::string similar;            // an id: "more like this" instead of (or besides) the query
  std::string language = "en";    // stemming of non-Arabic query words
  // A record and its source paragraph share an id: show one result, the record (unless a kind
  // filter asks for paragraphs).
  bool collapse_same_id = true;
  // Matches counted one by one: up to this many, `total` and the facets are exact; beyond, they
  // are estimates scaled from the matches checked (Xapian's check_at_least), and a note says so.
  // Checking every match made each query cost as much as its match count (24,000 on average on
  // a 2,000-report corpus; bench/RESULTS.md), for counts a reader takes as "about".
  // 2,000 cost 8 ms of a 20 ms median there; 500 about 1 ms.
  size_t exact_count_limit = 500;
  // Neighbouring query words near each other in a text count extra (query.cpp), and the
  // positional check runs for every text that holds both words of a pair: pairs are checked,
  // rarest first, while those texts add up to no more than a third of the collection and no
  // more than this many. At 20,000 reports a fifth (the bound of the schema-4 index) was 65,000
  // texts per query, and those checks were most of the slowest queries' time
  // (bench/RESULTS.md); the seeds (372 documents) never reach the cap.
  size_t proximity_check_limit = 10000;
  // The proximity boost only reorders matches, so the query is matched without it and this many
  // of its best matches are ranked again with it (searcher.cpp says why); 0: the boost on every
  // match in one pass. Recall@10 on the seeds' judged queries: depth 10 0.940, 20 0.949, 30 and
  // 50 0.951; the second pass's time grows with the depth.
  size_t proximity_rerank_depth = 30;
};

struct SearchHit {
  std::string id;
  std::string kind;  // recommendation | paragraph | report | brief
  std::string symbol;
  std::optional<int> paragraph;
  std::string title;
  std::string snippet;  // HTML-escaped text, matched words in <mark>…</mark>
  std::string status;   // a record's status; "" otherwise
  double score = 0;
};

struct SearchResponse {
  std::string query;
  size_t total = 0;  // all matches, not just the page (an estimate beyond exact_count_limit)
  std::vector<SearchHit> results;
  std::map<std::string, std::map<std::string, size_t>> facets;  // facet → value → count
  std::vector<std::string> notes;  // e.g. how a query that could not be parsed was relaxed
  std::string parsed;              // Xapian::Query::get_description(), for tests and --debug
};

// The filter keys, in DESIGN.md's order.
const std::vector<std::string>& FilterKeys();

SearchResponse Search(const Xapian::Database& db, const SearchRequest& request);

// DESIGN.md ⚑ {"query","total","results":[{"id","kind","symbol","paragraph","title",
// "snippet","status","score"}],"facets":{name:{value:count}}} plus "notes" when there are any.
// status is null unless set; paragraph is a number or null.
std::string ToJson(const SearchResponse& response);

}  // namespace sijill::index
