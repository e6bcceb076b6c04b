#include <boost/test/unit_test.hpp>
#include <string>

#include "service/ui/pages_internal.h"
#include "unit/service/ui_hostile.h"

namespace sijill::service::ui {

using testing::ExpectNoInjection;
using testing::ExpectShownEscaped;
using testing::kHostile;

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(ui_search)

SearchPageData Sample() {
  SearchPageData data;
  data.request.query = "الاتجار";
  data.request.filters = {{"status", "open"}};
  data.request.limit = 10;
  data.response.total = 25;
  index::SearchHit hit;
  hit.id = "ctoc-cop-wg.4-2013-5.p22";
  hit.kind = "recommendation";
  hit.symbol = "CTOC/COP/WG.4/2013/5";
  hit.paragraph = 22;
  hit.title = "تقرير الفريق العامل";
  hit.snippet = "ينبغي مكافحة <mark>الاتجار</mark> &lt;b&gt;";
  hit.status = "open";
  data.response.results = {hit};
  hit.id = "ctoc-cop-wg.4-2013-5.annex.p3";
  hit.kind = "paragraph";
  hit.status = "";
  data.response.results.push_back(hit);
  data.response.facets["status"] = {{"open", 20}, {"closed", 5}};
  data.response.facets["topic"] = {{"victims", 3}};
  return data;
}

BOOST_AUTO_TEST_CASE(ArabicPageIsRightToLeftWithHighlightedSnippets) {
  std::string html = RenderSearchPage(Chrome{}, Sample());
  BOOST_TEST(html.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
  // The snippet is the searcher's escaped HTML: <mark> kept, its escapes not doubled.
  BOOST_TEST(html.find("<mark>الاتجار</mark> &lt;b&gt;") != std::string::npos);
  BOOST_TEST(html.find(">مفتوحة<") != std::string::npos);
  BOOST_TEST(html.find("value=\"الاتجار\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(HitsLinkToTheirRecordOrParagraphAnchor) {
  std::string html = RenderSearchPage(Chrome{}, Sample());
  BOOST_TEST(html.find("href=\"&#x2F;recommendations&#x2F;ctoc-cop-wg.4-2013-5.p22\"") !=
             std::string::npos);
  BOOST_TEST(html.find("href=\"&#x2F;reports&#x2F;ctoc-cop-wg.4-2013-5#annex.p3\"") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(FacetLinksAddAndRemoveOneFilter) {
  std::string html = RenderSearchPage(Chrome{}, Sample());
  std::string q = "q=%D8%A7%D9%84%D8%A7%D8%AA%D8%AC%D8%A7%D8%B1";
  // The active value links to the search without it; another value adds itself.
  BOOST_TEST(html.find("href=\"&#x2F;search?" + q + "\"") != std::string::npos);
  BOOST_TEST(html.find("href=\"&#x2F;search?" + q + "&amp;status=open&amp;status=closed\"") !=
             std::string::npos);
  BOOST_TEST(html.find("href=\"&#x2F;search?" + q + "&amp;status=open&amp;topic=victims\"") !=
             std::string::npos);
  BOOST_TEST(html.find("<span class=\"count\">20</span>") != std::string::npos);
  // The active filter is kept when the query is changed in the form.
  BOOST_TEST(html.find("<input type=\"hidden\" name=\"status\" value=\"open\">") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(PagingLinksMoveByOnePage) {
  SearchPageData data = Sample();
  data.request.offset = 10;
  std::string html = RenderSearchPage(Chrome{}, data);
  BOOST_TEST(html.find("rel=\"prev\"") != std::string::npos);
  BOOST_TEST(html.find("status=open\">") != std::string::npos);  // previous: offset 0 omitted
  BOOST_TEST(html.find("status=open&amp;offset=20\"") != std::string::npos);
  data.request.offset = 20;
  data.response.total = 22;
  html = RenderSearchPage(Chrome{}, data);
  BOOST_TEST(html.find("rel=\"next\"") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(EnglishInterfaceIsLeftToRightAndKeepsItsLanguageInLinks) {
  Chrome chrome;
  chrome.lang = "en";
  std::string html = RenderSearchPage(chrome, Sample());
  BOOST_TEST(html.find("<html lang=\"en\" dir=\"ltr\">") != std::string::npos);
  BOOST_TEST(html.find("p22?lang=en\"") != std::string::npos);
  BOOST_TEST(html.find("<input type=\"hidden\" name=\"lang\" value=\"en\">") != std::string::npos);
  BOOST_TEST(html.find("Results 1–2 of 25") != std::string::npos);
  BOOST_TEST(html.find(">open<") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(NoResultsIsSaid) {
  SearchPageData data;
  data.request.query = "xyz";
  std::string html = RenderSearchPage(Chrome{}, data);
  BOOST_TEST(html.find("لا توجد نتائج.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(HostileQueryFiltersAndHitFieldsAreEscaped) {
  SearchPageData data = Sample();
  data.request.query = kHostile;
  data.request.filters = {{"topic", kHostile}};
  data.response.results[0].title = kHostile;
  data.response.results[0].symbol = kHostile;
  data.response.results[0].status = kHostile;
  data.response.results[0].id = kHostile;
  data.response.facets["topic"] = {{kHostile, 1}};
  data.response.notes = {kHostile};
  data.error = kHostile;
  Chrome chrome;
  chrome.user = kHostile;
  chrome.csrf_token = kHostile;
  std::string html = RenderSearchPage(chrome, data);
  ExpectNoInjection(html);
  ExpectShownEscaped(html);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service::ui
