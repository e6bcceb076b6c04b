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
};

// Cues in text order, one per occurrence.
std::vector<Cue> FindCues(const std::vector<std::string>& tokens, RecordKind kind);

struct EntityMatch {
  std::string id;  // "states-parties", "unodc", ...
  size_t begin = 0;
  size_t end = 0;
};

// The longest known entity starting at token `at`.
std::optional<EntityMatch> MatchEntityAt(const std::vector<std::string>& tokens, size_t at);

struct AddresseeContext {
  std::string issuing_body;    // id of the document's body ("general-assembly"), for kSelf
  std::string annex_subject;   // id of the annex chapeau's subject ("member-states")
};

// Addressee ids in order of first mention, without duplicates.
std::vector<std::string> FindAddressees(const std::vector<std::string>& tokens,
                                        const std::vector<Cue>& cues,
                                        const AddresseeContext& context);

// The first entity mentioned in `text` (normalised internally), or "".
std::string FirstEntity(const std::string& text);

// Topic ids from the paragraph's headings, nearest first; {"general"} when none matches.
std::vector<std::string> TopicsFor(const markdown::Paragraph& paragraph);

// "General Assembly" -> "general-assembly"; the id of a front matter `body`.
std::string BodyId(const std::string& body);

}  // namespace sijill::ingest
