#include <boost/test/unit_test.hpp>
#include <string>

#include "service/ui/pages_internal.h"
#include "unit/service/ui_hostile.h"

namespace sijill::service::ui {

using testing::ExpectNoInjection;
using testing::ExpectShownEscaped;
using testing::kHostile;

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(ui_login_error)

BOOST_AUTO_TEST_CASE(LoginFormCarriesTokenAndLocalNext) {
  Chrome chrome;
  chrome.csrf_token = "tok";
  std::string html = RenderLoginPage(chrome, "/recommendations/a-1.p2");
  BOOST_TEST(html.find("<form method=\"post\" action=\"&#x2F;login\">") != std::string::npos);
  BOOST_TEST(html.find("name=\"csrf\" value=\"tok\"") != std::string::npos);
  BOOST_TEST(html.find("name=\"next\" value=\"&#x2F;recommendations&#x2F;a-1.p2\"") !=
             std::string::npos);
  BOOST_TEST(html.find("type=\"password\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(LoginNeverRedirectsToAnotherSite) {
  for (const char* next : {"https://evil.example/", "//evil.example/", "javascript:alert(1)"}) {
    std::string html = RenderLoginPage(Chrome{}, next);
    BOOST_TEST(html.find("name=\"next\" value=\"&#x2F;\"") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(HeaderShowsTheUserAndALogoutForm) {
  Chrome chrome;
  chrome.user = "Amina";
  chrome.csrf_token = "tok";
  std::string html = RenderErrorPage(chrome, 404, "no such record");
  BOOST_TEST(html.find("<strong>Amina</strong>") != std::string::npos);
  BOOST_TEST(html.find("action=\"&#x2F;logout\"") != std::string::npos);
  BOOST_TEST(html.find("&#x2F;login?next=") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(ErrorPagesNameTheirStatus) {
  BOOST_TEST(RenderErrorPage(Chrome{}, 404, "x").find("الصفحة غير موجودة") != std::string::npos);
  BOOST_TEST(RenderErrorPage(Chrome{}, 403, "x").find("غير مسموح") != std::string::npos);
  Chrome english;
  english.lang = "en";
  std::string html = RenderErrorPage(english, 412, "x");
  BOOST_TEST(html.find("Someone else updated this") != std::string::npos);
  BOOST_TEST(html.find("<html lang=\"en\" dir=\"ltr\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(HostileMessageUserAndNextAreEscaped) {
  Chrome chrome;
  chrome.user = kHostile;
  chrome.csrf_token = kHostile;
  chrome.path = "/x\"onerror=alert(1)";
  for (const std::string& html : {RenderErrorPage(chrome, 400, kHostile),
                                  RenderLoginPage(chrome, "/" + kHostile, kHostile)}) {
    ExpectNoInjection(html);
    ExpectShownEscaped(html);
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service::ui
