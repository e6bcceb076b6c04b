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
    EntityName{"united-nations", "وكالات الامم المتحدة"},
    EntityName{"united-nations", "الامم المتحدة"},
    EntityName{"governments", "الحكومات"},
    EntityName{"mandate-holders", "المكلفين بولايات"},
    EntityName{"mandate-holders", "المقررين الخاصين"},
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
  return token == word || IsWord(token, word);
}

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
    if (std::optional<EntityMatch> match = MatchEntityAt(tokens, at)) {
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
    for (size_t i = 1; hit && i < words.size(); ++i)
      hit = LaterWordMatches(tokens[last - i], words[i]);
    if (hit && (!best || last + 1 - words.size() < best->begin))
      best = EntityMatch{entity.id, last + 1 - words.size(), last + 1};
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

std::vector<std::string> ForCue(const std::vector<std::string>& tokens, const Cue& cue,
                                const AddresseeContext& context) {
  switch (cue.role) {
    case CueRole::kSelf:
      return {context.issuing_body};
    case CueRole::kNotes:
      return {};
    case CueRole::kCommitment:
      return {context.annex_subject};
    case CueRole::kModal: {
      std::vector<std::string> ids = Slot(tokens, cue.end);
      if (ids.empty()) Add(ids, NearestBefore(tokens, cue.token));
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
  size_t from = speaker ? speaker->end : cue.end;
  std::vector<std::string> ids;
  for (size_t at = from; at < tokens.size(); ++at) {
    std::optional<EntityMatch> match = MatchEntityAt(tokens, at);
    if (!match) continue;
    Add(ids, match->id);
    // A request or proposal has one addressee; a recommendation engages every body it names.
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

}  // namespace

std::optional<EntityMatch> MatchEntityAt(const std::vector<std::string>& tokens, size_t at) {
  std::optional<EntityMatch> best;
  for (const EntityName& entity : kEntities) {
    std::optional<EntityMatch> match = MatchPhrase(tokens, at, entity);
    if (match && (!best || match->end > best->end)) best = match;
  }
  return best;
}

std::vector<std::string> FindAddressees(const std::vector<std::string>& tokens,
                                        const std::vector<Cue>& cues,
                                        const AddresseeContext& context) {
  std::vector<std::string> ids;
  for (const Cue& cue : cues)
    for (const std::string& id : ForCue(tokens, cue, context)) Add(ids, id);
  AddAssisting(tokens, ids);
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
