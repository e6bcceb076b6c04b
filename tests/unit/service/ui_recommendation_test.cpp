#include <boost/test/unit_test.hpp>
#include <string>

#include "service/ui/pages_internal.h"
#include "unit/service/ui_hostile.h"

namespace sijill::service::ui {

using testing::ExpectNoInjection;
using testing::ExpectShownEscaped;
using testing::kHostile;

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(ui_recommendation)

RecommendationPageData Sample() {
  RecommendationPageData data;
  model::Recommendation& record = data.record.record;
  record.id = "ctoc-cop-wg.4-2013-5.p22";
  record.source = {"CTOC/COP/WG.4/2013/5", "22", "التوصيات"};
  record.text = "ينبغي للمكتب أن يواصل عمله.";
  record.adopted = "2013-10-01";
  record.addressees = {"unodc"};
  record.modality = "should";
  record.topics = {"victims"};
  record.status = "in-progress";
  record.followup = {{"2014-01-05",
                      "in-progress",
                      "بدأ العمل",
                      {{"CTOC/COP/2014/2", "7", ""}, {"", "", "https://example.org/r"}},
                      "أمين <a@b.org>"}};
  data.record.etag = "0123456789abcdef";
  records::HistoryEntry followup;
  followup.commit = {"abcdef0123456789", "Amina", "amina@example.org", 1700000000, 0, "follow-up"};
  followup.change = "follow-up";
  followup.status_before = "open";
  followup.status_after = "in-progress";
  followup.followup = record.followup[0];
  records::HistoryEntry created;
  created.commit = {"1234567abcdef", "sijill extract", "x@y", 1600000000, 0, "extract"};
  created.change = "created";
  created.status_after = "open";
  data.history = {followup, created};
  data.report_title = "تقرير الفريق العامل";
  return data;
}

Chrome Secretariat() {
  Chrome chrome;
  chrome.user = "Amina";
  chrome.role = "secretariat";
  chrome.can_follow_up = true;
  chrome.csrf_token = "tok123";
  return chrome;
}

BOOST_AUTO_TEST_CASE(ShowsTheRecordItsFollowUpAndHistory) {
  std::string html = RenderRecommendationPage(Chrome{}, Sample());
  BOOST_TEST(html.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
  BOOST_TEST(html.find("ينبغي للمكتب أن يواصل عمله.") != std::string::npos);
  BOOST_TEST(html.find("قيد التنفيذ") != std::string::npos);
  BOOST_TEST(html.find(">ينبغي<") != std::string::npos);  // modality label
  BOOST_TEST(html.find("href=\"&#x2F;search?addressee=unodc\"") != std::string::npos);
  // History: who, when, what (open ← in progress, read right to left).
  BOOST_TEST(html.find("<span class=\"who\">Amina</span>") != std::string::npos);
  BOOST_TEST(html.find("2023-11-14 22:13 UTC") != std::string::npos);
  BOOST_TEST(html.find("متابعة: مفتوحة ← قيد التنفيذ") != std::string::npos);
  BOOST_TEST(html.find("أُنشئ السجل: مفتوحة") != std::string::npos);
  BOOST_TEST(html.find(">abcdef0<") != std::string::npos);
  // Evidence: a paragraph links to its anchor, a URL to itself.
  BOOST_TEST(html.find("href=\"&#x2F;reports&#x2F;ctoc-cop-2014-2#p7\"") != std::string::npos);
  BOOST_TEST(
      html.find("href=\"https:&#x2F;&#x2F;example.org&#x2F;r\" rel=\"noopener noreferrer\"") !=
      std::string::npos);
  // A reader gets no form.
  BOOST_TEST(html.find("<form method=\"post\" action=\"&#x2F;recommendations") ==
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(SecretariatGetsAFormWithCsrfTokenAndETag) {
  std::string html = RenderRecommendationPage(Secretariat(), Sample());
  BOOST_TEST(html.find("action=\"&#x2F;recommendations&#x2F;ctoc-cop-wg.4-2013-5.p22&#x2F;"
                       "followup\"") != std::string::npos);
  BOOST_TEST(html.find("<input type=\"hidden\" name=\"csrf\" value=\"tok123\">") !=
             std::string::npos);
  BOOST_TEST(html.find("<input type=\"hidden\" name=\"if_match\" value=\"0123456789abcdef\">") !=
             std::string::npos);
  // Every configured status is offered; the current one is selected.
  BOOST_TEST(html.find("<option value=\"in-progress\" selected>") != std::string::npos);
  BOOST_TEST(html.find("<option value=\"superseded\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(StatusesComeFromTheSettings) {
  model::Settings settings;
  settings.statuses = {"open", "done"};
  RecommendationPageData data = Sample();
  data.settings = &settings;
  std::string html = RenderRecommendationPage(Secretariat(), data);
  BOOST_TEST(html.find("<option value=\"done\">") != std::string::npos);
  BOOST_TEST(html.find("<option value=\"closed\">") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(ARefusedPostKeepsWhatWasTyped) {
  RecommendationPageData data = Sample();
  data.error_title = "حدّث شخص آخر هذه التوصية";
  data.error = "لم يُحفظ شيء";
  data.form = {"implemented", "ملاحظتي", "CTOC/COP/2016/2#p3", {"CTOC/COP/2015/1#p4"}};
  data.suggestions = {{"CTOC/COP/2015/1#p4", "نص", 1.0}, {"CTOC/COP/2017/1#p9", "نص", 0.5}};
  std::string html = RenderRecommendationPage(Secretariat(), data);
  BOOST_TEST(html.find("role=\"alert\"") != std::string::npos);
  BOOST_TEST(html.find("<option value=\"implemented\" selected>") != std::string::npos);
  BOOST_TEST(html.find(">ملاحظتي</textarea>") != std::string::npos);
  BOOST_TEST(html.find(">CTOC&#x2F;COP&#x2F;2016&#x2F;2#p3</textarea>") != std::string::npos);
  BOOST_TEST(html.find("value=\"CTOC&#x2F;COP&#x2F;2015&#x2F;1#p4\" checked>") !=
             std::string::npos);
  BOOST_TEST(html.find("value=\"CTOC&#x2F;COP&#x2F;2017&#x2F;1#p9\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(HostileRecordFieldsAreEscapedAndJavascriptUrlsAreNotLinks) {
  RecommendationPageData data = Sample();
  model::Recommendation& record = data.record.record;
  record.text = kHostile;
  record.source.section = kHostile;
  record.source.symbol = kHostile;
  record.addressees = {kHostile};
  record.topics = {kHostile};
  record.modality = kHostile;
  record.status = kHostile;
  record.adopted = kHostile;
  record.followup[0].note = kHostile;
  record.followup[0].by = kHostile;
  record.followup[0].status = kHostile;
  record.followup[0].evidence = {{"", "", "javascript:alert(3)"}, {kHostile, "1", ""}};
  data.history[0].commit.author_name = kHostile;
  data.history[0].commit.message = kHostile;
  data.history[0].followup = record.followup[0];
  data.report_title = kHostile;
  data.error = kHostile;
  data.error_title = kHostile;
  data.form = {kHostile, kHostile, kHostile, {kHostile}};
  data.suggestions = {{kHostile, kHostile, 1}};
  data.record.etag = kHostile;
  std::string html = RenderRecommendationPage(Secretariat(), data);
  ExpectNoInjection(html);
  ExpectShownEscaped(html);
  BOOST_TEST(html.find("<bdi dir=\"ltr\">javascript:alert(3)</bdi>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service::ui
