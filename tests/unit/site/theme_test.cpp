// A repository's own theme template that does not parse stops the build at load time, naming
// the file and line (the engine: sijill/mustache/template_set.h).
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "sijill/error.h"
#include "site_fixture.h"

namespace sijill::site::testing {

namespace {

// The message of the Error that building the sample with `extra` files throws.
std::string BuildError(const std::string& extra) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles() + extra);
  TempDir out;
  try {
    Build(repo.repo(), Options(out.path()));
  } catch (const Error& error) {
    BOOST_TEST((error.kind() == Error::Kind::kInvalid));
    BOOST_TEST(!std::filesystem::exists(out.path() + "/index.html"));  // nothing half-built
    return error.what();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(theme)

BOOST_AUTO_TEST_CASE(an_unclosed_section_names_the_template_file_and_line) {
  BOOST_TEST(
      BuildError("-- site/theme/404.mustache --\n<h1>{{t.not_found}}</h1>\n{{#links}}\n<a>\n") ==
      "site/theme/404.mustache:2: section 'links' is never closed");
}

BOOST_AUTO_TEST_CASE(an_unknown_partial_names_the_template_file_and_line) {
  BOOST_TEST(BuildError("-- site/theme/404.mustache --\n<h1>x</h1>\n\n{{> footer}}\n") ==
             "site/theme/404.mustache:3: no partial 'footer' for {{> footer}}");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::site::testing
