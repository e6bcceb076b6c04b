#include "cli/args.h"

#include <boost/test/unit_test.hpp>

#include "sijill/error.h"

namespace sijill::cli {

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(args)

const std::vector<OptionSpec> kSpecs = {
    {"json", nullptr, "json"}, {"note", "T", "note"}, {"evidence", "E", "evidence", true}};

BOOST_AUTO_TEST_CASE(OptionsAndPositionalsAreSeparated) {
  Args args({"id", "--note", "done", "--evidence=a", "--evidence", "b", "--json", "open"}, kSpecs);
  BOOST_TEST(args.Flag("json"));
  BOOST_TEST(*args.Value("note") == "done");
  BOOST_TEST(args.Values("evidence") == (std::vector<std::string>{"a", "b"}));
  BOOST_TEST(args.positionals() == (std::vector<std::string>{"id", "open"}));
}

BOOST_AUTO_TEST_CASE(UnknownOptionIsAUsageError) {
  try {
    Args args({"--nope"}, kSpecs);
    BOOST_FAIL("no error");
  } catch (const Error& error) {
    BOOST_TEST(error.kind() == Error::Kind::kUsage);
    BOOST_TEST(std::string(error.what()) == "unknown option '--nope'");
  }
}

BOOST_AUTO_TEST_CASE(RepeatingASingleOptionIsRefused) {
  BOOST_CHECK_THROW(Args({"--note", "a", "--note", "b"}, kSpecs), Error);
  BOOST_CHECK_THROW(Args({"--note"}, kSpecs), Error);
  BOOST_CHECK_THROW(Args({"--json=1"}, kSpecs), Error);
}

BOOST_AUTO_TEST_CASE(DoubleDashEndsOptions) {
  Args args({"--", "--json"}, kSpecs);
  BOOST_TEST(!args.Flag("json"));
  BOOST_TEST(args.positionals().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::cli
