#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <sstream>

#include "index/query_internal.h"
#include "sijill/error.h"
#include "sijill/index/analyzer.h"
#include "sijill/index/searcher.h"
#include "sijill/index/terms.h"
#include "sijill/text/aliases.h"
#include "sijill/text/normalize.h"
#include "sijill/text/stem.h"
#include "sijill/text/symbols.h"

namespace sijill::index {

namespace {

const std::vector<std::pair<std::string, std::string>>& FilterPrefixes() {
  static const std::vector<std::pair<std::string, std::string>> kPrefixes = {
      {"type", kPrefixType},       {"symbol", kPrefixSymbol}, {"addressee", kPrefixAddressee},
      {"topic", kPrefixTopic},     {"status", kPrefixStatus}, {"year", kPrefixYear},
      {"language", kPrefixLanguage}, {"kind", kPrefixKind}};
  return kPrefixes;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// symref:sN, written by RewriteSymbols in place of the N-th symbol of the query. QueryParser
// hands a FieldProcessor only plain words (a value with '/' or '.' never reaches it), hence
// the placeholder.
class SymbolProcessor : public Xapian::FieldProcessor {
 public:
  explicit SymbolProcessor(std::vector<std::string> symbols) : symbols_(std::move(symbols)) {}
  Xapian::Query operator()(const std::string& value) override {
    size_t n = value.size() > 1 ? std::strtoul(value.c_str() + 1, nullptr, 10) : symbols_.size();
    return n < symbols_.size() ? internal::SymbolQuery(symbols_[n]) : Xapian::Query();
  }

 private:
  std::vector<std::string> symbols_;
};

// Strips the brackets and punctuation a symbol may be typed with: (A/64/L.64), 64/293،
std::string Trim(const std::string& token, size_t& lead) {
  size_t begin = token.find_first_not_of("([{\"'");
  size_t end = token.find_last_not_of(")]}\"',.;:");
  lead = begin == std::string::npos ? 0 : begin;
  if (begin == std::string::npos || end == std::string::npos || end < begin) return "";
  std::string core = token.substr(begin, end - begin + 1);
  // The Arabic comma and semicolon are two bytes (U+060C D8 8C, U+061B D8 9B).
  while (core.size() >= 2 && (core.compare(core.size() - 2, 2, "\xD8\x8C") == 0 ||
                              core.compare(core.size() - 2, 2, "\xD8\x9B") == 0))
    core.resize(core.size() - 2);
  return core;
}

// Turns each symbol outside quotes into `symref:sN`, so QueryParser keeps it whole.
std::string RewriteSymbols(const std::string& normalized, std::vector<std::string>& symbols) {
  std::istringstream words(normalized);
  std::string out;
  bool in_quotes = false;
  for (std::string word; words >> word;) {
    size_t lead = 0;
    std::string core = Trim(word, lead);
    bool quoted = in_quotes || word[0] == '"';
    for (char c : word) in_quotes ^= c == '"';
    if (!quoted && word.find(':') == std::string::npos && text::IsSymbol(core)) {
      word = word.substr(0, lead) + "symref:s" + std::to_string(symbols.size()) +
             word.substr(lead + core.size());
      symbols.push_back(core);
    }
    out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

bool HasOperators(const std::string& query) {
  if (query.find_first_of("\"():+") != std::string::npos) return true;
  std::istringstream words(query);
  for (std::string word; words >> word;)
    if (word == "AND" || word == "OR" || word == "NOT" || word == "NEAR" || word == "XOR" ||
        word[0] == '-')
      return true;
  return false;
}

// CORPUS.md §2 C: words scattered by the extraction still leave most of their 3-grams in the
// paragraphs flagged order-unverified (the only ones with XNG terms).
Xapian::Query NgramFallback(const std::string& normalized) {
  std::vector<Xapian::Query> words;
  std::istringstream in(normalized);
  for (std::string word; in >> word;) {
    if (!text::ContainsArabic(word) || text::IsStopword(word)) continue;
    std::vector<Xapian::Query> grams;
    for (const std::string& gram : text::CharTrigrams(text::StemArabic(word)))
      grams.emplace_back(kPrefixNgram + gram);
    if (grams.size() >= 2) words.emplace_back(Xapian::Query::OP_AND, grams.begin(), grams.end());
  }
  if (words.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()), 0.2);
}

// Neighbouring words of a plain query that stand near each other in a text count extra: the
// query التقرير العالمي عن الاتجار ranks "التقرير العالمي" above texts with the words apart.
// The stemmed terms carry the positions, so the words are matched in any of their inflected
// forms: the query بالقطاع الخاص and the text "والقطاع الخاص" are the same two words side by
// side, as التقرير العالمي and "تقريره العالمي", or الأطفال الضحايا and "الأطفال ضحية".
Xapian::Query ProximityBoost(const Xapian::Database& db, const std::string& normalized,
                             const Xapian::Stem& stemmer, size_t check_limit) {
  std::vector<std::string> words;
  std::istringstream in(normalized);
  for (std::string word; in >> word;) {
    std::string plain;
    for (char c : word)
      if (!std::ispunct(static_cast<unsigned char>(c))) plain += c;
    for (const char* mark : {"\xD8\x8C", "\xD8\x9B", "\xD8\x9F"})  // ، ؛ ؟
      for (size_t at; (at = plain.find(mark)) != std::string::npos;) plain.erase(at, 2);
    plain = Lower(plain);
    if (!plain.empty() && !text::IsStopword(plain) && !text::IsSymbol(word)) words.push_back(plain);
  }
  std::vector<Xapian::Query> forms;
  std::vector<Xapian::doccount> texts;  // how many texts hold the word
  for (const std::string& word : words) {
    std::string term = "Z" + stemmer(word);
    forms.emplace_back(term);
    texts.push_back(db.get_termfreq(term));
  }
  // The positional check runs for every text that holds both words of a pair, at most as many
  // as hold the rarer: the pairs are taken rarest first while those counts add up to no more
  // than a third of all texts. (A pair of two words that each stand in more than that tells
  // texts apart little; its check was most of the slowest queries' time: p99 87 → 49 ms on a
  // 2,000-report corpus, bench/RESULTS.md. With surface forms the bound was a fifth; a stem
  // stands in more texts than the forms of it near the query's, and a fifth dropped the pairs
  // of المساعدة القانونية المتبادلة: recall@10 0.953 with a third, 0.949 with a fifth.) A
  // third grows with the collection, hence also `check_limit` texts at most
  // (SearchRequest::proximity_check_limit says why).
  std::vector<std::pair<Xapian::doccount, size_t>> by_cost;  // (texts to check, first word)
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    Xapian::doccount cost = std::min(texts[i], texts[i + 1]);
    if (cost > 0) by_cost.emplace_back(cost, i);
  }
  std::sort(by_cost.begin(), by_cost.end());
  std::vector<Xapian::Query> pairs;
  Xapian::doccount budget = static_cast<Xapian::doccount>(
      std::min<size_t>(db.get_doccount() / 3, check_limit));
  for (const auto& [cost, i] : by_cost) {
    if (cost > budget) break;
    budget -= cost;
    Xapian::Query both[] = {forms[i], forms[i + 1]};
    pairs.emplace_back(Xapian::Query::OP_NEAR, both, both + 2, 3);
  }
  if (pairs.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()), 0.5);
}

// English names of entities an Arabic query mentions (CORPUS.md §5 aliases): the query
// مكتب المخدرات والجريمه also looks for UNODC.
Xapian::Query AliasQuery(const std::string& normalized, const Xapian::Stem& stemmer) {
  std::vector<Xapian::Query> names;
  for (const std::string& alias : text::EntityAliases(normalized)) {
    std::istringstream words(alias);
    for (std::string word; words >> word;) names.emplace_back("Z" + stemmer(word));
  }
  if (names.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_OR, names.begin(), names.end());
}

}  // namespace

const std::vector<std::string>& FilterKeys() {
  static const std::vector<std::string> kKeys = [] {
    std::vector<std::string> keys;
    for (const auto& [key, prefix] : FilterPrefixes()) keys.push_back(key);
    return keys;
  }();
  return kKeys;
}

namespace internal {

Xapian::Query SymbolQuery(const std::string& symbol) {
  std::string key = text::SymbolKeys(symbol).front();
  Xapian::Query own(kPrefixSymbol + key);
  // A symbol names a document: the report itself comes first (its paragraphs and records carry
  // its symbol too, and being short they would outrank it), then they, then what cites it.
  Xapian::Query report(Xapian::Query::OP_FILTER, own,
                       Xapian::Query(std::string(kPrefixKind) + "report"));
  Xapian::Query parts[] = {Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, report, 8.0),
                           Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, own, 4.0),
                           Xapian::Query(kPrefixCited + key)};
  return Xapian::Query(Xapian::Query::OP_OR, std::begin(parts), std::end(parts));
}

Xapian::Query FilterQuery(const std::vector<std::pair<std::string, std::string>>& filters) {
  std::map<std::string, std::vector<Xapian::Query>> by_key;
  for (const auto& [key, value] : filters) {
    const std::string* prefix = nullptr;
    for (const auto& [name, p] : FilterPrefixes())
      if (name == key) prefix = &p;
    if (!prefix) {
      std::string known;
      for (const std::string& k : FilterKeys()) known += (known.empty() ? "" : ", ") + k;
      throw Error(Error::Kind::kUsage, "unknown filter '" + key + "' (known: " + known + ")");
    }
    std::string term = key == "symbol" ? text::SymbolKeys(value).front() : Lower(value);
    by_key[key].emplace_back(*prefix + term);
  }
  std::vector<Xapian::Query> groups;
  for (auto& [key, values] : by_key)
    groups.emplace_back(Xapian::Query::OP_OR, values.begin(), values.end());
  if (groups.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

ParsedQuery ParseUserQuery(const Xapian::Database& db, const std::string& text,
                           const std::string& language, size_t proximity_checks) {
  ParsedQuery parsed;
  std::string normalized = text::NormalizeForSearch(text);
  Xapian::Stem stemmer = SearchStemmer(SnowballLanguage(language));
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(stemmer);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);  // as the index (terms.h)
  qp.set_stopper(SearchStopper());
  qp.set_default_op(Xapian::Query::OP_OR);
  qp.add_prefix("title", kPrefixTitle);
  for (const auto& [key, prefix] : FilterPrefixes()) qp.add_boolean_prefix(key, prefix);
  std::vector<std::string> symbols;
  std::string rewritten = RewriteSymbols(normalized, symbols);
  qp.add_prefix("symref", (new SymbolProcessor(symbols))->release());  // owned by the parser
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT;
  try {
    parsed.query = qp.parse_query(rewritten, flags);
  } catch (const Xapian::QueryParserError& error) {
    parsed.notes.push_back("the query could not be parsed (" + error.get_msg() +
                           "); searched for its words instead");
    parsed.query = qp.parse_query(rewritten, 0);
  }
  if (!HasOperators(text)) {
    for (Xapian::Query extra : {NgramFallback(normalized), AliasQuery(normalized, stemmer)})
      if (!extra.empty())
        parsed.query = parsed.query.empty()
                           ? extra
                           : Xapian::Query(Xapian::Query::OP_OR, parsed.query, extra);
    if (!parsed.query.empty())
      parsed.proximity = ProximityBoost(db, normalized, stemmer, proximity_checks);
  }
  return parsed;
}

}  // namespace internal

}  // namespace sijill::index
