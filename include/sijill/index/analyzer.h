// Text analysis shared by indexing and querying, so both sides make the same terms.
//
// Words: text is passed through text::NormalizeForSearch, then Xapian::TermGenerator splits it
// and stems every word with SearchStemmer: Arabic words (by script) get text::StemArabic, other
// words the Snowball stemmer of the field's language (English by default). Stop words
// (text::IsStopword) get no stemmed term. The query side (searcher.h) uses QueryParser with the
// same stemmer and stopper on the same normalised text, so an unstemmed word in a phrase and a
// stemmed word both meet what the indexer wrote.
// Thread-safety: an Analyzer is not safe for concurrent use; make one per thread.
#pragma once

#include <map>
#include <string>

#include <xapian.h>

#include "sijill/index/document.h"

namespace sijill::index {

// A Xapian stemmer: Arabic light stemming for Arabic words, Snowball for the rest.
// `latin_language` is a Xapian/Snowball language name ("english", "french", ...) or "none".
Xapian::Stem SearchStemmer(const std::string& latin_language = "english");

// The Snowball language name for a BCP 47 code ("en" → "english"); "english" when unknown.
std::string SnowballLanguage(const std::string& bcp47);

// The stop words of text::IsStopword as a Xapian::Stopper: one shared, immutable instance.
const Xapian::Stopper* SearchStopper();

class Analyzer {
 public:
  Analyzer();

  // The Xapian document for `doc`: terms, values and data (see terms.h).
  Xapian::Document Build(const IndexDoc& doc);

 private:
  void IndexText(Xapian::Document& xdoc, const std::string& text, const std::string& language,
                 Xapian::termcount wdf_inc, const std::string& prefix = "");
  void IndexCitations(Xapian::Document& xdoc, const std::string& normalized);
  const Xapian::Stem& Stemmer(const std::string& latin_language);
  Xapian::TermGenerator generator_;
  std::map<std::string, Xapian::Stem> stemmers_;  // Snowball language -> SearchStemmer
};

// The JSON stored as a document's data: the display fields of IndexDoc.
std::string DocumentData(const IndexDoc& doc);

}  // namespace sijill::index
