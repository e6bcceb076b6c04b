// Headless Chromium renders the sample site's home page, a report and a recommendation with no
// console error (issue 7 item 5). The screenshots stay in <build>/site-screenshots/ as test
// artifacts: look at them to see that right-to-left pages really read right to left.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>

#include "site_fixture.h"

namespace sijill::site::testing {

namespace fs = std::filesystem;

namespace {

std::string Chromium() {
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (fs::exists(path)) return path;
  return "";
}

// Runs headless Chromium on one page; returns what it logged on stderr.
std::string Screenshot(const std::string& chromium, const std::string& page,
                       const std::string& png) {
  TempDir profile;
  std::string log = profile.path() + "/stderr.txt";
  std::string command = "timeout 120 '" + chromium +
                        "' --headless=new --no-sandbox --disable-gpu --enable-logging=stderr "
                        "--user-data-dir='" + profile.path() + "' --hide-scrollbars "
                        "--window-size=1280,1600 --screenshot='" + png + "' 'file://" + page +
                        "' 2>'" + log + "' >/dev/null";
  int status = std::system(command.c_str());
  BOOST_TEST(status == 0, "chromium failed on " << page << ": " << ReadText(log));
  return ReadText(log);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(browser)

BOOST_AUTO_TEST_CASE(ChromiumRendersPagesWithoutConsoleErrors) {
  std::string chromium = Chromium();
  if (chromium.empty()) {
    BOOST_TEST_MESSAGE("chromium is not installed (tools/setup installs it): skipped");
    return;
  }
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  AddFollowUp(repo, kRecordId);
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  fs::path shots = fs::path(SIJILL_BINARY).parent_path() / "site-screenshots";
  fs::create_directories(shots);
  const std::pair<const char*, const char*> pages[] = {
      {"index.html", "home.png"},
      {"reports/ctoc-cop-wg.4-2013-5.html", "report.png"},
      {"recommendations/ctoc-cop-wg.4-2013-5.p22.html", "recommendation.png"},
  };
  for (const auto& [page, name] : pages) {
    std::string png = (shots / name).string();
    fs::remove(png);
    std::string log = Screenshot(chromium, out.path() + "/" + page, png);
    BOOST_TEST(fs::exists(png), page);
    bool drawn = fs::exists(png) && fs::file_size(png) > 10000u;
    BOOST_TEST(drawn, page << ": empty screenshot");
    // Chromium logs console messages (errors, uncaught exceptions) as ":CONSOLE(line)".
    BOOST_TEST(log.find(":CONSOLE(") == std::string::npos, page << ": " << log);
    BOOST_TEST(log.find("Uncaught") == std::string::npos, page << ": " << log);
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::site::testing
