// tests/spec/render.md: every example is one test case (cmark's spec_tests.py, registered the
// way solidity's soltest registers its folders). Issue #3.
#include "sijill/markdown/render_html.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <functional>
#include <sstream>

namespace sijill::markdown {

namespace {

struct Example {
  int line = 0;
  std::string markdown;
  std::string html;
};

std::vector<Example> ReadSpec(const std::string& path) {
  std::ifstream in(path);
  std::vector<Example> examples;
  const std::string fence(32, '`');
  std::string line;
  int number = 0;
  Example* current = nullptr;
  bool in_html = false;
  while (std::getline(in, line)) {
    ++number;
    if (!current && line == fence + " example") {
      examples.push_back({number + 1, "", ""});
      current = &examples.back();
      in_html = false;
    } else if (current && line == fence) {
      current = nullptr;
    } else if (current && !in_html && line == ".") {
      in_html = true;
    } else if (current) {
      (in_html ? current->html : current->markdown) += line + "\n";
    }
  }
  return examples;
}

struct RegisterExamples {
  RegisterExamples() {
    std::string path = std::string(SIJILL_SOURCE_DIR) + "/tests/spec/render.md";
    for (const Example& example : ReadSpec(path)) {
      auto run = [example, path] {
        std::string html = RenderHtml(example.markdown);
        BOOST_TEST_CONTEXT(path << ":" << example.line) { BOOST_TEST(html == example.html); }
      };
      boost::unit_test::ut_detail::auto_test_unit_registrar(
          boost::unit_test::make_test_case(std::function<void()>(run),
                                           "spec_line_" + std::to_string(example.line), __FILE__,
                                           __LINE__),
          boost::unit_test::decorator::collector_t::instance());
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(markdown)
BOOST_AUTO_TEST_SUITE(render_html)

const RegisterExamples kRegisterExamples;

BOOST_AUTO_TEST_CASE(SpecFileHasExamples) {
  BOOST_TEST(ReadSpec(std::string(SIJILL_SOURCE_DIR) + "/tests/spec/render.md").size() >= 15u);
}

BOOST_AUTO_TEST_CASE(LinkSuffixIsConfigurable) {
  HtmlOptions options;
  options.link_suffix = "/";
  BOOST_TEST(RenderHtml("[a](x-y.md#p2)", options) == "<p><a href=\"x-y/#p2\">a</a></p>\n");
}

BOOST_AUTO_TEST_CASE(DeeplyNestedInputRendersWithoutBlowingUp) {
  // cmark's pathological tests: nesting must not recurse past the stack.
  std::string deep(2000, '>');
  BOOST_TEST(RenderHtml(deep + " x\n").find("x") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::markdown
