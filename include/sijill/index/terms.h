// The search index's term prefixes and value slots: the one place they are defined
// (docs/index-terms.md is the same table for people using delve and quest).
//
// Omega's conventions (https://xapian.org/docs/omega/termprefixes.html): single capitals are
// the standard prefixes, X... are ours. Words of the text are stemmed and "Z"-prefixed, with
// positions (for phrases and proximity), exactly as Xapian::TermGenerator and
// Xapian::QueryParser's STEM_ALL_Z write and read them; title words are also indexed under S
// (so "ZS<stem>"). A stop word is Z<word>= (StopwordStem): only a quoted phrase uses it.
//
//   Q<kind>:<id>   unique id of an index document; kind is recommendation|paragraph|report|brief.
//                  A record and its source paragraph share the DESIGN.md id, hence the kind.
//   XID<id>        the DESIGN.md id alone (both the record and its paragraph carry it)
//   XFILE<path>    the repository file the document came from (catch-up deletes by it)
//   XKIND<kind>    recommendation | paragraph | report | brief (wdf 1: also used for ranking)
//   XSYM<key>      the document's own symbol, lower-cased, whole and every tail of 2+ parts
//   XREF<key>      symbols cited in the text (A/RES/64/293, 64/293 ...), whole and tails
//   XTYPE<type>    front-matter type (report, resolution, brief ...)
//   XSTATUS<s>     a record's current status
//   XADDR<a>       a record's addressees (states-parties, unodc ...)
//   XTOPIC<t>      a record's topics
//   XMOD<m>        a record's modality
//   XYEAR<yyyy>    year of the document's date (report date, or a record's adoption date)
//   L<lang>        language (BCP 47, lower-cased)
//   S<word>        title words (as ZS<stem>, positional)
//   XNG<abc>       character 3-grams of paragraphs flagged order-unverified (CORPUS.md §2 C)
//
// Value slots hold what is sorted, collapsed or counted (facets): see the kSlot constants.
// Multi-valued slots (topics, addressees) hold the values joined by '\n'.
//
// Database metadata: "sijill.commit" = the commit the index reflects; "sijill.schema" = kSchema.
#pragma once

#include <string>

#include <xapian.h>

namespace sijill::index {

inline constexpr const char* kPrefixUnique = "Q";
inline constexpr const char* kPrefixId = "XID";
inline constexpr const char* kPrefixFile = "XFILE";
inline constexpr const char* kPrefixKind = "XKIND";
inline constexpr const char* kPrefixSymbol = "XSYM";
inline constexpr const char* kPrefixCited = "XREF";
inline constexpr const char* kPrefixType = "XTYPE";
inline constexpr const char* kPrefixStatus = "XSTATUS";
inline constexpr const char* kPrefixAddressee = "XADDR";
inline constexpr const char* kPrefixTopic = "XTOPIC";
inline constexpr const char* kPrefixModality = "XMOD";
inline constexpr const char* kPrefixYear = "XYEAR";
inline constexpr const char* kPrefixLanguage = "L";
inline constexpr const char* kPrefixTitle = "S";
inline constexpr const char* kPrefixNgram = "XNG";

inline constexpr Xapian::valueno kSlotKind = 0;
inline constexpr Xapian::valueno kSlotSymbol = 1;
inline constexpr Xapian::valueno kSlotType = 2;
inline constexpr Xapian::valueno kSlotStatus = 3;
inline constexpr Xapian::valueno kSlotYear = 4;
inline constexpr Xapian::valueno kSlotLanguage = 5;
inline constexpr Xapian::valueno kSlotDate = 6;        // ISO 8601 date, sorts as text
inline constexpr Xapian::valueno kSlotTopics = 7;      // '\n'-joined
inline constexpr Xapian::valueno kSlotAddressees = 8;  // '\n'-joined
inline constexpr Xapian::valueno kSlotId = 9;          // DESIGN.md id (collapse key)
// kind, type, status, year, language, topic and addressee values together, as the search's
// facets count them (src/index/facets.h): one value read per match instead of seven.
inline constexpr Xapian::valueno kSlotFacets = 10;

inline constexpr const char* kMetaCommit = "sijill.commit";
inline constexpr const char* kMetaSchema = "sijill.schema";
// Bump when terms or analysis change: an index of another schema is rebuilt, not caught up.
// 2: the stemmer joins broken plurals to their singulars and ي C ا C(C) verbs to م C ا C(C).
// 3: it keeps the first letter of وكالة, لجنة, فئة, بلدان ... (src/text/root_initial.cpp).
// 4: and of الآلية/آليات.
// 5: only stemmed terms, positional (STEM_ALL_Z); stop words as StopwordStem.
// 6: the facets also packed into kSlotFacets.
inline constexpr const char* kSchema = "6";

// What the stemmer makes of a stop word. Indexed with its position, so that a quoted phrase
// with a stop word in it ("الاتجار في الأشخاص") matches, but never equal to a word's stem: the
// folded إليه is a stop word, and آلية stems to its letters.
inline std::string StopwordStem(const std::string& folded_word) { return folded_word + "="; }
inline bool IsStopwordStem(const std::string& term) { return !term.empty() && term.back() == '='; }

// The unique term of an index document.
inline std::string UniqueTerm(const std::string& kind, const std::string& id) {
  return kPrefixUnique + kind + ":" + id;
}

}  // namespace sijill::index
