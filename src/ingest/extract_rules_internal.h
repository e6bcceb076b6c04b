// The rules behind ExtractRecommendations, one concern per file: cues (modality.cpp),
// entities and addressees (addressees.cpp), topics (topics.cpp). They work on normalised
// tokens (arabic_internal.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sijill/markdown/document.h"

namespace sijill::ingest {

// What kind of paragraph a record comes from; each has its own verbs.
enum class RecordKind { kReport, kOperative, kAnnexAction };

// How the addressee of a cue is found.
enum class CueRole {
  kModal,       // "ينبغي للدول الأطراف", "تُشجَّع الدول الأطراف": the entity that follows
  kReporting,   // "طلب الفريق العامل إلى الأمانة": the entity after the speaking body
  kRecommends,  // "أوصى الفريق العامل مؤتمر الأطراف بأن …": every entity after the speaker
  kSelf,        // "تقرر", "تتخذ": the issuing body itself
  kNotes,       // "تنوه": nobody is asked to act
  kCommitment,  // an annex action's leading verbal noun: the annex chapeau's subject
};

struct Cue {
  std::string modality;  // "should", "decides", "adopt and implement", ...
  std::string word;      // the normalised Arabic cue, e.g. "ينبغي", "اعتماد وتنفيذ"
  size_t token = 0;      // index of its first token
  size_t end = 0;        // one past its last token
  CueRole role = CueRole::kModal;
  // Found as the last word of a visual-order first line, i.e. the paragraph's logical first
  // word (CORPUS.md §2 A6: the chunks of such lines run right to left).
  bool at_line_end = false;
  // The last word of a physical line: in a visual-order line what it governs was emitted
  // before it ("… الأطرافُ الدولُ تُشَجَّع", 001 ¶20).
  bool ends_line = false;
};

// A paragraph as the rules see it.
struct RuleText {
  std::vector<std::string> tokens;  // normalised tokens of the whole paragraph
  size_t first_line_end = 0;        // tokens[0, first_line_end) come from its first line
  std::vector<size_t> line_ends;    // one past the last token of each physical line
  bool visual_order = false;        // the document's first lines put their first word last
};

// Cues in text order, one per occurrence.
std::vector<Cue> FindCues(const RuleText& text, RecordKind kind);

// Whether the paragraph's logical first word is a cue of `kind` at its start, or at the end of
// its first line (the votes that decide RuleText::visual_order for a document).
bool CueAtStart(const RuleText& text, RecordKind kind);
bool CueAtLineEnd(const RuleText& text, RecordKind kind);
// Stricter than CueAtLineEnd: the cue is the very last word of the first line.
bool CueEndsFirstLine(const RuleText& text, RecordKind kind);

struct EntityMatch {
  std::string id;  // "states-parties", "unodc", ...
  size_t begin = 0;
  size_t end = 0;
};

// The longest known entity starting at token `at`. "اتفاقية الأمم المتحدة" names a treaty, not
// the UN, unless the noun before it is the cue itself (`right_after_cue`).
std::optional<EntityMatch> MatchEntityAt(const std::vector<std::string>& tokens, size_t at,
                                         bool right_after_cue = false);

struct AddresseeContext {
  std::string issuing_body;    // id of the document's body ("general-assembly"), for kSelf
  std::string annex_subject;   // id of the annex chapeau's subject ("member-states")
};

// The addressees of one cue.
std::vector<std::string> AddresseesOf(const RuleText& text, const Cue& cue,
                                      const AddresseeContext& context);

// Addressee ids in order of first mention, without duplicates.
std::vector<std::string> FindAddressees(const RuleText& text, const std::vector<Cue>& cues,
                                        const AddresseeContext& context);

// The first entity mentioned in `text` (normalised internally), or "".
std::string FirstEntity(const std::string& text);

// Topic ids from the paragraph's headings, nearest first; {"general"} when none matches.
std::vector<std::string> TopicsFor(const markdown::Paragraph& paragraph);

// "General Assembly" -> "general-assembly"; the id of a front matter `body`.
std::string BodyId(const std::string& body);

}  // namespace sijill::ingest
