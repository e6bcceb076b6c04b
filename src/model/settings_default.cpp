#include "sijill/model/settings.h"

namespace sijill::model {

// The built-in defaults. Keep the ⚑ statuses first and in the DESIGN.md order.
const std::string& DefaultSettingsYaml() {
  static const std::string kText = R"(# sijill repository settings (docs/repository-format.md).
# Every key is optional: a key left out takes the built-in default.
title: سجل توصيات مكافحة الاتجار بالأشخاص
languages: [ar, en]
# The follow-up states of a recommendation.
statuses: [open, in-progress, implemented, ongoing, superseded, closed]
# How strongly a paragraph asks for something.
modalities: [must, should, encouraged, may, requested, recommended, proposed, decides, urges,
  adopts, notes, invites, calls-upon, welcomes, reaffirms, recognizes, emphasizes, endorses]
addressees:
  - {id: states-parties, ar: الدول الأطراف, en: States parties}
  - {id: states, ar: الدول, en: States}
  - {id: member-states, ar: الدول الأعضاء, en: Member States}
  - {id: unodc, ar: مكتب الأمم المتحدة المعني بالمخدرات والجريمة, en: UNODC}
  - {id: conference, ar: مؤتمر الأطراف, en: Conference of the Parties}
  - {id: secretariat, ar: الأمانة, en: Secretariat}
  - {id: working-group, ar: الفريق العامل, en: Working Group}
  - {id: icat, ar: الفريق المشترك بين الوكالات للتنسيق في مجال مكافحة الاتجار بالأشخاص, en: ICAT}
  - {id: general-assembly, ar: الجمعية العامة, en: General Assembly}
  - {id: secretary-general, ar: الأمين العام, en: Secretary-General}
  - {id: united-nations, ar: الأمم المتحدة, en: United Nations}
  - {id: international-organizations, ar: المنظمات الدولية, en: International organizations}
  - {id: civil-society, ar: المجتمع المدني, en: Civil society}
  - {id: private-sector, ar: القطاع الخاص, en: Private sector}
  - {id: donors, ar: الجهات المانحة, en: Donors}
topics:
  - {id: general, ar: عام, en: General}
  - {id: consent, ar: الموافقة, en: Consent}
  - {id: demand, ar: الطلب, en: Demand}
  - {id: exploitation-forms, ar: أشكال الاستغلال, en: Forms of exploitation}
  - {id: follow-up, ar: المتابعة, en: Follow-up}
  - {id: prevention, ar: المنع, en: Prevention}
  - {id: protection, ar: حماية الضحايا ومساعدتهم, en: Protection and assistance of victims}
  - {id: prosecution, ar: الملاحقة القضائية, en: Prosecution}
  - {id: partnerships, ar: الشراكات, en: Partnerships}
  - {id: legislation, ar: التشريعات, en: Legislation}
  - {id: criminal-justice, ar: العدالة الجنائية, en: Criminal justice}
  - {id: data-research, ar: البيانات والبحوث, en: Data and research}
  - {id: cooperation, ar: التعاون الدولي, en: International cooperation}
  - {id: technical-assistance, ar: المساعدة التقنية, en: Technical assistance}
  - {id: coordination, ar: التنسيق, en: Coordination}
# Who may do what in the service: reader < secretariat, icat < admin.
roles: [reader, secretariat, icat, admin]
)";
  return kText;
}

const Settings& DefaultSettings() {
  static const Settings kSettings = ParseSettings("(built-in)", DefaultSettingsYaml()).settings;
  return kSettings;
}

}  // namespace sijill::model
