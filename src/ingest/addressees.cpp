// Addressees: the entity a cue governs ("ينبغي للدول الأطراف"), not every entity mentioned
// ("بالتعاون مع الدول الأعضاء" in 001 ¶6 is not an addressee). Ids follow DESIGN.md §1.
#include <algorithm>
#include <array>

#include "ingest/arabic_internal.h"
#include "ingest/extract_rules_internal.h"

namespace sijill::ingest {

namespace {

struct EntityName {
  const char* id;
  const char* phrase;  // normalised; the longest phrase wins
};

constexpr std::array kEntities = {
    EntityName{"unodc", "مكتب الامم المتحدة المعني بالمخدرات والجريمة"},
    EntityName{"unodc", "مكتب الامم المتحدة المعني بالجريمة والمخدرات"},
    EntityName{"unodc", "مكتب المخدرات والجريمة"},
    EntityName{"unodc", "المكتب"},
    EntityName{"icat", "فريق التنسيق المشترك بين الوكالات"},
    EntityName{"states-parties", "الدول الاطراف"},
    EntityName{"member-states", "الدول الاعضاء"},
    EntityName{"states", "الدول"},
    EntityName{"conference", "مؤتمر الاطراف"},
    EntityName{"working-group", "الفريق العامل"},
    EntityName{"secretariat", "الامانة"},
    EntityName{"general-assembly", "الجمعية العامة"},
    EntityName{"secretary-general", "الامين العام"},
    EntityName{"united-nations", "منظومة الامم المتحدة"},
    EntityName{"united-nations", "كيانات الامم المتحدة"},
    EntityName{"united-nations", "الكيانات المسؤولة في الامم المتحدة"},  // 004 annex ¶11
    EntityName{"united-nations", "وكالات منظومة الامم المتحدة"},
    EntityName{"united-nations", "وكالات الامم المتحدة"},
    EntityName{"united-nations", "الامم المتحدة"},
    EntityName{"governments", "الحكومات"},
    EntityName{"mandate-holders", "المكلفين بولايات"},
    EntityName{"mandate-holders", "المكلفين بولاية"},  // 004 annex ¶8 "وينبغي للمكلفين بولاية"
    EntityName{"mandate-holders", "المقررين الخاصين"},
    // The resolution's "international, regional and subregional organizations" (004 ¶2, annex
    // ¶57) is one addressee; without the longer names its adjectives would end the list.
    EntityName{"international-organizations",
               "المنظمات الدولية والاقليمية ودون الاقليمية الاخري"},
    EntityName{"international-organizations", "المنظمات الدولية والاقليمية ودون الاقليمية"},
    EntityName{"international-organizations", "المنظمات الدولية والاقليمية الاخري"},
    EntityName{"international-organizations", "المنظمات الدولية والاقليمية"},
    EntityName{"international-organizations", "المنظمات الدولية"},
    EntityName{"ngos", "المنظمات غير الحكومية"},
    EntityName{"civil-society", "المجتمع المدني"},
    EntityName{"private-sector", "القطاع الخاص"},
    EntityName{"media", "وسائط الاعلام"},
};

// Words that open the clause after the addressee ("… على أن", "… إلى أن"), ending the slot.
bool EndsSlot(const std::string& token) {
  return token == "ان" || token == "بان" || token == "علي" || token == "الي" || token == "لكي";
}

// Prepositions between a cue and its addressee: "تطلب إلى الأمين العام", "يجب على الدول".
bool IsLinkWord(const std::string& token) {
  return token == "الي" || token == "علي" || token == "ايضا" || token == "من";
}

// The first word of a phrase may carry a proclitic; an article may be written "لل" ("للدول")
// or have lost its alif to a chunk split ("ا لدول", CORPUS.md §2 C1).
bool FirstWordMatches(const std::string& token, const std::string& word) {
  if (IsWord(token, word)) return true;
  const std::string article = "ال";
  if (word.compare(0, article.size(), article) != 0) return false;
  std::string rest = word.substr(article.size());
  return token == "لل" + rest || token == "ولل" + rest || token == "فلل" + rest ||
         token == "ل" + rest;
}

bool LaterWordMatches(const std::string& token, const std::string& word) {
  // "لأطرافُ ا" (001 ¶39): the article's alif split off, the rest kept.
  return token == word || IsWord(token, word) ||
         (word.rfind("ا", 0) == 0 && token == word.substr(std::string("ا").size()));
}

bool IsFragment(const std::string& token) { return token.size() <= 2; }  // one Arabic letter

std::optional<EntityMatch> MatchPhrase(const std::vector<std::string>& tokens, size_t at,
                                       const EntityName& entity) {
  std::vector<std::string> words = Tokens(entity.phrase);
  if (at + words.size() > tokens.size()) return std::nullopt;
  if (!FirstWordMatches(tokens[at], words[0])) return std::nullopt;
  for (size_t i = 1; i < words.size(); ++i)
    if (!LaterWordMatches(tokens[at + i], words[i])) return std::nullopt;
  return EntityMatch{entity.id, at, at + words.size()};
}

void Add(std::vector<std::string>& ids, const std::string& id) {
  if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

// The entities right after `from`: the first within two tokens (after link words), then any
// coordinated ones ("للدول الأطراف والمكتب") until the clause ends.
std::vector<std::string> Slot(const std::vector<std::string>& tokens, size_t from) {
  std::vector<std::string> ids;
  size_t at = from;
  while (at < tokens.size() && IsLinkWord(tokens[at])) ++at;
  size_t gap = 0;
  size_t allowed = 2;
  while (at < tokens.size() && gap <= allowed) {
    std::optional<EntityMatch> match = MatchEntityAt(tokens, at, at == from);
    // After the first, only coordinated names continue the list: "والمكتب", "… بما في ذلك
    // المنظمات غير الحكومية"; a name that merely follows belongs to the next clause.
    if (match && !ids.empty() && tokens[at].rfind("و", 0) != 0 && (at == 0 || tokens[at - 1] != "ذلك"))
      match.reset();
    if (match) {
      Add(ids, match->id);
      at = match->end;
      gap = 0;
      allowed = 3;  // "… المدني، بما في ذلك المنظمات غير الحكومية"
      continue;
    }
    if (EndsSlot(tokens[at]) && !ids.empty()) break;
    ++gap;
    ++at;
  }
  return ids;
}

// A name whose words were emitted in reverse chunk order and end at token `last`
// ("الأطرافُ الدولُ تُشَجَّع" for تُشَجَّع الدولُ الأطرافُ, 001 L77, CORPUS.md §2 C1).
std::optional<EntityMatch> MatchReversedEndingAt(const std::vector<std::string>& tokens,
                                                 size_t last) {
  std::optional<EntityMatch> best;
  for (const EntityName& entity : kEntities) {
    std::vector<std::string> words = Tokens(entity.phrase);
    if (words.size() < 2 || words.size() > last + 1) continue;
    bool hit = FirstWordMatches(tokens[last], words[0]);
    size_t at = last;
    // Single letters cut off by the extraction ("الأطرافُ ع الدولُ جَّشَتُ", 001 ¶12) are skipped.
    for (size_t i = 1; hit && i < words.size(); ++i) {
      do {
        hit = at > 0;
        if (hit) --at;
      } while (hit && IsFragment(tokens[at]) && at > 0);
      hit = hit && LaterWordMatches(tokens[at], words[i]);
    }
    if (hit && (!best || at < best->begin)) best = EntityMatch{entity.id, at, last + 1};
  }
  return best;
}

// Out-of-order lines can put the addressee before its cue ("لدول الأطراف … يجب على", 001 ¶5).
std::string NearestBefore(const std::vector<std::string>& tokens, size_t cue) {
  constexpr size_t kWindow = 8;
  for (size_t back = 1; back <= kWindow && back <= cue; ++back) {
    std::optional<EntityMatch> match = MatchEntityAt(tokens, cue - back);
    std::optional<EntityMatch> reversed = MatchReversedEndingAt(tokens, cue - back);
    if (reversed && (!match || reversed->end - reversed->begin > match->end - match->begin))
      return reversed->id;
    if (match) return match->id;
  }
  return "";
}

// Last resort for a cue whose addressee was pushed onto the next line ("وتطلب إلى ،٢٠١٣ … ⏎
// … الأمين العام أن يتخذ", 004 ¶6).
std::string FirstAfter(const std::vector<std::string>& tokens, size_t from) {
  constexpr size_t kWindow = 24;
  for (size_t at = from; at < tokens.size() && at < from + kWindow; ++at) {
    // "التعاون … مع المجتمع المدني والمنظمات غير الحكومية" (004 annex ¶23): partners, not
    // addressees; nothing after "with" is searched.
    if (tokens[at] == "مع") break;
    if (std::optional<EntityMatch> match = MatchEntityAt(tokens, at)) return match->id;
  }
  return "";
}

// "الأطرافينبغي للدول" (001 ¶29): a chunk boundary inside a name left its second word glued
// before the cue; "للدول" after the cue and "الأطراف" before it are one name.
void UpgradeAcrossCue(const std::vector<std::string>& tokens, const Cue& cue,
                      std::vector<std::string>& ids) {
  if (ids.size() != 1 || ids[0] != "states" || cue.token == 0) return;
  const std::string& before = tokens[cue.token - 1];
  if (LaterWordMatches(before, "الاطراف")) ids[0] = "states-parties";
  else if (LaterWordMatches(before, "الاعضاء")) ids[0] = "member-states";
}

// A cue that ends a visual-order first line governs the start of that line: "إلى الأمين العام
// أن يقدم … تطلب" reads "تطلب إلى الأمين العام أن يقدم …" (004 ¶7).
std::vector<std::string> SlotOfLineEndCue(const RuleText& text, const Cue& cue) {
  std::vector<std::string> ids = Slot(text.tokens, 0);
  if (ids.empty()) Add(ids, NearestBefore(text.tokens, cue.token));
  if (ids.empty()) ids = Slot(text.tokens, cue.end);
  return ids;
}

std::vector<std::string> ForCue(const RuleText& text, const Cue& cue,
                                const AddresseeContext& context) {
  const std::vector<std::string>& tokens = text.tokens;
  switch (cue.role) {
    case CueRole::kSelf:
      return {context.issuing_body};
    case CueRole::kNotes:
      return {};
    case CueRole::kCommitment:
      return {context.annex_subject};
    case CueRole::kModal: {
      std::vector<std::string> ids;
      if (cue.at_line_end) ids = SlotOfLineEndCue(text, cue);
      else if (cue.ends_line) Add(ids, NearestBefore(tokens, cue.token));
      if (ids.empty()) ids = Slot(tokens, cue.end);
      UpgradeAcrossCue(tokens, cue, ids);
      if (ids.empty()) Add(ids, NearestBefore(tokens, cue.token));
      if (ids.empty()) Add(ids, FirstAfter(tokens, cue.end));
      return ids;
    }
    case CueRole::kReporting:
    case CueRole::kRecommends:
      break;
  }
  // The speaking body comes first ("طلب الفريق العامل المعني بالاتجار بالأشخاص إلى الأمانة").
  std::optional<EntityMatch> speaker;
  for (size_t at = cue.end; at < tokens.size() && at < cue.end + 3 && !speaker; ++at)
    speaker = MatchEntityAt(tokens, at);
  // A request or proposal has one addressee, the first body named after the speaker; a
  // recommendation engages every body the paragraph names (001 ¶47-48), wherever an
  // out-of-order line put it.
  size_t from = cue.role == CueRole::kReporting && speaker ? speaker->end : 0;
  if (cue.role == CueRole::kReporting && !speaker) from = cue.end;
  std::vector<std::string> ids;
  for (size_t at = from; at < tokens.size(); ++at) {
    if (speaker && at == speaker->begin) {
      at = speaker->end - 1;
      continue;
    }
    std::optional<EntityMatch> match = MatchEntityAt(tokens, at);
    if (!match) continue;
    Add(ids, match->id);
    if (cue.role == CueRole::kReporting) break;
    at = match->end - 1;
  }
  return ids;
}

// "بمساعدة المكتب" (001 ¶24): a body asked to assist is addressed too.
void AddAssisting(const std::vector<std::string>& tokens, std::vector<std::string>& ids) {
  for (size_t at = 0; at + 1 < tokens.size(); ++at)
    if (tokens[at] == "بمساعدة")
      if (std::optional<EntityMatch> match = MatchEntityAt(tokens, at + 1)) Add(ids, match->id);
}

// "صندوق … الذي يديره مكتب الأمم المتحدة …", "مجلس أمناء … يعينهم الأمين العام" (004 annex ¶38):
// an action that sets something up names who runs it, and gives that body a task (CORPUS.md
// §4.2: "¶38 (Trust Fund under UNODC, board appointed by the SG)").
void AddAssigned(const std::vector<std::string>& tokens, std::vector<std::string>& ids) {
  static const std::vector<std::string> kRuns = {"يديره", "يديرها", "تديره", "تديرها",
                                                 "يعينهم", "يعينه", "يعينها"};
  for (size_t at = 0; at + 1 < tokens.size(); ++at)
    if (std::find(kRuns.begin(), kRuns.end(), tokens[at]) != kRuns.end())
      if (std::optional<EntityMatch> match = MatchEntityAt(tokens, at + 1)) Add(ids, match->id);
}

// "أن يعزز، على سبيل الأولوية، قدرة مكتب الأمم المتحدة" (004 annex ¶60), "إدراج قضية الاتجار
// بالأشخاص في سياسات وبرامج الأمم المتحدة" (annex ¶14): when the action asked for is to strengthen
// a body's capacity or to bring something into its programmes, that body is engaged by it too —
// the Global Plan's inventory (corpus-notes/ops-004.tsv) lists it beside whoever is asked. Only
// the action's own verb counts: "لتعزيز قدرة" (a purpose, resolution ¶7) and "تحسين قدرة" inside
// an acknowledgement (annex ¶5) do not engage anyone. The UN after "برامج" would otherwise be
// read as a construct's owner and skipped.
void AddEngaged(const std::vector<std::string>& tokens, std::vector<std::string>& ids) {
  static const std::vector<std::string> kActions = {"يعزز", "تعزز", "ادراج"};
  static const std::vector<std::string> kHeld = {"قدرة", "قدرات", "برامج", "وبرامج"};
  constexpr size_t kWindow = 8;  // "ادراج قضية الاتجار بالاشخاص في سياسات وبرامج"
  for (size_t verb = 0; verb < tokens.size(); ++verb) {
    if (std::find(kActions.begin(), kActions.end(), tokens[verb]) == kActions.end()) continue;
    for (size_t at = verb + 1; at + 1 < tokens.size() && at <= verb + kWindow; ++at) {
      if (std::find(kHeld.begin(), kHeld.end(), tokens[at]) == kHeld.end()) continue;
      if (std::optional<EntityMatch> match = MatchEntityAt(tokens, at + 1, true))
        Add(ids, match->id);
      break;
    }
  }
}

}  // namespace

namespace {
// "اتفاقية الأمم المتحدة", "صندوق الأمم المتحدة": after a bare noun the UN is the owner in a
// construct, not an actor. Named UN bodies ("منظومة الأمم المتحدة") are entities of their own.
bool IsConstructOwner(const std::vector<std::string>& tokens, const EntityMatch& match) {
  if (match.id != "united-nations" || match.end - match.begin != 2 || match.begin == 0) return false;
  if (tokens[match.begin] != "الامم") return false;
  const std::string& before = tokens[match.begin - 1];
  return before.rfind("ال", 0) != 0 && !IsLinkWord(before) && !EndsSlot(before);
}
}  // namespace

std::optional<EntityMatch> MatchEntityAt(const std::vector<std::string>& tokens, size_t at,
                                         bool right_after_cue) {
  std::optional<EntityMatch> best;
  for (const EntityName& entity : kEntities) {
    std::optional<EntityMatch> match = MatchPhrase(tokens, at, entity);
    if (match && (!best || match->end > best->end)) best = match;
  }
  // Right after a verbal noun the construct is the cue's own object: "تشجيع الأمم المتحدة".
  if (best && !right_after_cue && IsConstructOwner(tokens, *best)) return std::nullopt;
  return best;
}

std::vector<std::string> AddresseesOf(const RuleText& text, const Cue& cue,
                                      const AddresseeContext& context) {
  return ForCue(text, cue, context);
}

std::vector<std::string> FindAddressees(const RuleText& text, const std::vector<Cue>& cues,
                                        const AddresseeContext& context) {
  std::vector<std::string> ids;
  for (const Cue& cue : cues)
    for (const std::string& id : ForCue(text, cue, context)) Add(ids, id);
  AddAssisting(text.tokens, ids);
  // Only beside an addressee a cue gave: with no cue found, nothing says the names are tasked.
  if (!ids.empty()) {
    AddAssigned(text.tokens, ids);
    AddEngaged(text.tokens, ids);
  }
  return ids;
}

std::string FirstEntity(const std::string& text) {
  std::vector<std::string> tokens = Tokens(NormalizeForMatch(text));
  for (size_t at = 0; at < tokens.size(); ++at)
    if (std::optional<EntityMatch> match = MatchEntityAt(tokens, at)) return match->id;
  return "";
}

std::string BodyId(const std::string& body) {
  std::string id;
  for (char c : body) {
    if (c >= 'A' && c <= 'Z') id += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) id += c;
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

}  // namespace sijill::ingest
