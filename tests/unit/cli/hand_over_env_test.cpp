#include "cli/hand_over_env.h"

#include <boost/test/unit_test.hpp>

namespace sijill::cli {

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(hand_over_env)

using Settings = std::vector<EnvironmentSetting>;

BOOST_AUTO_TEST_CASE(SiteGetsMallocOnHugePagesWhenTunablesAreUnset) {
  const char* environment[] = {"PATH=/usr/bin", "HOME=/root", nullptr};
  BOOST_TEST((HandOverEnvironment("site", environment) ==
              Settings{{"GLIBC_TUNABLES", "glibc.malloc.hugetlb=1"}}));
  const char* empty[] = {nullptr};
  BOOST_TEST((HandOverEnvironment("site", empty) ==
              Settings{{"GLIBC_TUNABLES", "glibc.malloc.hugetlb=1"}}));
  BOOST_TEST((HandOverEnvironment("site", nullptr) ==
              Settings{{"GLIBC_TUNABLES", "glibc.malloc.hugetlb=1"}}));
}

BOOST_AUTO_TEST_CASE(TheUsersOwnTunablesWin) {
  const char* set[] = {"PATH=/usr/bin", "GLIBC_TUNABLES=glibc.malloc.check=0", nullptr};
  BOOST_TEST(HandOverEnvironment("site", set).empty());
  const char* set_empty[] = {"GLIBC_TUNABLES=", nullptr};
  BOOST_TEST(HandOverEnvironment("site", set_empty).empty());
}

BOOST_AUTO_TEST_CASE(OnlyTheExactNameCounts) {
  const char* lookalikes[] = {"GLIBC_TUNABLES_X=1", "GLIBC_TUNABLE=1", "XGLIBC_TUNABLES=1",
                              "GLIBC_TUNABLES", nullptr};
  BOOST_TEST((HandOverEnvironment("site", lookalikes) ==
              Settings{{"GLIBC_TUNABLES", "glibc.malloc.hugetlb=1"}}));
}

BOOST_AUTO_TEST_CASE(OtherCommandsGetNothing) {
  const char* environment[] = {"PATH=/usr/bin", nullptr};
  for (const char* command : {"search", "index", "serve", "record", "import", "sites", "sit", ""})
    BOOST_TEST(HandOverEnvironment(command, environment).empty(), command);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::cli
