#include "sijill/index/analyzer.h"

#include <nlohmann/json.hpp>

#include "index/facets.h"
#include "sijill/index/terms.h"
#include "sijill/text/aliases.h"
#include "sijill/text/normalize.h"
#include "sijill/text/stem.h"
#include "sijill/text/symbols.h"

namespace sijill::index {

namespace {

class ArabicFirstStem : public Xapian::StemImplementation {
 public:
  explicit ArabicFirstStem(const std::string& latin)
      : latin_(latin == "none" ? Xapian::Stem() : Xapian::Stem(latin)), name_(latin) {}

  std::string operator()(const std::string& word) override {
    // Snippets hand raw words (with harakat, tatweel, Arabic-Indic digits) to the stemmer;
    // the indexer and the query parser hand already-normalised ones. Fold either way.
    if (text::ContainsArabic(word)) {
      std::string folded = text::FoldWord(word);
      return text::IsStopword(folded) ? StopwordStem(folded) : text::StemArabic(folded);
    }
    if (word.size() >= 2 && static_cast<unsigned char>(word[0]) >= 0xD8 &&
        static_cast<unsigned char>(word[0]) <= 0xDB)
      return text::FoldWord(word);  // Arabic-Indic digits
    return text::IsStopword(word) ? StopwordStem(word) : latin_(word);
  }
  std::string get_description() const override { return "sijill-arabic+" + name_; }

 private:
  Xapian::Stem latin_;
  std::string name_;
};

class Stopwords : public Xapian::Stopper {
 public:
  bool operator()(const std::string& word) const override { return text::IsStopword(word); }
  std::string get_description() const override { return "sijill-stopwords"; }
};

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : "\n") + v;
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

void AddFilterTerm(Xapian::Document& xdoc, const char* prefix, const std::string& value) {
  if (!value.empty()) xdoc.add_boolean_term(prefix + Lower(value));
}

}  // namespace

Xapian::Stem SearchStemmer(const std::string& latin_language) {
  return Xapian::Stem(new ArabicFirstStem(latin_language));
}

std::string SnowballLanguage(const std::string& bcp47) {
  static const std::map<std::string, std::string> kNames = {
      {"en", "english"}, {"fr", "french"},  {"es", "spanish"}, {"ru", "russian"},
      {"de", "german"},  {"pt", "portuguese"}, {"it", "italian"}, {"ar", "english"}};
  std::string base = Lower(bcp47.substr(0, bcp47.find('-')));
  auto it = kNames.find(base);
  return it == kNames.end() ? "english" : it->second;
}

const Xapian::Stopper* SearchStopper() {
  static const Stopwords kStopper;
  return &kStopper;
}

// Only stemmed terms, with positions (terms.h): half the postings of STEM_SOME, which wrote
// every word twice, and phrases and proximity match inflected forms. Stop words are indexed
// too, under a stem no word has, so that a quoted phrase with one still matches; the query
// parser drops them everywhere else.
Analyzer::Analyzer() {
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  generator_.set_stopper_strategy(Xapian::TermGenerator::STOP_NONE);
}

void Analyzer::IndexText(Xapian::Document& xdoc, const std::string& text,
                         const std::string& language, Xapian::termcount wdf_inc,
                         const std::string& prefix) {
  generator_.set_stemmer(Stemmer(SnowballLanguage(language)));
  generator_.index_text(text, wdf_inc, prefix);
  generator_.increase_termpos(100);  // no phrase across two fields
  (void)xdoc;
}

// Symbols cited in the text (CORPUS.md §5), entity aliases, as extra terms.
void Analyzer::IndexCitations(Xapian::Document& xdoc, const std::string& normalized) {
  for (const std::string& symbol : text::FindSymbols(normalized))
    for (const std::string& key : text::SymbolKeys(symbol)) xdoc.add_term(kPrefixCited + key);
  for (const std::string& alias : text::EntityAliases(normalized)) {
    generator_.set_stemmer(Stemmer("english"));
    generator_.index_text_without_positions(alias);
  }
}

// One stemmer per language and Analyzer, made once: SearchStemmer builds a Snowball stemmer
// each time, and IndexText ran for five fields of each of 174,000 documents.
const Xapian::Stem& Analyzer::Stemmer(const std::string& latin_language) {
  auto it = stemmers_.find(latin_language);
  if (it == stemmers_.end())
    it = stemmers_.emplace(latin_language, SearchStemmer(latin_language)).first;
  return it->second;
}

Xapian::Document Analyzer::Build(const IndexDoc& doc) {
  Xapian::Document xdoc;
  generator_.set_document(xdoc);
  // Xapian's replace_document(unique_term, ...) does not add the term itself (STYLE.md §9.1).
  xdoc.add_boolean_term(UniqueTerm(doc.kind, doc.id));
  xdoc.add_boolean_term(kPrefixId + doc.id);
  xdoc.add_boolean_term(kPrefixFile + doc.file);
  xdoc.add_term(kPrefixKind + doc.kind);
  // The symbol weighs in the ranking of the report (or record) itself; its paragraphs carry
  // it only as a filter, so that a search for A/RES/64/293 puts the resolution first.
  if (!doc.symbol.empty()) {
    for (const std::string& key : text::SymbolKeys(doc.symbol)) {
      if (doc.kind == "paragraph") xdoc.add_boolean_term(kPrefixSymbol + key);
      else xdoc.add_term(kPrefixSymbol + key, 10);  // wdf 10: long reports still rank first
    }
  }
  AddFilterTerm(xdoc, kPrefixType, doc.type);
  AddFilterTerm(xdoc, kPrefixStatus, doc.status);
  AddFilterTerm(xdoc, kPrefixModality, doc.modality);
  AddFilterTerm(xdoc, kPrefixLanguage, doc.language);
  std::string year = doc.date.size() >= 4 ? doc.date.substr(0, 4) : "";
  AddFilterTerm(xdoc, kPrefixYear, year);
  for (const std::string& topic : doc.topics) AddFilterTerm(xdoc, kPrefixTopic, topic);
  for (const std::string& addressee : doc.addressees)
    AddFilterTerm(xdoc, kPrefixAddressee, addressee);

  std::string title = text::NormalizeForSearch(doc.title);
  std::string body = text::NormalizeForSearch(doc.text);
  IndexText(xdoc, title, doc.language, 1, kPrefixTitle);
  if (doc.kind == "report" || doc.kind == "brief") IndexText(xdoc, title, doc.language, 2);
  IndexText(xdoc, text::NormalizeForSearch(doc.section), doc.language, 1);
  IndexText(xdoc, body, doc.language, 1);
  std::string notes = text::NormalizeForSearch(doc.notes);
  IndexText(xdoc, notes, doc.language, 1);
  IndexCitations(xdoc, notes);
  for (const auto& [language, summary] : doc.summary)
    IndexText(xdoc, text::NormalizeForSearch(summary), language, 1);
  // A paragraph carries its report's title for display only (S terms): it is not about it.
  bool whole = doc.kind == "report" || doc.kind == "brief";
  IndexCitations(xdoc, whole ? title + "\n" + body : body);
  Xapian::Stem stem = Stemmer("english");
  for (const std::string& part : text::GluedParts(body))
    if (!text::IsStopword(part)) xdoc.add_term("Z" + stem(part));
  if (doc.order_unverified)
    for (const std::string& gram : text::CharTrigrams(body)) xdoc.add_term(kPrefixNgram + gram);

  xdoc.add_value(kSlotKind, doc.kind);
  xdoc.add_value(kSlotSymbol, doc.symbol);
  xdoc.add_value(kSlotType, doc.type);
  xdoc.add_value(kSlotStatus, doc.status);
  xdoc.add_value(kSlotYear, year);
  xdoc.add_value(kSlotLanguage, Lower(doc.language));
  xdoc.add_value(kSlotDate, doc.date);
  xdoc.add_value(kSlotTopics, Join(doc.topics));
  xdoc.add_value(kSlotAddressees, Join(doc.addressees));
  xdoc.add_value(kSlotId, doc.id);
  std::string language = Lower(doc.language);
  std::vector<std::pair<std::string_view, std::string_view>> facets = {
      {"kind", doc.kind}, {"type", doc.type}, {"status", doc.status}, {"year", year},
      {"language", language}};
  for (const std::string& topic : doc.topics) facets.emplace_back("topic", topic);
  for (const std::string& addressee : doc.addressees) facets.emplace_back("addressee", addressee);
  xdoc.add_value(kSlotFacets, PackFacets(facets));
  xdoc.set_data(DocumentData(doc));
  // The generator holds a reference to the document; Xapian's reference counts are not atomic,
  // and the document may go to another thread (analysis_pipeline.h).
  generator_.set_document(Xapian::Document());
  return xdoc;
}

std::string DocumentData(const IndexDoc& doc) {
  nlohmann::json data = {{"id", doc.id},         {"kind", doc.kind},     {"symbol", doc.symbol},
                         {"title", doc.title},   {"section", doc.section}, {"text", doc.text},
                         {"status", doc.status}, {"file", doc.file}};
  data["paragraph"] = doc.paragraph ? nlohmann::json(*doc.paragraph) : nlohmann::json(nullptr);
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace sijill::index
