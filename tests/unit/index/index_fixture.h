// A small records repository made of real seed sentences (003 is in logical order; 001's
// recommendation ¶22 as a record), shared by the index tests. Issue #4.
#pragma once

#include <string>

namespace sijill::index::testing {

inline const char* kCorpus = R"(-- corpus/ctoc-cop-2012-9.md --
---
symbol: "CTOC/COP/2012/9"
title: "الأنشطة التي يضطلع بها مكتب الأمم المتحدة المعني بالمخدرات والجريمة: تقرير من الأمانة"
type: "secretariat-report"
date: "2012-06-29"
language: "ar"
---

# أولاً - مقدمة

1. أُعد هذا التقرير عملاً بقرار مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية ٢/٥.[^1]

2. ومنذ تشرين الأول/أكتوبر ٢٠١٠، زاد عدد الدول الأطراف في بروتوكول الاتجار بالأشخاص إلى ١٥٠ دولة.

# ثانياً - الأنشطة

3. يواصل المكتب الاضطلاع بدور متعدد الجوانب في دعم الدول الأعضاء في الجهود العالمية الرامية إلى مكافحة الاتجار بالأشخاص، وكانت إقامة الشراكات سمة مميزة مشتركة لهذا العمل.

4. وفي شباط/فبراير ٢٠١٢، أصدر المكتب "استراتيجية شاملة لمكافحة الاتجار بالأشخاص وتهريب المهاجرين" عملاً بالقرار ٦٤/٢٩٣.

5. ة الجريم ل لاتفاقي المكم ل <!-- sijill: order-unverified -->

[^1]: CTOC/COP/WG.4/2011/8، الفقرات ٤٦-٥١.
-- corpus/a-res-64-293.md --
---
symbol: "A/RES/64/293"
title: "خطة عمل الأمم المتحدة العالمية لمكافحة الاتجار بالأشخاص"
type: "resolution"
date: "2010-07-30"
language: "ar"
---

إن الجمعية العامة، إذ تسترشد بمقاصد ميثاق الأمم المتحدة ومبادئه،

1. تتخذ خطة عمل الأمم المتحدة العالمية لمكافحة الاتجار بالأشخاص.

# المرفق

نحن الدول الأعضاء في الأمم المتحدة نعقد النية على اعتماد خطة عمل للقيام بما يلي:

1. حث الدول الأعضاء على أن تتخذ إجراءات منسقة ومتسقة لمكافحة الاتجار بالأشخاص.

38. إنشاء صندوق الأمم المتحدة الاستئماني للتبرعات لضحايا الاتجار بالأشخاص، وبخاصة النساء والأطفال.
-- recommendations/ctoc-cop-wg.4-2013-5/p22.yaml --
id: ctoc-cop-wg.4-2013-5.p22
source:
  symbol: CTOC/COP/WG.4/2013/5
  paragraph: "22"
  section: "جيم - كيفية خفض الطلب"
text: "ينبغي للدول الأطراف أن تنظم وكالات التوظيف وتراقبها، وأن تحظر فرض رسوم التوظيف على العمال."
language: ar
adopted: "2013-11-08"
addressees: [states-parties]
modality: should
topics: [recruitment-agencies, labour]
status: open
summary:
  en: "Regulate and monitor recruitment agencies; ban recruitment fees charged to workers."
)";

}  // namespace sijill::index::testing
