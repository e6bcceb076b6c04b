#include <boost/test/unit_test.hpp>

#include "model/yaml_read_internal.h"

namespace sijill::model::internal {

namespace {

bool Same(const char* a, const char* b) { return SameYaml(YAML::Load(a), YAML::Load(b)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(yaml_read)

// SameYaml is the record editor's check that an edit left every other key as it was.
BOOST_AUTO_TEST_CASE(SameYamlComparesContentNotLayout) {
  BOOST_TEST(Same("a: 1\nb: [x, y]\n", "a: 1\nb:\n  - x\n  - y\n"));
  BOOST_TEST(Same("d: '2020-01-01'\n", "d: 2020-01-01\n"));  // quotes alone, as YAML::Dump saw it
  BOOST_TEST(Same("t: |\n  line\n", "t: \"line\\n\"\n"));
  BOOST_TEST(Same("n:\n", "n: ~\n"));
}

BOOST_AUTO_TEST_CASE(SameYamlSeesEveryChangeOfContent) {
  BOOST_TEST(!Same("a: 1\n", "a: 2\n"));
  BOOST_TEST(!Same("a: 1\nb: 2\n", "b: 2\na: 1\n"));  // key order is part of the file
  BOOST_TEST(!Same("a: [x, y]\n", "a: [x]\n"));
  BOOST_TEST(!Same("a: [x]\n", "a: {x: 1}\n"));
  BOOST_TEST(!Same("a: x\n", "a: !!int x\n"));
  BOOST_TEST(!Same("a: {k: v}\n", "a: {k: w}\n"));
  BOOST_TEST(!Same("a: {k: v}\n", "a: {j: v}\n"));
  BOOST_TEST(!Same("a: ''\n", "a:\n"));  // an empty string is not null
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::model::internal
