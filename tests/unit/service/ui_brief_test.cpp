#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "service/ui/pages_internal.h"
#include "unit/service/ui_hostile.h"

namespace sijill::service::ui {

using testing::ExpectNoInjection;
using testing::ExpectShownEscaped;
using testing::kHostile;

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(ui_brief)

std::vector<model::Brief> Sample() {
  model::Brief published;
  published.slug = "icat-2024-1";
  published.title = "موجز عن الضحايا";
  published.agency = "UNODC";
  published.date = "2024-03-01";
  published.status = "published";
  published.body = "## مقدمة\n\nنص **الموجز**.\n";
  model::Brief draft = published;
  draft.slug = "icat-2024-2";
  draft.title = "مسودة سرية";
  draft.status = "draft";
  return {published, draft};
}

Chrome Icat() {
  Chrome chrome;
  chrome.user = "Layla";
  chrome.role = "icat";
  chrome.can_edit_briefs = true;
  chrome.csrf_token = "tok";
  return chrome;
}

BOOST_AUTO_TEST_CASE(ReadersSeeOnlyPublishedBriefs) {
  std::string html = RenderBriefListPage(Chrome{}, Sample());
  BOOST_TEST(html.find("موجز عن الضحايا") != std::string::npos);
  BOOST_TEST(html.find("مسودة سرية") == std::string::npos);
  BOOST_TEST(html.find("&#x2F;briefs&#x2F;new") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(EditorsSeeDraftsMarkedAndANewBriefLink) {
  std::string html = RenderBriefListPage(Icat(), Sample());
  BOOST_TEST(html.find("مسودة سرية") != std::string::npos);
  BOOST_TEST(html.find("<span class=\"badge draft\">مسودة</span>") != std::string::npos);
  BOOST_TEST(html.find("href=\"&#x2F;briefs&#x2F;new\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ABriefRendersItsMarkdown) {
  std::string html = RenderBriefPage(Chrome{}, Sample()[0]);
  BOOST_TEST(html.find("<h2>مقدمة</h2>") != std::string::npos);
  BOOST_TEST(html.find("<strong>الموجز</strong>") != std::string::npos);
  BOOST_TEST(html.find("&#x2F;edit") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(TheEditorPreviewsAndPostsWithTokenAndETag) {
  BriefEditorData data;
  data.brief = Sample()[0];
  data.is_new = false;
  data.etag = "blob1";
  data.preview = true;
  std::string html = RenderBriefEditorPage(Icat(), data);
  BOOST_TEST(html.find("action=\"&#x2F;briefs&#x2F;icat-2024-1&#x2F;edit\"") != std::string::npos);
  BOOST_TEST(html.find("name=\"csrf\" value=\"tok\"") != std::string::npos);
  BOOST_TEST(html.find("name=\"if_match\" value=\"blob1\"") != std::string::npos);
  BOOST_TEST(html.find("name=\"action\" value=\"publish\"") != std::string::npos);
  BOOST_TEST(html.find("<section class=\"preview\">") != std::string::npos);
  BOOST_TEST(html.find("<strong>الموجز</strong>") != std::string::npos);
  // The Markdown source stays in the textarea, escaped.
  BOOST_TEST(html.find("نص **الموجز**.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(HostileBriefFieldsAreEscaped) {
  model::Brief brief = Sample()[0];
  brief.title = kHostile;
  brief.agency = kHostile;
  brief.authors = {kHostile};
  brief.date = kHostile;
  brief.slug = kHostile;
  brief.body = kHostile + "\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n";
  for (const std::string& html :
       {RenderBriefListPage(Icat(), {brief}), RenderBriefPage(Icat(), brief)}) {
    ExpectNoInjection(html);
    ExpectShownEscaped(html);
  }
  BriefEditorData data{.brief = brief,
                       .is_new = true,
                       .etag = kHostile,
                       .preview = true,
                       .error_title = kHostile,
                       .error = kHostile};
  std::string html = RenderBriefEditorPage(Icat(), data);
  ExpectNoInjection(html);
  ExpectShownEscaped(html);
  BOOST_TEST(html.find("<img") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service::ui
