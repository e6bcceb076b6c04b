#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "service/ui/pages_internal.h"
#include "sijill/markdown/parse.h"
#include "unit/service/ui_hostile.h"

namespace sijill::service::ui {

using testing::ExpectNoInjection;
using testing::kHostile;

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(ui_report)

const char kReport[] = R"(---
symbol: CTOC/COP/WG.4/2013/5
title: تقرير الفريق العامل
type: report
body: الفريق العامل
date: 2013-10-01
language: ar
---

# التوصيات

21. يجب على الدول الأطراف أن تتعاون.

22. ينبغي للمكتب أن يواصل عمله.
)";

markdown::Document Parse(const std::string& text) {
  return markdown::ParseReport("corpus/ctoc-cop-wg.4-2013-5.md", text).document;
}

model::Recommendation Record(const std::string& rest, const std::string& status) {
  model::Recommendation record;
  record.id = "ctoc-cop-wg.4-2013-5." + rest;
  record.source.symbol = "CTOC/COP/WG.4/2013/5";
  record.source.paragraph = rest.substr(1);
  record.status = status;
  return record;
}

BOOST_AUTO_TEST_CASE(ParagraphsKeepAnchorsAndLinkTheirRecord) {
  markdown::Document document = Parse(kReport);
  model::Recommendation record = Record("p22", "implemented");
  std::string html = RenderReportPage(Chrome{}, document, {&record});
  BOOST_TEST(html.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
  BOOST_TEST(html.find("id=\"p21\"") != std::string::npos);
  // The record's link sits inside paragraph 22, right after its opening tag.
  std::string link =
      "<a class=\"record-link status-implemented\" "
      "href=\"&#x2F;recommendations&#x2F;ctoc-cop-wg.4-2013-5.p22\">";
  size_t anchor = html.find("id=\"p22\"");
  size_t at = html.find(link);
  BOOST_REQUIRE(anchor != std::string::npos);
  BOOST_REQUIRE(at != std::string::npos);
  BOOST_TEST(at > anchor);
  BOOST_TEST(html.find('<', anchor) == at);
  BOOST_TEST(html.find("نُفِّذت") != std::string::npos);
  // Paragraph 21 has no record: no link inside it.
  size_t p21 = html.find("id=\"p21\"");
  BOOST_TEST(html.substr(p21, anchor - p21).find("record-link") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(TheReportsLanguageSetsTheDirectionOfItsBody) {
  std::string text = kReport;
  text.replace(text.find("language: ar"), 12, "language: en");
  std::string html = RenderReportPage(Chrome{}, Parse(text), {});
  BOOST_TEST(html.find("<div class=\"report-body\" lang=\"en\" dir=\"ltr\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(HostileReportTextAndTitleAreNotMarkup) {
  std::string text = R"md(---
symbol: X/1
title: t
type: report
date: 2013-10-01
language: ar
---

1. <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))

2. "onerror=alert(4) <a href="javascript:alert(5)">x</a>
)md";
  markdown::Document document = Parse(text);
  document.report.meta.title = kHostile;
  document.report.meta.symbol = kHostile;
  document.report.meta.body = kHostile;
  model::Recommendation record = Record("p1", kHostile);
  record.id = "x-1.p1";
  std::string html = RenderReportPage(Chrome{}, document, {&record});
  ExpectNoInjection(html);
  BOOST_TEST(html.find("<img") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service::ui
