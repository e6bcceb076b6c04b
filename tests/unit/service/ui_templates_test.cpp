// The web UI's templates (site/ui, embedded) all parse, and the fragments render as mstch did.
#include <boost/test/unit_test.hpp>
#include <string>

#include "service/ui/render_internal.h"

namespace sijill::service::testing {

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(ui_templates)

BOOST_AUTO_TEST_CASE(every_embedded_template_parses) {
  BOOST_CHECK_NO_THROW(ui::LoadTemplates());
  for (const auto& [name, content] : ui::EmbeddedFiles()) {
    std::string file(name);
    if (!file.ends_with(".mustache") || file.starts_with("_")) continue;
    BOOST_CHECK_NO_THROW(ui::RenderTemplate(file.substr(0, file.size() - 9), mstch::map{}));
  }
}

BOOST_AUTO_TEST_CASE(a_fragment_escapes_as_mstch_did) {
  mstch::map link{{"href", std::string("/recommendations/a?b=1&lang=en")},
                  {"status", std::string("open")},
                  {"label", std::string("Open <record>")},
                  {"status_label", std::string("Open")}};
  std::string html = ui::RenderTemplate("record_link", link);
  BOOST_TEST(html.find("&#x2F;recommendations&#x2F;a?b=1&amp;lang=en") != std::string::npos);
  BOOST_TEST(html.find("Open &lt;record&gt;") != std::string::npos);
  BOOST_TEST(html == mstch::render(std::string(ui::EmbeddedFile("record_link.mustache")), link));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service::testing
