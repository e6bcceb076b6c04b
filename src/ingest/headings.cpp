#include "sijill/ingest/headings.h"

#include <map>

#include "ingest/regex_internal.h"

namespace sijill::ingest {
namespace {

using internal::Regex;

constexpr const char* kChapters =
    "أولاً|ثانياً|ثالثاً|رابعاً|خامساً|سادساً|سابعاً|ثامناً|أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا";
constexpr const char* kSections = "ألف|باء|جيم|دال|هاء|واو|زاي";

int LevelOf(const std::string& numeral) {
  static const Regex kSection(std::string("^(?:") + kSections + ")$");
  return kSection.Search(numeral) ? 2 : 1;
}

}  // namespace

const std::map<std::string, std::string>& HeadingInventory() {
  // Chunk-reversed titles in the seeds (CORPUS.md §B: "an exact map is safer than a rule").
  static const std::map<std::string, std::string> kInventory = {
      {"مةمقدِّ", "مقدِّمة"},
      {"ستنتاجاتالا", "الاستنتاجات"},
      {"عاون والتنسيق فيما بين الوكالاتالأعمال المتعلقة بالمعايير وبالسياسات، والت",
       "الأعمال المتعلقة بالمعايير وبالسياسات، والتعاون والتنسيق فيما بين الوكالات"},
      {"لاتجار بالأشخاصمنع ا", "منع الاتجار بالأشخاص"},
      {"تهمحماية ضحايا الاتجار بالأشخاص ومساعد", "حماية ضحايا الاتجار بالأشخاص ومساعدتهم"},
      {"ة في بروتوكول منع وقمع ومعاقبة الاتِّجار تحليل المفاهيم الرئيسية الوارد",
       "تحليل المفاهيم الرئيسية الواردة في بروتوكول منع وقمع ومعاقبة الاتِّجار"},
      {"عبر الوطنية نظَّمةكافحة الجريمة الممؤتمر الأطراف في اتفاقية الأمم المتحدة لم",
       "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظَّمة عبر الوطنية"},
      {"بالأشخاص تِّجارالفريق المشترك بين الوكالات المعني بالتنسيق في مجال مكافحة الا",
       "الفريق المشترك بين الوكالات المعني بالتنسيق في مجال مكافحة الاتِّجار بالأشخاص"},
      {"عاون مع المنظمات والعمليات الإقليميةالت", "التعاون مع المنظمات والعمليات الإقليمية"},
      {"ات والأدوات بشأن المعايير والسياساتوضع الإرشاد",
       "وضع الإرشادات والأدوات بشأن المعايير والسياسات"},
      {"اون التقنيترويج ودعم تنفيذ البروتوكول من خلال التع",
       "ترويج ودعم تنفيذ البروتوكول من خلال التعاون التقني"},
      {"الوطنية التنسيق وهياكلالاستراتيجيات وتنميةالمساعدة التشريعية،",
       "المساعدة التشريعية، وتنمية الاستراتيجيات وهياكل التنسيق الوطنية"},
      {"بالأشخاص، أشكال الاستغلال التي لم تُذكر صراحةً في بروتوكول الاتجار ولكنها نشأت في "
       "سياقات أو ممارسات وطنية أو إقليمية أو دولية",
       "أشكال الاستغلال التي لم تُذكر صراحةً في بروتوكول الاتجار بالأشخاص، ولكنها نشأت في "
       "سياقات أو ممارسات وطنية أو إقليمية أو دولية"},
  };
  return kInventory;
}

std::string RepairHeadingTitle(const std::string& title) {
  auto found = HeadingInventory().find(title);
  return found == HeadingInventory().end() ? title : found->second;
}

std::optional<Heading> MatchHeading(const std::string& text, TextOrder order) {
  static const Regex kAnnex("^(?:المرفق|المرفقات|Annex)(?:\\s+\\S+)?$");
  static const Regex kVisual(std::string("^(.*?) ?- ?(") + kChapters + "|" + kSections + ")$");
  static const Regex kSplitSecond("^(.*?) ?- ?ا ثاني$");  // 004 L409 "-ا ثاني" = ثانيا (C4)
  static const Regex kLogical(std::string("^(") + kChapters + "|" + kSections + ") ?[-–] ?(.+)$");
  if (kAnnex.Search(text)) return Heading{1, "", text, true};
  Regex::Groups g;
  if (order == TextOrder::kVisual) {
    if (!(g = kVisual.First(text)).empty())
      return Heading{LevelOf(g[2]), g[2] + " -", RepairHeadingTitle(g[1]), false};
    if (!(g = kSplitSecond.First(text)).empty())
      return Heading{1, "ثانيا -", RepairHeadingTitle(g[1]), false};
    return std::nullopt;
  }
  if (!(g = kLogical.First(text)).empty()) return Heading{LevelOf(g[1]), g[1] + " -", g[2], false};
  return std::nullopt;
}

}  // namespace sijill::ingest
