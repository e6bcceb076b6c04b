#include "sijill/ingest/extract.h"

#include <algorithm>
#include <array>
#include <optional>
#include <regex>

#include "ingest/arabic_internal.h"
#include "ingest/extract_rules_internal.h"
#include "sijill/model/id.h"

namespace sijill::ingest {

namespace {

using markdown::Document;
using markdown::Paragraph;
using markdown::Part;

bool Mentions(const std::string& heading, const char* words) {
  return NormalizeForMatch(heading).find(NormalizeForMatch(words)) != std::string::npos;
}

// A report's recommendations chapter: a level-1 heading naming "التوصيات". Its chapeau is the
// text before its first section ("اعتمد الفريق العامل التوصيات الواردة أدناه", 001 ¶4).
struct Chapter {
  std::string text;
  bool has_sections = false;
};

std::vector<Chapter> RecommendationChapters(const Document& document) {
  std::vector<Chapter> chapters;
  bool inside = false;
  for (const markdown::Heading& heading : document.headings) {
    if (heading.level == 1) {
      inside = Mentions(heading.text, "التوصيات") || Mentions(heading.text, "Recommendations");
      if (inside) chapters.push_back({heading.text, false});
    } else if (inside) {
      chapters.back().has_sections = true;
    }
  }
  return chapters;
}

std::optional<RecordKind> KindOf(const Paragraph& paragraph, bool resolution,
                                 const std::vector<Chapter>& chapters) {
  if (paragraph.number.empty()) return std::nullopt;
  if (resolution) {
    // Operative paragraphs: "numbered paragraphs outside the annex, after the preamble".
    return paragraph.part == Part::kAnnex ? RecordKind::kAnnexAction : RecordKind::kOperative;
  }
  if (paragraph.part != Part::kMain || paragraph.heading_path.empty()) return std::nullopt;
  for (const Chapter& chapter : chapters) {
    if (paragraph.heading_path.front() != chapter.text) continue;
    bool chapeau = chapter.has_sections && paragraph.heading_path.size() == 1;
    if (!chapeau) return RecordKind::kReport;
  }
  return std::nullopt;
}

// Digits glued to letters ("٢٠١٣نوفمبر", CORPUS.md §2 A14) are split before reading a date.
std::vector<std::string> DateTokens(const std::string& text) {
  std::string normalized = NormalizeForMatch(text);
  std::string spaced;
  for (size_t i = 0; i < normalized.size(); ++i) {
    bool digit = normalized[i] >= '0' && normalized[i] <= '9';
    bool arabic_before = i > 0 && (static_cast<unsigned char>(normalized[i - 1]) & 0x80);
    bool arabic_here = static_cast<unsigned char>(normalized[i]) >= 0xC0;
    bool digit_before = i > 0 && normalized[i - 1] >= '0' && normalized[i - 1] <= '9';
    if ((digit && arabic_before) || (arabic_here && digit_before)) spaced += ' ';
    spaced += normalized[i];
  }
  return Tokens(spaced);
}

bool AllDigits(const std::string& token, size_t min, size_t max) {
  return token.size() >= min && token.size() <= max &&
         std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "٨ تشرين الثاني/نوفمبر ٢٠١٣" in any order (visual-order lines reverse it, CORPUS.md §2 A9).
std::optional<std::string> ReadDate(const std::string& text) {
  static constexpr std::array kMonths = {"يناير", "فبراير", "مارس",   "ابريل",  "مايو",   "يونيه",
                                         "يوليه", "اغسطس",  "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر"};
  std::string day, year;
  int month = 0;
  for (const std::string& token : DateTokens(text)) {
    if (day.empty() && AllDigits(token, 1, 2)) day = token;
    if (year.empty() && AllDigits(token, 4, 4) && (token[0] == '1' || token[0] == '2')) year = token;
    for (size_t m = 0; m < kMonths.size() && month == 0; ++m)
      if (token == kMonths[m]) month = static_cast<int>(m) + 1;
  }
  if (day.empty() || year.empty() || month == 0) return std::nullopt;
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  return year + "-" + two(month) + "-" + two(std::stoi(day));
}

// The date the text was adopted: a report's "اعتماد التقرير" chapter says it; otherwise the
// front matter's `adopted`, then its `date`.
std::string AdoptionDate(const Document& document) {
  for (auto it = document.paragraphs.rbegin(); it != document.paragraphs.rend(); ++it) {
    bool adoption = std::any_of(it->heading_path.begin(), it->heading_path.end(),
                                [](const std::string& h) { return Mentions(h, "اعتماد التقرير"); });
    if (!adoption) continue;
    if (std::optional<std::string> date = ReadDate(it->text)) return *date;
  }
  const auto& meta = document.report.meta;
  auto adopted = meta.extra.find("adopted");
  return adopted != meta.extra.end() ? adopted->second : meta.date;
}

// "p22" -> "22", "annex.p15" -> "annex.15", "p51-dup" -> "51" (model::Source::paragraph).
std::string SourceParagraph(const std::string& id) {
  std::optional<model::RecordId> parsed = model::TryParseRecordId(id);
  return parsed ? parsed->Paragraph() : "";
}

struct Context {
  const Document& document;
  std::string path;
  std::string adopted;
  AddresseeContext addressees;
  bool visual_order = false;
};

// The paragraph's source lines without list marker, footnote references and HTML comments:
// what the extractor put on each physical line.
std::vector<std::string> SourceLines(const Paragraph& paragraph) {
  static const std::regex kMarker(R"(^\s*\d+[.)]\s*)");
  static const std::regex kNoise(R"(\[\^[^\]]*\]|<!--.*?-->)");
  std::vector<std::string> lines;
  size_t begin = 0;
  while (begin < paragraph.markdown.size()) {
    size_t end = paragraph.markdown.find('\n', begin);
    if (end == std::string::npos) end = paragraph.markdown.size();
    std::string line = paragraph.markdown.substr(begin, end - begin);
    if (lines.empty()) line = std::regex_replace(line, kMarker, "");
    lines.push_back(std::regex_replace(line, kNoise, " "));
    begin = end + 1;
  }
  return lines;
}

// CORPUS.md §2 C1: chunks can meet without a space, gluing the tail of one chunk to a cue
// ("ومتعدِّينبغي", "الدولُتُشَجَّع"). Proclitics stay attached: "وينبغي" is one word.
void SplitGluedCues(std::vector<std::string>& tokens) {
  static const std::vector<std::string> kCues = {"ينبغي", "يمكن", "يجب", "تشجع", "اوصي", "جشت"};
  static const std::vector<std::string> kProclitics = {"و", "ف", "ل", "ب"};
  for (size_t i = 0; i < tokens.size(); ++i) {
    for (const std::string& cue : kCues) {
      const std::string& token = tokens[i];
      if (token.size() <= cue.size() || token.compare(token.size() - cue.size(), cue.size(), cue))
        continue;
      std::string prefix = token.substr(0, token.size() - cue.size());
      if (std::find(kProclitics.begin(), kProclitics.end(), prefix) != kProclitics.end()) continue;
      tokens[i] = prefix;
      tokens.insert(tokens.begin() + i + 1, cue);
      ++i;
      break;
    }
  }
}

RuleText MakeRuleText(const Paragraph& paragraph, bool visual_order, RecordKind kind) {
  RuleText text;
  for (const std::string& line : SourceLines(paragraph)) {
    std::vector<std::string> tokens = Tokens(NormalizeForMatch(line));
    if (kind == RecordKind::kReport) SplitGluedCues(tokens);
    if (tokens.empty()) continue;
    text.tokens.insert(text.tokens.end(), tokens.begin(), tokens.end());
    text.line_ends.push_back(text.tokens.size());
  }
  text.first_line_end = text.line_ends.empty() ? 0 : text.line_ends.front();
  text.visual_order = visual_order;
  return text;
}

// CORPUS.md §0: three of the four seeds are visual-order extractions. A document is read as
// one while its resolution paragraphs that show their order (the opening verb or verbal noun at
// the end of the first line but not at the start, or the reverse) include at least two visual
// ones, or more visual than logical ones. Hand fixes (docs/import.md) turn paragraphs to logical
// order one by one (004: 29 visual and 5 logical as imported, 9 and 49 after the fixes), and the
// paragraphs left unfixed are still visual; ReadsVisual reads each fixed one as it is.
bool VisualOrder(const Document& document, bool resolution,
                 const std::vector<Chapter>& chapters);

// A paragraph that opens with its cue is read in logical order, whatever the document's: a
// hand-fixed paragraph in a visual-order document ("تقرر أن تعلن …"; "دعم مجلس حقوق الإنسان …
// تعزيز وحماية حقوق", whose first line ends near a verbal noun). One whose first line ends with
// its cue, and does not open with one, is read in visual order; the document decides the rest
// (004 annex ¶3 "تعزيز وحماية … جعل ضمان" has both).
bool ReadsVisual(const RuleText& text, RecordKind kind, bool document_visual) {
  bool at_start = CueAtStart(text, kind);
  if (at_start && !CueEndsFirstLine(text, kind)) return false;
  if (!at_start && CueAtLineEnd(text, kind)) return true;
  return document_visual;
}

ExtractedRecord MakeRecord(const Paragraph& paragraph, RecordKind kind, const Context& context,
                           Problems& problems) {
  const model::FrontMatter& meta = context.document.report.meta;
  ExtractedRecord out;
  model::Recommendation& record = out.record;
  record.id = paragraph.id;
  record.source = {meta.symbol, SourceParagraph(paragraph.id),
                   paragraph.section};
  record.text = paragraph.text;
  record.language = meta.language.empty() ? "ar" : meta.language;
  record.adopted = context.adopted;
  record.topics = kind == RecordKind::kOperative ? std::vector<std::string>{"general"}
                                                 : TopicsFor(paragraph);
  RuleText text = MakeRuleText(paragraph, context.visual_order, kind);
  if (kind != RecordKind::kReport) text.visual_order = ReadsVisual(text, kind, context.visual_order);
  std::vector<Cue> cues = FindCues(text, kind);
  // A coordinated directive in an annex action counts only when it addresses someone:
  // "وتشجيع التعاون … مع المجتمع المدني" (annex ¶23) encourages nobody in particular.
  if (kind == RecordKind::kAnnexAction && cues.size() > 1) {
    cues.erase(std::remove_if(cues.begin() + 1, cues.end(),
                              [&](const Cue& cue) {
                                return AddresseesOf(text, cue, context.addressees).empty();
                              }),
               cues.end());
  }
  for (const Cue& cue : cues) {
    if (std::find(out.modalities.begin(), out.modalities.end(), cue.modality) != out.modalities.end())
      continue;
    out.modalities.push_back(cue.modality);
    out.cues.push_back(cue.word);
  }
  record.addressees = FindAddressees(text, cues, context.addressees);
  if (record.addressees.empty() && kind == RecordKind::kAnnexAction)
    record.addressees.push_back(context.addressees.annex_subject);
  if (!out.modalities.empty()) record.modality = out.modalities.front();
  Location where{context.path, paragraph.line, 1, ""};
  if (record.modality.empty())
    problems.push_back({where, record.id + ": no modality detected", Severity::kWarning});
  if (record.addressees.empty())
    problems.push_back({where, record.id + ": no addressee detected", Severity::kWarning});
  return out;
}

// The annex chapeau "نحن الدول الأعضاء …" names who commits to every action.
std::string AnnexSubject(const Document& document) {
  for (const Paragraph& paragraph : document.paragraphs)
    if (paragraph.part == Part::kAnnex && paragraph.number.empty())
      return FirstEntity(paragraph.text);
  return "";
}

bool VisualOrder(const Document& document, bool resolution,
                 const std::vector<Chapter>& chapters) {
  int logical = 0, visual = 0;
  for (const Paragraph& paragraph : document.paragraphs) {
    std::optional<RecordKind> kind = KindOf(paragraph, resolution, chapters);
    if (!kind || *kind == RecordKind::kReport) continue;
    RuleText text = MakeRuleText(paragraph, true, *kind);
    bool at_start = CueAtStart(text, *kind);
    bool at_end = CueAtLineEnd(text, *kind);
    if (at_start == at_end) continue;
    (at_end ? visual : logical) += 1;
  }
  return visual >= 2 || visual > logical;
}

}  // namespace

Extraction ExtractRecommendations(const Document& document, const std::string& path) {
  Extraction extraction;
  const model::FrontMatter& meta = document.report.meta;
  bool resolution = meta.type == "resolution";
  std::vector<Chapter> chapters = RecommendationChapters(document);
  std::string body = FirstEntity(meta.body);
  Context context{document, path, AdoptionDate(document),
                  {body.empty() ? BodyId(meta.body) : body, AnnexSubject(document)},
                  VisualOrder(document, resolution, chapters)};
  for (const Paragraph& paragraph : document.paragraphs) {
    std::optional<RecordKind> kind = KindOf(paragraph, resolution, chapters);
    if (!kind) continue;
    extraction.records.push_back(MakeRecord(paragraph, *kind, context, extraction.problems));
  }
  return extraction;
}

}  // namespace sijill::ingest
