#include "sijill/site/site.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <set>

#include "site_fixture.h"

namespace sijill::site::testing {

namespace fs = std::filesystem;

namespace {

// The sample corpus built once and shared by the read-only tests below.
struct SampleSite {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  BuildStats stats;
  SampleSite() {
    AddFollowUp(repo, kRecordId);
    stats = Build(repo.repo(), Options(out.path()));
  }
  std::string Page(const std::string& path) const { return ReadText(out.path() + "/" + path); }
};

const SampleSite& Sample() {
  static SampleSite sample;
  return sample;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(site_build)

BOOST_AUTO_TEST_CASE(WritesEveryKindOfPage) {
  const SampleSite& sample = Sample();
  for (const char* path :
       {"index.html", "reports.html", "record.html", "lists.html", "briefs.html", "search.html",
        "404.html", "sitemap.xml", "feeds/reports.xml", "feeds/status.xml", "feeds/briefs.xml",
        "reports/ctoc-cop-wg.4-2013-5.html", "reports/a-res-64-293.html",
        "recommendations/ctoc-cop-wg.4-2013-5.p22.html", "status/open.html",
        "status/in-progress.html", "briefs/icat-2024-recruitment.html", "assets/site.css",
        "assets/search.js", "assets/analyzer.js", "search/meta.json"})
    BOOST_TEST(fs::exists(sample.out.path() + "/" + path), path);
  BOOST_TEST(sample.stats.written == sample.stats.pages);
}

BOOST_AUTO_TEST_CASE(EveryInternalLinkAndAnchorResolves) {
  std::vector<std::string> broken = BrokenLinks(Sample().out.path());
  for (size_t i = 0; i < std::min<size_t>(broken.size(), 20); ++i) BOOST_TEST_MESSAGE(broken[i]);
  BOOST_TEST(broken.empty(), broken.size() << " broken links, first: "
                                           << (broken.empty() ? "" : broken.front()));
}

BOOST_AUTO_TEST_CASE(EveryPageIsWellFormed) {
  const std::string& out = Sample().out.path();
  size_t pages = 0;
  for (const std::string& path : ListFiles(out)) {
    if (!path.ends_with(".html")) continue;
    ++pages;
    HtmlPage page = ParseHtml(ReadText(out + "/" + path));
    BOOST_TEST(page.problems.empty(),
               path << ": " << (page.problems.empty() ? "" : page.problems.front()));
  }
  BOOST_TEST(pages > 100u);
}

BOOST_AUTO_TEST_CASE(ArabicPagesAreRightToLeftAndEnglishLeftToRight) {
  HtmlPage report = ParseHtml(Sample().Page("reports/ctoc-cop-wg.4-2013-5.html"));
  BOOST_TEST(report.lang == "ar");
  BOOST_TEST(report.dir == "rtl");
  HtmlPage draft_free = ParseHtml(Sample().Page("index.html"));
  BOOST_TEST(draft_free.dir == "rtl");
}

BOOST_AUTO_TEST_CASE(ReportPageAnchorsEveryNumberedParagraph) {
  HtmlPage report = ParseHtml(Sample().Page("reports/ctoc-cop-wg.4-2013-5.html"));
  for (const char* id : {"p1", "p22", "p47"}) BOOST_TEST(report.ids.count(id), id);
  HtmlPage resolution = ParseHtml(Sample().Page("reports/a-res-64-293.html"));
  BOOST_TEST(resolution.ids.count("annex.p38"));
}

BOOST_AUTO_TEST_CASE(CrossReferencesOutsideTheCorpusPointToTheUnDocumentSystem) {
  std::string page = Sample().Page("reports/a-res-64-293.html");
  BOOST_TEST(Contains(page, "href=\"https://undocs.org/A/64/L.64\""));
  BOOST_TEST(!Contains(page, "href=\"a-64-l.64.html\""));
}

BOOST_AUTO_TEST_CASE(RecommendationPageShowsStatusFollowUpEvidenceAndHistory) {
  std::string page = Sample().Page("recommendations/ctoc-cop-wg.4-2013-5.p22.html");
  BOOST_TEST(Contains(page, "status-in-progress"));
  BOOST_TEST(Contains(page, "2024-06-01"));
  BOOST_TEST(Contains(page, "أنشئ سجل لوكالات التوظيف"));
  BOOST_TEST(Contains(page, "href=\"../reports/ctoc-cop-2018-2.html#p52\""));
  BOOST_TEST(Contains(page, "href=\"https://www.unodc.org/\""));
  BOOST_TEST(Contains(page, "href=\"../reports/ctoc-cop-wg.4-2013-5.html#p22\""));
  BOOST_TEST(Contains(page, "follow-up"));  // the history row of the follow-up commit
  BOOST_TEST(Contains(page, "created"));
}

BOOST_AUTO_TEST_CASE(OnlyPublishedBriefsAppear) {
  const SampleSite& sample = Sample();
  BOOST_TEST(fs::exists(sample.out.path() + "/briefs/icat-2024-recruitment.html"));
  BOOST_TEST(!fs::exists(sample.out.path() + "/briefs/icat-draft.html"));
  BOOST_TEST(!Contains(sample.Page("briefs.html"), "icat-draft"));
  BOOST_TEST(!Contains(sample.Page("feeds/briefs.xml"), "Draft brief"));
  BOOST_TEST(Contains(sample.Page("briefs/icat-2024-recruitment.html"),
                      "href=\"../reports/ctoc-cop-wg.4-2013-5.html\""));
}

BOOST_AUTO_TEST_CASE(FeedsAndSitemapAreXmlWithTheirEntries) {
  const SampleSite& sample = Sample();
  std::string status = sample.Page("feeds/status.xml");
  BOOST_TEST(status.starts_with("<?xml"));
  BOOST_TEST(Contains(status, "ctoc-cop-wg.4-2013-5.p22"));
  std::string sitemap = sample.Page("sitemap.xml");
  BOOST_TEST(Contains(sitemap, "<loc>reports/a-res-64-293.html</loc>"));
  BOOST_TEST(!Contains(sitemap, "404.html"));
  BOOST_TEST(ParseHtml(status).problems.empty());
  BOOST_TEST(ParseHtml(sitemap).problems.empty());
}

BOOST_AUTO_TEST_CASE(NoAssetComesFromOutsideTheSite) {
  const std::string& out = Sample().out.path();
  for (const std::string& path : ListFiles(out)) {
    if (!path.ends_with(".html")) continue;
    std::string html = ReadText(out + "/" + path);
    BOOST_TEST(!Contains(html, "src=\"http"), path);
    BOOST_TEST(!Contains(html, "stylesheet\" href=\"http"), path);
  }
  BOOST_TEST(!Contains(ReadText(out + "/assets/site.css"), "url("));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::site::testing
