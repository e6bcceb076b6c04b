#include "text/root_initial_internal.h"

#include <array>

namespace sijill::text::internal {

namespace {

// Words of UN texts that begin with و ف ل ب ك (or ال) of their own, where stripping that letter
// sent the singular and the plural to different stems (or to another word's): each is listed
// in the forms a text writes, the stemmer's suffix rules then join them (وكالة and وكالات →
// وكال; بلدان → بلد). Three-letter words are left alone by the stemmer anyway (بلد, فرص, وفد).
constexpr std::array<std::string_view, 30> kWords = {
    "وكالة",  "وكالات",  // agency: "الوكالات" reached ات, "الوكالة" كال
    "كيان",   "كيانات",  // entity: "الكيانات" reached يان, as "البيانات" (data) does
    "لجنة",   "لجان",    // committee
    "فئة",    "فئات",    // category, group
    "بلدان",             // countries: "البلدان" reached دان
    "فرصة",              // opportunity: reached رصه, not فرص
    "وثيقة",  "وثائق",   // document
    "فريق",              // team, working group
    "فساد",              // corruption: reached ساد
    "وزارة",  "وزارات",  // ministry
    "ولاية",  "ولايات",  // mandate
    "وحدة",   "وحدات",   // unit
    "وسيلة",  "وسائل",   // means
    "لاجئ",   "لاجئين",  "لاجئون",  // refugee
    "فعال",   "فعالة",   "فعالية",  // effective, effectiveness: reached عال (high)
    // mechanism: "الآلية" reached يه and "آليات" يات (the bare "آلية" is folded like إليه, a
    // stop word, and stays one).
    "آلية",   "آليات",
};

}  // namespace

std::span<const std::string_view> RootInitialWords() { return kWords; }

}  // namespace sijill::text::internal
