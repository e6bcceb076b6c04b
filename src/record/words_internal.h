// The words of the record, shared by every format so md, html and docx say the same thing.
#pragma once

#include <string>
#include <string_view>

#include "sijill/record/consolidated.h"

namespace sijill::record::words {

inline constexpr std::string_view kAsOf = "كما كان المستودع في الإيداع";
inline constexpr std::string_view kRecommendations = "عدد التوصيات";
inline constexpr std::string_view kDocuments = "عدد الوثائق";
inline constexpr std::string_view kSummary = "ملخص";
inline constexpr std::string_view kTotal = "المجموع";
inline constexpr std::string_view kTotalRow = "مجموع التوصيات";
inline constexpr std::string_view kSeveralNote =
    "التوصية الموجهة إلى أكثر من جهة أو المتعلقة بأكثر من موضوع تُحسب في كل صف منها؛ "
    "والصف الأخير يعدّ التوصيات.";
inline constexpr std::string_view kChangedSince = "ما تغيّر منذ";
inline constexpr std::string_view kNoChanges = "لم تتغير حالة أي توصية ولا متابعتها.";
inline constexpr std::string_view kRecommendation = "التوصية";
inline constexpr std::string_view kChange = "التغيير";
inline constexpr std::string_view kStatusBefore = "الحالة السابقة";
inline constexpr std::string_view kStatusAfter = "الحالة الحالية";
inline constexpr std::string_view kFollowUpDate = "تاريخ آخر متابعة";
inline constexpr std::string_view kSource = "المصدر";
inline constexpr std::string_view kAdopted = "تاريخ الاعتماد";
inline constexpr std::string_view kAddressees = "الجهات المخاطَبة";
inline constexpr std::string_view kModality = "الصيغة";
inline constexpr std::string_view kTopics = "المواضيع";
inline constexpr std::string_view kStatus = "الحالة";
inline constexpr std::string_view kLatest = "آخر متابعة";
inline constexpr std::string_view kEvidence = "الأدلة";
inline constexpr std::string_view kRepeats = "تكرر أو تواصل";
inline constexpr std::string_view kNoSection = "(بلا عنوان فرعي)";
inline constexpr std::string_view kDate = "التاريخ";
inline constexpr std::string_view kUnknownReport = "وثيقة غير موجودة في المستودع";
inline constexpr std::string_view kListSeparator = "، ";

// "new" → "جديدة", ...
std::string_view KindLabel(std::string_view kind);

// "a، b، c"
std::string Join(const std::vector<std::string>& items, std::string_view separator = kListSeparator);

// The heading of a meeting: "CTOC/COP/WG.4/2013/5 — title".
std::string MeetingHeading(const Meeting& meeting);

}  // namespace sijill::record::words
