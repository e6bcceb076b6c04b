#include <boost/test/unit_test.hpp>
#include <string>

#include "service/ui/pages_internal.h"
#include "unit/service/ui_hostile.h"

namespace sijill::service::ui {

using testing::ExpectNoInjection;
using testing::kHostile;

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(ui_dashboard)

records::Snapshot Sample() {
  records::Snapshot snapshot;
  snapshot.settings = model::DefaultSettings();
  for (const char* status : {"open", "open", "open", "implemented"}) {
    model::Recommendation record;
    record.id = "a-1.p" + std::to_string(snapshot.records.size() + 1);
    record.source.symbol = "A/1";
    record.status = status;
    snapshot.records.push_back(record);
  }
  markdown::Document report;
  report.report.slug = "a-1";
  report.report.meta.symbol = "A/1";
  report.report.meta.title = "تقرير";
  snapshot.reports.push_back(report);
  return snapshot;
}

BOOST_AUTO_TEST_CASE(CountsAreAnInlineSvgChartAndATable) {
  std::string html = RenderDashboardPage(Chrome{}, Sample());
  BOOST_TEST(html.find("<svg xmlns=\"http:&#x2F;&#x2F;www.w3.org") == std::string::npos);
  BOOST_TEST(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"") !=
             std::string::npos);
  BOOST_TEST(html.find("<tr><td><a href=\"&#x2F;search?status=open\">مفتوحة</a></td><td>3</td>") !=
             std::string::npos);
  BOOST_TEST(html.find("<tfoot><tr><th scope=\"row\">المجموع</th><td>4</td>") != std::string::npos);
  // The tallest bar takes the whole bar area (400 px); a status without records has none.
  BOOST_TEST(html.find("width=\"400\" height=\"22\"") != std::string::npos);
  BOOST_TEST(html.find("width=\"133\" height=\"22\"") != std::string::npos);
  BOOST_TEST(html.find("width=\"0\" height=\"22\"") != std::string::npos);
  BOOST_TEST(html.find("href=\"&#x2F;reports&#x2F;a-1\"") != std::string::npos);
  BOOST_TEST(html.find("href=\"&#x2F;api&#x2F;record?format=docx\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(RightToLeftBarsGrowFromTheRight) {
  std::string rtl = RenderDashboardPage(Chrome{}, Sample());
  // 640 wide, labels in the right 170 px: the full bar spans 70..470.
  BOOST_TEST(rtl.find("<rect x=\"70\" y=\"6\" width=\"400\"") != std::string::npos);
  Chrome english;
  english.lang = "en";
  std::string ltr = RenderDashboardPage(english, Sample());
  BOOST_TEST(ltr.find("<rect x=\"170\" y=\"6\" width=\"400\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(AnUnlistedStatusStillCountsAndIsEscaped) {
  records::Snapshot snapshot = Sample();
  snapshot.records[0].status = kHostile;
  snapshot.reports[0].report.meta.title = kHostile;
  std::string html = RenderDashboardPage(Chrome{}, snapshot);
  ExpectNoInjection(html);
  BOOST_TEST(html.find("<tfoot><tr><th scope=\"row\">المجموع</th><td>4</td>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service::ui
