// git::EnsureInit must not pay for libgit2 loading the system's CA bundle (store/git_handle.cpp):
// the executable's mbedtls_x509_crt_parse_file has to be the one libgit2's call is bound to.
// If a link change stops exporting it (say, --exclude-libs or a version script), the dynamic
// linker binds the call to libmbedx509 again and every command silently costs ~4 ms more.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <string>

#include "store/git_handle.h"

namespace sijill::store {

namespace {

bool ProcessMaps(const std::string& library) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line))
    if (line.find(library) != std::string::npos) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(git_init)

BOOST_AUTO_TEST_CASE(libgit2_built_with_mbedtls_does_not_load_the_ca_bundle) {
  git::EnsureInit();
  git::EnsureInit();
  // Debian's libgit2 (tools/setup) does HTTPS through mbedTLS; init asks for the bundle once.
  BOOST_REQUIRE(ProcessMaps("libmbedx509"));
  BOOST_TEST(git::DeclinedCaBundleLoads() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::store
