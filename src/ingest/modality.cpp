// Modality cues. CORPUS.md §3: the working group's recommendations use ينبغي، تُشجَّع، يمكن، يجب،
// طلب، اقترح، أوصى; §4: the resolution's operative verbs are تتخذ، تقرر، تحث، تطلب، تنوه and each
// annex action opens with a verbal noun ("the modality is the leading verbal noun").
#include <algorithm>
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
    CueWord{"مراعاة", "take-into-account", CueRole::kCommitment},
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

// The leading verbal noun may sit anywhere in a first line that is out of order.
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

std::optional<Cue> OperativeVerbAt(const std::vector<std::string>& tokens, size_t at,
                                   bool coordinated) {
  const std::string& token = tokens[at];
  for (const CueWord& cue : kOperativeCues) {
    std::string word = cue.word;
    // Visual-order extraction can emit the prefix ت after its stem: "طلبت" for تطلب (004 ¶5).
    std::string stem_first = word.substr(2) + "ت";
    bool hit = coordinated ? token == "و" + word : (token == word || token == stem_first);
    if (hit) return Cue{cue.modality, cue.word, at, at + 1, cue.role};
  }
  return std::nullopt;
}

// A resolution paragraph opens with its verb ("تتخذ", "تقرر"); any further verb is
// coordinated ("… وتطلب إلى الأمين العام"). A bare verb elsewhere is subordinate ("أن تقرر").
std::vector<Cue> OperativeCues(const RuleText& text) {
  const std::vector<std::string>& tokens = text.tokens;
  std::vector<Cue> cues;
  std::optional<Cue> first;
  if (text.visual_order && text.first_line_end > 0) {
    first = OperativeVerbAt(tokens, text.first_line_end - 1, false);
    if (first) first->at_line_end = true;
  }
  if (!first && !tokens.empty()) first = OperativeVerbAt(tokens, 0, false);
  for (size_t at = 0; !first && at < text.first_line_end; ++at)
    if (!IsSubordinate(tokens, at)) first = OperativeVerbAt(tokens, at, false);
  if (first) cues.push_back(*first);
  for (size_t at = 0; at < tokens.size(); ++at)
    if (std::optional<Cue> cue = OperativeVerbAt(tokens, at, true)) cues.push_back(*cue);
  return cues;
}

std::optional<Cue> AnnexNounAt(const std::vector<std::string>& tokens, size_t at) {
  // "إعادة تأكيد" / "إعادة التأكيد": reaffirm.
  if (tokens[at] == "اعادة" && at + 1 < tokens.size() &&
      (tokens[at + 1] == "تاكيد" || tokens[at + 1] == "التاكيد"))
    return Cue{"reaffirm", "اعادة " + tokens[at + 1], at, at + 2, CueRole::kCommitment};
  // A verbal noun may carry the article: "الحث" for حث, "التشجيع" for تشجيع.
  const std::string article = "ال";
  std::string bare = tokens[at].rfind(article, 0) == 0 ? tokens[at].substr(article.size()) : "";
  for (const CueWord& cue : kAnnexNouns)
    if (tokens[at] == cue.word || bare == cue.word || tokens[at] == article + cue.word)
      return Cue{cue.modality, cue.word, at, at + 1, cue.role};
  return std::nullopt;
}

// CORPUS.md §2 C1: chunks sometimes meet with no space, gluing a fragment of the previous chunk
// to the leading noun ("لحاتخاذ", 004 annex ¶4). Proclitics are not fragments: "لتعزيز" is
// "to strengthen", never a leading noun.
std::optional<Cue> GluedNounAt(const std::vector<std::string>& tokens, size_t at) {
  static const std::vector<std::string> kNotFragments = {"و", "ل", "ب", "ف", "ك", "ال", "لل",
                                                         "وال", "بال", "و ال", "ول", "وب"};
  const std::string& token = tokens[at];
  for (const CueWord& cue : kAnnexNouns) {
    std::string word = cue.word;
    if (word.size() < 6 || token.size() <= word.size()) continue;  // 3+ letters
    if (token.compare(token.size() - word.size(), word.size(), word) != 0) continue;
    std::string prefix = token.substr(0, token.size() - word.size());
    if (std::find(kNotFragments.begin(), kNotFragments.end(), prefix) != kNotFragments.end())
      continue;
    return Cue{cue.modality, cue.word, at, at + 1, cue.role};
  }
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
  cue.modality += (disjunct ? "-or-" : "-and-") + other->modality;
  cue.end = next + (disjunct ? 2 : 1);
}

// "إعادة تأكيد" can come out as "تأكيد إعادة" when its two chunks are reversed (004 annex ¶10).
// The noun whose last token is tokens[end - 1].
std::optional<Cue> NounEndingAt(const std::vector<std::string>& tokens, size_t end) {
  size_t last = end - 1;
  if (last > 0 && tokens[last] == "اعادة" &&
      (tokens[last - 1] == "تاكيد" || tokens[last - 1] == "التاكيد"))
    return Cue{"reaffirm", "اعادة " + tokens[last - 1], last - 1, end, CueRole::kCommitment, true};
  std::optional<Cue> cue = AnnexNounAt(tokens, last);
  if (cue) cue->at_line_end = true;
  return cue;
}

std::optional<Cue> LeadingNounAtLineEnd(const std::vector<std::string>& tokens, size_t end) {
  if (end == 0) return std::nullopt;
  if (std::optional<Cue> cue = NounEndingAt(tokens, end)) return cue;
  // The last chunk can carry the noun's first object words too: "… تعزيز الجهود" (annex ¶20),
  // "… تشجيع الدول الأعضاء" (annex ¶61).
  for (size_t back = 1; back <= 2 && back < end; ++back)
    if (std::optional<Cue> cue = NounEndingAt(tokens, end - back)) return cue;
  return std::nullopt;
}

std::optional<Cue> LeadingNoun(const RuleText& text) {
  const std::vector<std::string>& tokens = text.tokens;
  if (text.visual_order)
    if (std::optional<Cue> cue = LeadingNounAtLineEnd(tokens, text.first_line_end)) return cue;
  size_t window = std::min(std::max(kLeadingWindow, text.first_line_end), tokens.size());
  for (size_t at = 0; at < window; ++at) {
    if (std::optional<Cue> cue = AnnexNounAt(tokens, at)) {
      ExtendCompound(tokens, *cue);
      return cue;
    }
  }
  for (size_t at = 0; at < window; ++at)
    if (std::optional<Cue> cue = GluedNounAt(tokens, at)) return cue;
  return std::nullopt;
}

std::vector<Cue> AnnexCues(const RuleText& text) {
  std::vector<Cue> cues;
  std::optional<Cue> leading = LeadingNoun(text);
  if (leading) cues.push_back(*leading);
  for (size_t at = 0; at < text.tokens.size(); ++at) {
    if (leading && at >= leading->token && at < leading->end) continue;
    for (const CueWord& cue : kAnnexDirectives)
      if (text.tokens[at] == cue.word) cues.push_back(Cue{cue.modality, cue.word, at, at + 1, cue.role});
  }
  return cues;
}

}  // namespace

std::vector<Cue> FindCues(const RuleText& text, RecordKind kind) {
  if (kind == RecordKind::kAnnexAction) return AnnexCues(text);
  if (kind == RecordKind::kOperative) return OperativeCues(text);
  std::vector<Cue> cues;
  for (size_t at = 0; at < text.tokens.size(); ++at) {
    std::optional<Cue> cue = ReportCueAt(text.tokens, at);
    if (!cue) continue;
    cue->ends_line = std::find(text.line_ends.begin(), text.line_ends.end(), cue->end) !=
                     text.line_ends.end();
    cues.push_back(*cue);
  }
  return cues;
}

bool CueAtStart(const RuleText& text, RecordKind kind) {
  if (text.tokens.empty()) return false;
  return kind == RecordKind::kAnnexAction ? AnnexNounAt(text.tokens, 0).has_value()
                                          : OperativeVerbAt(text.tokens, 0, false).has_value();
}

bool CueEndsFirstLine(const RuleText& text, RecordKind kind) {
  if (text.first_line_end == 0) return false;
  return kind == RecordKind::kAnnexAction
             ? NounEndingAt(text.tokens, text.first_line_end).has_value()
             : OperativeVerbAt(text.tokens, text.first_line_end - 1, false).has_value();
}

bool CueAtLineEnd(const RuleText& text, RecordKind kind) {
  if (text.first_line_end == 0) return false;
  return kind == RecordKind::kAnnexAction
             ? LeadingNounAtLineEnd(text.tokens, text.first_line_end).has_value()
             : OperativeVerbAt(text.tokens, text.first_line_end - 1, false).has_value();
}

}  // namespace sijill::ingest
