// The interface in two languages. Arabic is the default (issue 6: "Arabic first"); every
// string has an English twin, and a missing label falls back to the id it labels, so a status
// or modality added to sijill.yaml shows up (untranslated) rather than disappearing.
#include <ctime>
#include <string>
#include <string_view>

#include "service/ui/render_internal.h"

namespace sijill::service::ui {

namespace {

struct Entry {
  std::string_view key;
  std::string_view ar;
  std::string_view en;
};

constexpr Entry kStrings[] = {
    {"search", "بحث", "Search"},
    {"search_label", "ابحث في التقارير والتوصيات", "Search reports and recommendations"},
    {"record", "سجل المتابعة", "Follow-up record"},
    {"briefs", "الموجزات", "Briefs"},
    {"login", "تسجيل الدخول", "Log in"},
    {"logout", "تسجيل الخروج", "Log out"},
    {"switch_lang", "English", "العربية"},
    {"no_results", "لا توجد نتائج.", "No results."},
    {"filters", "عوامل التصفية", "Filters"},
    {"refine", "تضييق النتائج", "Refine"},
    {"remove", "إزالة", "remove"},
    {"previous", "السابق", "Previous"},
    {"next", "التالي", "Next"},
    {"status", "الحالة", "Status"},
    {"addressees", "الجهات المخاطَبة", "Addressees"},
    {"modality", "صيغة الطلب", "Modality"},
    {"topics", "المواضيع", "Topics"},
    {"source", "المصدر", "Source"},
    {"section", "القسم", "Section"},
    {"adopted", "تاريخ الاعتماد", "Adopted"},
    {"history", "سجل التغييرات", "History"},
    {"followup", "المتابعة", "Follow-up"},
    {"record_followup", "تسجيل متابعة", "Record follow-up"},
    {"new_status", "الحالة الجديدة", "New status"},
    {"note", "ملاحظة", "Note"},
    {"evidence", "الأدلة", "Evidence"},
    {"evidence_help", "رمز وثيقة وفقرة (مثل CTOC/COP/2018/2#p22) أو رابط، دليل في كل سطر",
     "A document symbol and paragraph (e.g. CTOC/COP/2018/2#p22) or a URL, one per line"},
    {"suggestions", "أدلة مقترحة: اختر ما تؤكده منها", "Suggested evidence: tick what you confirm"},
    {"save", "حفظ", "Save"},
    {"by", "بواسطة", "by"},
    {"recommendation", "توصية", "Recommendation"},
    {"recommendations", "التوصيات", "Recommendations"},
    {"paragraph", "الفقرة", "Paragraph"},
    {"report", "التقرير", "Report"},
    {"open_record", "التوصية", "recommendation"},
    {"no_history", "لا تغييرات مسجلة.", "No recorded changes."},
    {"no_followup", "لم تُسجَّل متابعة بعد.", "No follow-up recorded yet."},
    {"dashboard", "حالة التوصيات", "Status of the recommendations"},
    {"count", "العدد", "Count"},
    {"total", "المجموع", "Total"},
    {"chart_label", "عدد التوصيات حسب الحالة", "Recommendations by status"},
    {"download", "تنزيل السجل الموحد", "Download the consolidated record"},
    {"reports", "التقارير", "Reports"},
    {"new_brief", "موجز جديد", "New brief"},
    {"no_briefs", "لا توجد موجزات منشورة.", "No published briefs."},
    {"draft", "مسودة", "draft"},
    {"published", "منشور", "published"},
    {"title_label", "العنوان", "Title"},
    {"agency", "الجهة", "Agency"},
    {"authors", "المؤلفون (اسم في كل سطر)", "Authors (one per line)"},
    {"date", "التاريخ", "Date"},
    {"language", "اللغة", "Language"},
    {"slug", "المعرّف في المسار (حروف لاتينية صغيرة وأرقام وشرطات)",
     "Identifier in the address (a-z, 0-9, hyphens)"},
    {"body", "النص (Markdown)", "Text (Markdown)"},
    {"preview", "معاينة", "Preview"},
    {"save_draft", "حفظ كمسودة", "Save as draft"},
    {"publish", "نشر", "Publish"},
    {"edit", "تحرير", "Edit"},
    {"username", "اسم المستخدم", "User name"},
    {"password", "كلمة المرور", "Password"},
    {"error", "خطأ", "Error"},
    {"back_home", "العودة إلى البحث", "Back to search"},
    {"signed_in_as", "المستخدم:", "Signed in as"},
    {"main_nav", "التنقل الرئيسي", "Main navigation"},
    {"results", "النتائج", "Results"},
    {"pages", "الصفحات", "Pages"},
    {"timeline", "التسلسل الزمني", "Timeline"},
};

constexpr Entry kLabels[] = {
    // statuses (DESIGN.md ⚑ defaults)
    {"status:open", "مفتوحة", "open"},
    {"status:in-progress", "قيد التنفيذ", "in progress"},
    {"status:implemented", "نُفِّذت", "implemented"},
    {"status:ongoing", "مستمرة", "ongoing"},
    {"status:superseded", "حلّ محلها غيرها", "superseded"},
    {"status:closed", "مغلقة", "closed"},
    // modalities
    {"modality:must", "يجب", "must"},
    {"modality:should", "ينبغي", "should"},
    {"modality:encouraged", "تُشجَّع", "encouraged"},
    {"modality:may", "يجوز", "may"},
    {"modality:requested", "يُطلب", "requested"},
    {"modality:recommended", "يوصى", "recommended"},
    {"modality:proposed", "يُقترح", "proposed"},
    {"modality:decides", "يقرر", "decides"},
    {"modality:urges", "يحث", "urges"},
    // facets (index::FilterKeys)
    {"facet:type", "نوع الوثيقة", "Document type"},
    {"facet:symbol", "رمز الوثيقة", "Symbol"},
    {"facet:addressee", "الجهة المخاطَبة", "Addressee"},
    {"facet:topic", "الموضوع", "Topic"},
    {"facet:status", "الحالة", "Status"},
    {"facet:year", "السنة", "Year"},
    {"facet:language", "اللغة", "Language"},
    {"facet:kind", "نوع النتيجة", "Kind"},
    // kinds of search result
    {"kind:recommendation", "توصية", "recommendation"},
    {"kind:paragraph", "فقرة", "paragraph"},
    {"kind:report", "تقرير", "report"},
    {"kind:brief", "موجز", "brief"},
    // report types (DESIGN.md ⚑ front matter `type`)
    {"type:report", "تقرير", "report"},
    {"type:secretariat-report", "تقرير الأمانة", "secretariat report"},
    {"type:resolution", "قرار", "resolution"},
    {"type:brief", "موجز", "brief"},
    // languages
    {"language:ar", "العربية", "Arabic"},
    {"language:en", "الإنكليزية", "English"},
    {"language:fr", "الفرنسية", "French"},
};

std::string Lookup(const Chrome& chrome, std::string_view key, std::string_view fallback) {
  for (const Entry& text : kLabels) {
    if (text.key == key) return std::string(chrome.English() ? text.en : text.ar);
  }
  return std::string(fallback);
}

}  // namespace

const mstch::node& Strings(const Chrome& chrome) {
  // Built once per language (they never change) and shared, read-only, by every request.
  static const auto build = [](bool english) {
    mstch::map strings;
    for (const Entry& text : kStrings)
      strings.emplace(std::string(text.key), std::string(english ? text.en : text.ar));
    return mstch::node(mstch::map{{"t", std::move(strings)}});
  };
  static const mstch::node arabic = build(false), english = build(true);
  return chrome.English() ? english : arabic;
}

std::string Text(const Chrome& chrome, std::string_view key) {
  for (const auto& text : kStrings) {
    if (text.key == key) return std::string(chrome.English() ? text.en : text.ar);
  }
  return std::string(key);
}

std::string ValueLabel(const Chrome& chrome, std::string_view category, std::string_view id) {
  return Lookup(chrome, std::string(category) + ":" + std::string(id), id);
}

std::string StatusLabel(const Chrome& chrome, std::string_view status) {
  return ValueLabel(chrome, "status", status);
}

std::string ModalityLabel(const Chrome& chrome, std::string_view modality) {
  return ValueLabel(chrome, "modality", modality);
}

std::string FacetLabel(const Chrome& chrome, std::string_view facet) {
  return ValueLabel(chrome, "facet", facet);
}

std::string KindLabel(const Chrome& chrome, std::string_view kind) {
  return ValueLabel(chrome, "kind", kind);
}

std::string SettingLabel(const Chrome& chrome, const model::Label* label, std::string_view id) {
  if (label == nullptr) return std::string(id);
  const std::string& text = chrome.English() ? label->en : label->ar;
  return text.empty() ? std::string(id) : text;
}

std::string TextDirection(std::string_view language) {
  return language == "ar" || language == "fa" || language == "ur" || language == "he" ? "rtl"
                                                                                      : "ltr";
}

std::string FormatTime(long long seconds_since_epoch) {
  std::time_t time = static_cast<std::time_t>(seconds_since_epoch);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &parts);
  return buffer;
}

}  // namespace sijill::service::ui
