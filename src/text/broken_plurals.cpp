#include "text/broken_plurals_internal.h"

#include <array>

namespace sijill::text::internal {

namespace {

// Broken plurals of the words UN texts on crime and rights use most, each with its singular.
// A light stemmer strips affixes; these plurals change the inside of the word, so without the
// table الضحايا never meets الضحية (A/RES/64/293 annex ¶30 says ضحية, a query says الضحايا).
// What is left out on purpose, because the shared stem would join unrelated words:
//   أعمال/عمل and عمال/عامل (business, agenda items; "الفريق العامل" is in every report),
//   أموال/مال (مالي: financial, and Mali), مصادر/مصدر (مصادرة: confiscation), مسائل/مسألة
//   (مساءلة: accountability), طرائق/طريقة ("عن طريق"), أصول/أصل (assets / origin), حدود/حد
//   ("الحد من": reducing), رسوم/رسم (رسمي: official), أدلة/دليل (evidence / manual), and
//   plurals of three letters (فرص, نظم, أطر), which would catch other short words. (Words that
//   begin with a letter of their own that looks like a proclitic, وسائل, لجان, فئات, are kept
//   whole by root_initial.cpp before they are looked up here.)
constexpr std::array kPairs = {
    // Victims, crime and justice.
    StemPair{"ضحايا", "ضحية"},
    StemPair{"جرائم", "جريمة"},
    StemPair{"قضايا", "قضية"},
    StemPair{"قضاة", "قاضي"},
    StemPair{"شهود", "شاهد"},
    StemPair{"سجون", "سجن"},
    StemPair{"أسلحة", "سلاح"},
    // People.
    StemPair{"أطفال", "طفل"},
    StemPair{"نساء", "المرأة"},
    // امرأة alone would reach امر (أمر, an order) and المرأة reaches مرا: both take مرا.
    StemPair{"امرأة", "المرأة"},
    StemPair{"رجال", "رجل"},
    StemPair{"أشخاص", "شخص"},
    StemPair{"أفراد", "فرد"},
    StemPair{"أجانب", "أجنبي"},
    StemPair{"شركاء", "شريك"},
    StemPair{"خبراء", "خبير"},
    StemPair{"أمناء", "أمين"},
    StemPair{"أجيال", "جيل"},
    StemPair{"شعوب", "شعب"},
    // Law and policy.
    StemPair{"حقوق", "حق"},
    StemPair{"أطراف", "طرف"},  // "الدول الأطراف", "الدولة الطرف"
    StemPair{"قوانين", "قانون"},
    StemPair{"أحكام", "حكم"},
    StemPair{"مبادئ", "مبدأ"},
    StemPair{"مبادىء", "مبدأ"},
    StemPair{"قواعد", "قاعدة"},
    StemPair{"معايير", "معيار"},
    StemPair{"تدابير", "تدبير"},
    StemPair{"شروط", "شرط"},
    StemPair{"أعراف", "عرف"},
    StemPair{"وثائق", "وثيقة"},
    StemPair{"تقارير", "تقرير"},
    StemPair{"مواد", "مادة"},
    StemPair{"أنظمة", "نظام"},
    StemPair{"صكوك", "صك"},
    StemPair{"مفاهيم", "مفهوم"},
    // Work and its ends.
    StemPair{"أنشطة", "نشاط"},
    StemPair{"أهداف", "هدف"},
    StemPair{"أشكال", "شكل"},
    StemPair{"أسباب", "سبب"},
    StemPair{"برامج", "برنامج"},
    StemPair{"مشاريع", "مشروع"},
    StemPair{"تجارب", "تجربة"},
    StemPair{"أدوار", "دور"},
    StemPair{"نتائج", "نتيجة"},
    StemPair{"مشاكل", "مشكلة"},
    StemPair{"أعباء", "عبء"},
    StemPair{"ظروف", "ظرف"},
    StemPair{"منافع", "منفعة"},
    // Places and bodies.
    StemPair{"مناطق", "منطقة"},
    StemPair{"أقاليم", "إقليم"},
    StemPair{"مراكز", "مركز"},
    StemPair{"أسواق", "سوق"},
    StemPair{"مجالس", "مجلس"},
    StemPair{"لجان", "لجنة"},
    StemPair{"فئات", "فئة"},
    StemPair{"وسائل", "وسيلة"},
    StemPair{"أجهزة", "جهاز"},
    StemPair{"جهات", "جهة"},
    StemPair{"موارد", "مورد"},
};

}  // namespace

std::span<const StemPair> BrokenPlurals() { return kPairs; }

}  // namespace sijill::text::internal
