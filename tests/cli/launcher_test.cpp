// The launcher's reading of a command line (src/cli/launcher_command.h): the command is the
// first argument that is not a global option or its value, as RunMain reads it, and only
// `index` and `search` go to sijill-search.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "cli/launcher_command.h"

namespace sijill::cli {

namespace {

std::string CommandOf(std::vector<std::string> args) {
  args.insert(args.begin(), "sijill");
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  const char* command = LauncherCommand(static_cast<int>(argv.size()), argv.data());
  return command ? command : "(none)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(launcher)

BOOST_AUTO_TEST_CASE(TheCommandIsTheFirstArgumentThatIsNoGlobalOption) {
  BOOST_TEST(CommandOf({"search", "x"}) == "search");
  BOOST_TEST(CommandOf({"--repo", "index", "search", "x"}) == "search");  // a value, not a command
  BOOST_TEST(CommandOf({"--repo=r", "--db", "d", "index"}) == "index");
  BOOST_TEST(CommandOf({"--db=search", "status", "x", "open"}) == "status");
  BOOST_TEST(CommandOf({"status", "--repo", "index"}) == "status");
  BOOST_TEST(CommandOf({"--help"}) == "--help");
  BOOST_TEST(CommandOf({"--version"}) == "--version");
  BOOST_TEST(CommandOf({"--repo"}) == "(none)");  // RunMain reports the missing value
  BOOST_TEST(CommandOf({"--repo", "r"}) == "(none)");
  BOOST_TEST(CommandOf({}) == "(none)");
}

BOOST_AUTO_TEST_CASE(OnlyIndexAndSearchGoToSijillSearch) {
  BOOST_TEST(std::string(LauncherTarget("index")) == "sijill-search");
  BOOST_TEST(std::string(LauncherTarget("search")) == "sijill-search");
  for (const char* other : {"status", "site", "serve", "indexes", "searc", "--help", ""})
    BOOST_TEST(std::string(LauncherTarget(other)) == "sijill-record", other);
  BOOST_TEST(std::string(LauncherTarget(nullptr)) == "sijill-record");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::cli
