// The words of the theme's chrome, in Arabic and English. Kept here rather than in the
// templates so a repository's own templates get them too ({{t.reports}}).
#include <string>
#include <vector>

#include "site/pages_internal.h"

namespace sijill::site::internal {

namespace {

struct Entry {
  const char* key;
  const char* ar;
  const char* en;
};

constexpr Entry kStrings[] = {
    {"home", "الصفحة الرئيسية", "Home"},
    {"reports", "التقارير", "Reports"},
    {"recommendations", "التوصيات", "Recommendations"},
    {"record", "السجل الموحد", "Consolidated record"},
    {"briefs", "موجزات الفريق المشترك", "ICAT briefs"},
    {"lists", "الفهارس", "Indexes"},
    {"search", "بحث", "Search"},
    {"search_placeholder", "ابحث في التقارير والتوصيات", "Search reports and recommendations"},
    {"search_none", "لا نتائج", "No results"},
    {"status", "الحالة", "Status"},
    {"topics", "المواضيع", "Topics"},
    {"addressees", "الجهات المخاطبة", "Addressees"},
    {"years", "السنوات", "Years"},
    {"symbol", "الرمز", "Symbol"},
    {"date", "التاريخ", "Date"},
    {"body", "الهيئة", "Body"},
    {"session", "الدورة", "Session"},
    {"adopted", "تاريخ الاعتماد", "Adopted"},
    {"modality", "الصيغة", "Modality"},
    {"source", "المصدر", "Source"},
    {"section", "القسم", "Section"},
    {"text", "النص", "Text"},
    {"followup", "المتابعة", "Follow-up"},
    {"no_followup", "لا متابعة مسجلة بعد", "No follow-up recorded yet"},
    {"history", "سجل التغييرات", "Change history"},
    {"evidence", "الأدلة", "Evidence"},
    {"by", "بواسطة", "By"},
    {"note", "ملاحظة", "Note"},
    {"change", "التغيير", "Change"},
    {"commit", "الإيداع", "Commit"},
    {"summary", "ملخص", "Summary"},
    {"in_report", "التوصيات في هذا التقرير", "Recommendations in this report"},
    {"latest_reports", "أحدث التقارير", "Latest reports"},
    {"latest_briefs", "أحدث الموجزات", "Latest briefs"},
    {"by_status", "التوصيات حسب الحالة", "Recommendations by status"},
    {"feeds", "خلاصات", "Feeds"},
    {"feed_reports", "تقارير جديدة", "New reports"},
    {"feed_status", "تغييرات الحالة", "Status changes"},
    {"feed_briefs", "الموجزات", "Briefs"},
    {"agency", "الجهة", "Agency"},
    {"authors", "المؤلفون", "Authors"},
    {"languages", "اللغات", "Languages"},
    {"page", "صفحة", "Page"},
    {"pages", "الصفحات", "Pages"},
    {"previous", "السابق", "Previous"},
    {"next", "التالي", "Next"},
    {"not_found", "الصفحة غير موجودة", "Page not found"},
    {"not_found_text", "لم يُعثر على هذه الصفحة. ابحث أو عد إلى الصفحة الرئيسية.",
     "This page does not exist. Search, or go back to the home page."},
    {"count", "العدد", "Count"},
    {"generated", "أُنشئ من الإيداع", "Generated from commit"},
    {"arrow", "←", "→"},  // from the old status to the new one, in reading order
};

struct Pair {
  const char* id;
  const char* ar;
  const char* en;
};

constexpr Pair kStatuses[] = {
    {"open", "مفتوحة", "Open"},           {"in-progress", "قيد التنفيذ", "In progress"},
    {"implemented", "منفذة", "Implemented"}, {"ongoing", "مستمرة", "Ongoing"},
    {"superseded", "مستبدلة", "Superseded"}, {"closed", "مغلقة", "Closed"},
};

constexpr Pair kKinds[] = {
    {"report", "تقرير", "Report"},
    {"paragraph", "فقرة", "Paragraph"},
    {"recommendation", "توصية", "Recommendation"},
    {"brief", "موجز", "Brief"},
    {"status", "الحالة", "Status"},
    {"topics", "الموضوع", "Topic"},
    {"addressees", "الجهة المخاطبة", "Addressee"},
    {"years", "السنة", "Year"},
};

bool Arabic(const std::string& language) { return language.rfind("ar", 0) == 0; }

}  // namespace

const mstch::node& Strings(const std::string& language) {
  // Built once per language and shared, read-only, by every page: a map of ~50 strings built
  // and then copied into each of 127,000 page contexts was ~10 % of the rendering.
  static const auto build = [](bool arabic) {
    mstch::map strings;
    for (const Entry& entry : kStrings) strings.emplace(entry.key, std::string(arabic ? entry.ar : entry.en));
    return mstch::node(mstch::map{{"t", std::move(strings)}});
  };
  static const mstch::node arabic = build(true), other = build(false);
  return Arabic(language) ? arabic : other;
}

std::string Text(const std::string& key, const std::string& language) {
  for (const Entry& entry : kStrings)
    if (key == entry.key) return Arabic(language) ? entry.ar : entry.en;
  return key;
}

std::string StatusLabel(const std::string& status, const std::string& language) {
  for (const Pair& pair : kStatuses)
    if (status == pair.id) return Arabic(language) ? pair.ar : pair.en;
  return status;
}

std::string KindLabel(const std::string& kind, const std::string& language) {
  for (const Pair& pair : kKinds)
    if (kind == pair.id) return Arabic(language) ? pair.ar : pair.en;
  return kind;
}

std::string ListLabel(const Model& model, const std::string& kind, const std::string& value,
                      const std::string& language) {
  const model::Label* label = nullptr;
  if (kind == "topics") label = model.snapshot.settings.FindTopic(value);
  if (kind == "addressees") label = model.snapshot.settings.FindAddressee(value);
  if (kind == "status") return StatusLabel(value, language);
  if (!label) return value;
  const std::string& text = Arabic(language) ? label->ar : label->en;
  return text.empty() ? value : text;
}

}  // namespace sijill::site::internal
