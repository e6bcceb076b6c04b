// Modality cues. CORPUS.md §3: the working group's recommendations use ينبغي، تُشجَّع، يمكن، يجب،
// طلب، اقترح، أوصى; §4: the resolution's operative verbs are تتخذ، تقرر، تحث، تطلب، تنوه and each
// annex action opens with a verbal noun ("the modality is the leading verbal noun").
#include <array>

#include "ingest/arabic_internal.h"
#include "ingest/extract_rules_internal.h"

namespace sijill::ingest {

namespace {

struct CueWord {
  const char* word;  // normalised (arabic_internal.h)
  const char* modality;
  CueRole role;
};

constexpr std::array kReportCues = {
    CueWord{"يجب", "must", CueRole::kModal},
    CueWord{"ينبغي", "should", CueRole::kModal},
    CueWord{"يمكن", "may", CueRole::kModal},
    CueWord{"تشجع", "encouraged", CueRole::kModal},
    CueWord{"طلب", "requested", CueRole::kReporting},
    CueWord{"اقترح", "proposed", CueRole::kReporting},
    CueWord{"اوصي", "recommended", CueRole::kRecommends},
};

constexpr std::array kOperativeCues = {
    CueWord{"تتخذ", "adopts", CueRole::kSelf},   CueWord{"تقرر", "decides", CueRole::kSelf},
    CueWord{"تحث", "urges", CueRole::kModal},    CueWord{"تطلب", "requests", CueRole::kModal},
    CueWord{"تنوه", "notes", CueRole::kNotes},
};

// Annex verbal nouns; the directive ones (حث، تشجيع، الطلب) address someone other than the
// chapeau's subject.
constexpr std::array kAnnexNouns = {
    CueWord{"ادانة", "condemn", CueRole::kCommitment},
    CueWord{"التسليم", "recognize", CueRole::kCommitment},
    CueWord{"ضمان", "ensure", CueRole::kCommitment},
    CueWord{"كفالة", "ensure", CueRole::kCommitment},
    CueWord{"اتخاذ", "take", CueRole::kCommitment},
    CueWord{"الاقرار", "acknowledge", CueRole::kCommitment},
    CueWord{"مراعاة", "take into account", CueRole::kCommitment},
    CueWord{"دعم", "support", CueRole::kCommitment},
    CueWord{"التصدي", "address", CueRole::kCommitment},
    CueWord{"التعهد", "commit", CueRole::kCommitment},
    CueWord{"ادراج", "mainstream", CueRole::kCommitment},
    CueWord{"اعتماد", "adopt", CueRole::kCommitment},
    CueWord{"تنفيذ", "implement", CueRole::kCommitment},
    CueWord{"اجراء", "conduct", CueRole::kCommitment},
    CueWord{"ارساء", "establish", CueRole::kCommitment},
    CueWord{"انشاء", "establish", CueRole::kCommitment},
    CueWord{"تعزيز", "strengthen", CueRole::kCommitment},
    CueWord{"النهوض", "promote", CueRole::kCommitment},
    CueWord{"التاكيد", "emphasize", CueRole::kCommitment},
    CueWord{"زيادة", "increase", CueRole::kCommitment},
    CueWord{"التشديد", "stress", CueRole::kCommitment},
    CueWord{"استعراض", "review", CueRole::kCommitment},
    CueWord{"حماية", "protect", CueRole::kCommitment},
    CueWord{"تقديم", "provide", CueRole::kCommitment},
    CueWord{"توفير", "provide", CueRole::kCommitment},
    CueWord{"اتاحة", "allow", CueRole::kCommitment},
    CueWord{"استخدام", "use", CueRole::kCommitment},
    CueWord{"التحقيق", "investigate", CueRole::kCommitment},
    CueWord{"ابرام", "conclude", CueRole::kCommitment},
    CueWord{"تكثيف", "intensify", CueRole::kCommitment},
    CueWord{"دعم", "support", CueRole::kCommitment},
    CueWord{"حث", "urge", CueRole::kModal},
    CueWord{"تشجيع", "encourage", CueRole::kModal},
    CueWord{"التشجيع", "encourage", CueRole::kModal},
    CueWord{"الطلب", "request", CueRole::kModal},
};

// Later in an annex action, a coordinated directive ("وينبغي …", "وتشجيع …") adds a modality.
constexpr std::array kAnnexDirectives = {
    CueWord{"وينبغي", "should", CueRole::kModal},
    CueWord{"وحث", "urge", CueRole::kModal},
    CueWord{"وتشجيع", "encourage", CueRole::kModal},
    CueWord{"والطلب", "request", CueRole::kModal},
};

// The leading verbal noun may sit a few tokens in when the first line is out of order.
constexpr size_t kLeadingWindow = 6;

bool After(const std::vector<std::string>& tokens, size_t at, const char* word) {
  return at > 0 && tokens[at - 1] == word;
}

// A subjunctive "أن تشجع" / "أن تقرر" is the content of a request, not the body's own act.
bool IsSubordinate(const std::vector<std::string>& tokens, size_t at) {
  return After(tokens, at, "ان");
}

std::optional<Cue> ReportCueAt(const std::vector<std::string>& tokens, size_t at) {
  const std::string& token = tokens[at];
  for (const CueWord& cue : kReportCues) {
    bool hit = IsWord(token, cue.word);
    std::string modality = cue.modality;
    if (modality == "should") {
      // CORPUS.md §2 C4: "نبغي … ي" (001 ¶16), the initial ي split off and moved away.
      hit = hit || IsWord(token, "نبغي");
    } else if (modality == "may") {
      // "يمكن للدول" addresses someone; "يمكن أن يؤثر" is only a possibility.
      hit = hit && at + 1 < tokens.size() && tokens[at + 1].rfind("ل", 0) == 0;
    } else if (modality == "encouraged") {
      // CORPUS.md §2 C4: "جَّشَتُ" (001 ¶12, ¶18) is تُشجَّع with its letters reversed and ع cut off.
      hit = (hit && !IsSubordinate(tokens, at)) || token == Reversed("تشج");
    } else if (cue.role != CueRole::kModal) {
      hit = token == cue.word || token == std::string("و") + cue.word;
    }
    if (hit) return Cue{modality, cue.word, at, at + 1, cue.role};
  }
  return std::nullopt;
}

std::optional<Cue> OperativeCueAt(const std::vector<std::string>& tokens, size_t at) {
  const std::string& token = tokens[at];
  if (IsSubordinate(tokens, at)) return std::nullopt;
  for (const CueWord& cue : kOperativeCues) {
    std::string word = cue.word;
    // Visual-order extraction can emit the prefix ت after its stem: "طلبت" for تطلب (004 ¶5).
    std::string stem_first = word.substr(2) + "ت";
    if (token == word || token == "و" + word || token == stem_first)
      return Cue{cue.modality, cue.word, at, at + 1, cue.role};
  }
  return std::nullopt;
}

std::optional<Cue> AnnexNounAt(const std::vector<std::string>& tokens, size_t at) {
  // "إعادة تأكيد" / "إعادة التأكيد": reaffirm.
  if (tokens[at] == "اعادة" && at + 1 < tokens.size() &&
      (tokens[at + 1] == "تاكيد" || tokens[at + 1] == "التاكيد"))
    return Cue{"reaffirm", "اعادة " + tokens[at + 1], at, at + 2, CueRole::kCommitment};
  for (const CueWord& cue : kAnnexNouns)
    if (tokens[at] == cue.word) return Cue{cue.modality, cue.word, at, at + 1, cue.role};
  return std::nullopt;
}

// "اعتماد وتنفيذ", "إرساء أو تعزيز": two coordinated nouns are one action.
void ExtendCompound(const std::vector<std::string>& tokens, Cue& cue) {
  size_t next = cue.end;
  if (next >= tokens.size()) return;
  bool disjunct = tokens[next] == "او" && next + 1 < tokens.size();
  std::vector<std::string> second = {disjunct ? tokens[next + 1] : tokens[next]};
  if (!disjunct) {
    if (second[0].rfind("و", 0) != 0) return;
    second[0] = second[0].substr(std::string("و").size());
  }
  std::optional<Cue> other = AnnexNounAt(second, 0);
  if (!other || other->role != CueRole::kCommitment) return;
  cue.word += disjunct ? " او " + second[0] : " و" + second[0];
  cue.modality += (disjunct ? " or " : " and ") + other->modality;
  cue.end = next + (disjunct ? 2 : 1);
}

std::vector<Cue> AnnexCues(const std::vector<std::string>& tokens) {
  std::vector<Cue> cues;
  for (size_t at = 0; at < tokens.size() && at < kLeadingWindow; ++at) {
    if (std::optional<Cue> cue = AnnexNounAt(tokens, at)) {
      ExtendCompound(tokens, *cue);
      cues.push_back(*cue);
      break;
    }
  }
  size_t from = cues.empty() ? 0 : cues.back().end;
  for (size_t at = from; at < tokens.size(); ++at)
    for (const CueWord& cue : kAnnexDirectives)
      if (tokens[at] == cue.word) cues.push_back(Cue{cue.modality, cue.word, at, at + 1, cue.role});
  return cues;
}

}  // namespace

std::vector<Cue> FindCues(const std::vector<std::string>& tokens, RecordKind kind) {
  if (kind == RecordKind::kAnnexAction) return AnnexCues(tokens);
  std::vector<Cue> cues;
  for (size_t at = 0; at < tokens.size(); ++at) {
    std::optional<Cue> cue =
        kind == RecordKind::kReport ? ReportCueAt(tokens, at) : OperativeCueAt(tokens, at);
    if (cue) cues.push_back(*cue);
  }
  return cues;
}

}  // namespace sijill::ingest
