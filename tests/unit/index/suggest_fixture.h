// A records repository for the suggestion tests (issue #5 item 2), from real seed sentences:
// the Working Group's 2013 recommendation ¶22 on recruitment agencies (a record), its own ¶47
// on the same subject, the 2018 secretariat report's ¶52 (training that included recruitment
// agencies) and ¶72 (the Trust Fund), an EARLIER 2012 secretariat paragraph on recruitment
// agencies, and a 2015 meeting report whose ¶3 repeats 2018 ¶52 word for word (so only the
// document type tells them apart; it is also recorded as that meeting's recommendation).
#pragma once

namespace sijill::index::testing {

inline const char* kSuggestCorpus = R"(-- corpus/ctoc-cop-wg.4-2013-5.md --
---
symbol: "CTOC/COP/WG.4/2013/5"
title: "تقرير عن اجتماع الفريق العامل المعني بالاتجار بالأشخاص"
type: "report"
date: "2013-11-08"
language: "ar"
---

# جيم - كيفية خفض الطلب

22. ينبغي للدول الأطراف أن تنظر في اتخاذ تدابير لفرض ضوابط تنظيمية على شركات التوظيف والتشغيل الخاصة وترخيصها ومراقبة نشاطها، تشمل حظر فرض رسوم توظيف على المستخدَمين.

47. أوصى الفريق العامل مؤتمر الأطراف بأن يتم النظر في مسألة دور شركات التوظيف ورسوم التوظيف في الاتجار بالأشخاص خلال اجتماعات الفريق العامل المقبلة.
-- corpus/ctoc-cop-2012-9.md --
---
symbol: "CTOC/COP/2012/9"
title: "الأنشطة التي يضطلع بها مكتب الأمم المتحدة المعني بالمخدرات والجريمة: تقرير من الأمانة"
type: "secretariat-report"
date: "2012-06-29"
language: "ar"
---

12. وعقد المكتب حلقة عمل لشركات التوظيف ومفتشي العمل بشأن رسوم التوظيف.
-- corpus/ctoc-cop-2018-2.md --
---
symbol: "CTOC/COP/2018/2"
title: "الأنشطة التي يضطلع بها مكتب الأمم المتحدة المعني بالمخدرات والجريمة: تقرير الأمانة"
type: "secretariat-report"
date: "2018-07-23"
language: "ar"
---

52. ووسَّع المكتب نطاق أنشطته في مجال التعاون التقني بما يتجاوز ممارسي العدالة الجنائية التقليديين، وذلك بتنظيم دورات تدريبية تشمل شركات التوظيف، والموظفين الدبلوماسيين والقنصليين، والأخصائيين الاجتماعيين، ومفتشي العمل.

72. وواصل المكتب تقديم الدعم المالي المباشر إلى المنظمات غير الحكومية من خلال صندوق الأمم المتحدة الاستئماني للتبرعات لضحايا الاتجار بالأشخاص.
-- corpus/ctoc-cop-wg.4-2015-3.md --
---
symbol: "CTOC/COP/WG.4/2015/3"
title: "تقرير عن اجتماع الفريق العامل المعني بالاتجار بالأشخاص"
type: "report"
date: "2015-11-20"
language: "ar"
---

3. ووسَّع المكتب نطاق أنشطته في مجال التعاون التقني بما يتجاوز ممارسي العدالة الجنائية التقليديين، وذلك بتنظيم دورات تدريبية تشمل شركات التوظيف، والموظفين الدبلوماسيين والقنصليين، والأخصائيين الاجتماعيين، ومفتشي العمل.
-- recommendations/ctoc-cop-wg.4-2013-5/p22.yaml --
id: ctoc-cop-wg.4-2013-5.p22
source:
  symbol: CTOC/COP/WG.4/2013/5
  paragraph: "22"
  section: "جيم - كيفية خفض الطلب"
text: "ينبغي للدول الأطراف أن تنظر في اتخاذ تدابير لفرض ضوابط تنظيمية على شركات التوظيف والتشغيل الخاصة وترخيصها ومراقبة نشاطها، تشمل حظر فرض رسوم توظيف على المستخدَمين."
language: ar
adopted: "2013-11-08"
addressees: [states-parties]
modality: should
topics: [demand]
status: open
-- recommendations/ctoc-cop-wg.4-2015-3/p3.yaml --
id: ctoc-cop-wg.4-2015-3.p3
source:
  symbol: CTOC/COP/WG.4/2015/3
  paragraph: "3"
  section: ""
text: "ووسَّع المكتب نطاق أنشطته في مجال التعاون التقني بما يتجاوز ممارسي العدالة الجنائية التقليديين، وذلك بتنظيم دورات تدريبية تشمل شركات التوظيف، والموظفين الدبلوماسيين والقنصليين، والأخصائيين الاجتماعيين، ومفتشي العمل."
language: ar
adopted: "2015-11-20"
addressees: [unodc]
modality: notes
topics: [general]
status: open
)";

}  // namespace sijill::index::testing
