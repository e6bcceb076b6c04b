// Hostile strings for the web UI tests (issue 6 item 5): each page must print them as text.
#pragma once

#include <boost/test/unit_test.hpp>
#include <string>

namespace sijill::service::ui::testing {

// A script tag, an attribute break-out and a javascript: URL in one value.
inline const std::string kHostile =
    "<script>alert(1)</script>\"onerror=alert(2) 'x javascript:alert(3)";

inline std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// No markup or attribute of the hostile value survives; it may appear escaped as text.
inline void ExpectNoInjection(const std::string& html) {
  std::string lower = Lower(html);
  BOOST_TEST(lower.find("<script") == std::string::npos);
  BOOST_TEST(lower.find("<img") == std::string::npos);
  BOOST_TEST(lower.find("\"onerror=") == std::string::npos);
  BOOST_TEST(lower.find("'x") == std::string::npos);
  BOOST_TEST(lower.find("href=\"javascript:") == std::string::npos);
  BOOST_TEST(lower.find("src=\"javascript:") == std::string::npos);
  BOOST_TEST(lower.find("action=\"javascript:") == std::string::npos);
}

// The hostile value is shown (escaped), not dropped.
inline void ExpectShownEscaped(const std::string& html) {
  BOOST_TEST(html.find("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;&quot;onerror=alert(2)") !=
             std::string::npos);
}

}  // namespace sijill::service::ui::testing
