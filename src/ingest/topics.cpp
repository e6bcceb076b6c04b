// Topics come from the section a paragraph sits in (issue #3): the nearest heading that names
// a known subject decides. CORPUS.md §3 and §4 give the sections of 001 and of 004's annex.
#include <array>

#include "ingest/arabic_internal.h"
#include "ingest/extract_rules_internal.h"

namespace sijill::ingest {

namespace {

struct TopicRule {
  const char* id;
  const char* words;  // normalised; all must occur in the heading, in this order
};

// First match wins, so the more specific rules come first: 001 §جيم speaks of "تعزيز الشراكات"
// but is about demand; 001 §باء names the Protocol ("منع وقمع") but is about consent.
constexpr std::array kTopicRules = {
    TopicRule{"follow-up", "متابعة التوصيات"},
    TopicRule{"consent", "الموافقة"},
    TopicRule{"demand", "خفض الطلب"},
    TopicRule{"exploitation-forms", "اشكال الاستغلال"},
    TopicRule{"general", "توصيات عامة"},
    TopicRule{"prevention", "منع الاتجار"},
    TopicRule{"protection", "حماية ضحايا"},
    TopicRule{"prosecution", "مقاضاة"},
    TopicRule{"partnerships", "الشراكات"},
};

const char* TopicOf(const std::string& heading) {
  std::string normalized = NormalizeForMatch(heading);
  for (const TopicRule& rule : kTopicRules)
    if (normalized.find(NormalizeForMatch(rule.words)) != std::string::npos) return rule.id;
  return nullptr;
}

}  // namespace

std::vector<std::string> TopicsFor(const markdown::Paragraph& paragraph) {
  for (auto it = paragraph.heading_path.rbegin(); it != paragraph.heading_path.rend(); ++it)
    if (const char* topic = TopicOf(*it)) return {topic};
  return {"general"};
}

}  // namespace sijill::ingest
