// `sijill` (the launcher) hands `index` and `search` to sijill-search and everything else to
// sijill-record, which runs the record commands itself and hands the rest to sijill-full
// (src/cli/README.md): each must stay free of the libraries it leaves to the others, and a
// handed-over command must behave as if sijill had run it.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/command.h"
#include "support/run_cli.h"
#include "support/test_repo.h"

namespace sijill::testing {

namespace {

const char* kRepo = R"(-- sijill.yaml --
title: test
-- recommendations/ctoc-cop-wg.4-2013-5/p22.yaml --
id: ctoc-cop-wg.4-2013-5.p22
source:
  symbol: CTOC/COP/WG.4/2013/5
  paragraph: "22"
text: |
  ينبغي للدول الأطراف أن تنظِّم وكالات التوظيف.
language: ar
adopted: 2013-11-08
addressees: [states-parties]
modality: should
topics: []
status: open
followup: []
)";

// The shared libraries a binary asks the dynamic linker for (its DT_NEEDED entries).
std::string NeededLibraries(const std::string& binary) {
  std::string command = "readelf -d '" + binary + "' | grep NEEDED";
  std::string needed;
  FILE* pipe = popen(command.c_str(), "r");
  BOOST_REQUIRE(pipe != nullptr);
  char buffer[512];
  while (fgets(buffer, sizeof buffer, pipe)) needed += buffer;
  pclose(pipe);
  return needed;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(front_binary)

BOOST_AUTO_TEST_CASE(EveryCommandHasARunnerInSijillFull) {
  for (const sijill::cli::Command& command : sijill::cli::Commands()) {
    bool found = false;
    for (const sijill::cli::Runner& runner : sijill::cli::AllRunners())
      found |= runner.name == std::string(command.name);
    BOOST_TEST(found, command.name);
  }
  BOOST_TEST(sijill::cli::AllRunners().size() == sijill::cli::Commands().size());
}

std::string Beside(const char* binary) {
  return (std::filesystem::path(SIJILL_BINARY).parent_path() / binary).string();
}

BOOST_AUTO_TEST_CASE(EachBinaryLoadsOnlyWhatItsCommandsNeed) {
  // The launcher needs no library at all where it is linked statically (not in a sanitizer
  // build), and certainly none of the heavy ones.
  std::string launcher = NeededLibraries(SIJILL_BINARY);
  for (const char* library : {"libgit2", "yaml", "xapian", "libicu", "libPoco"})
    BOOST_TEST(launcher.find(library) == std::string::npos, library << " in\n" << launcher);
  // A sanitizer's runtime is a shared library and brings the C++ runtime with it.
  const bool sanitized = launcher.find("libasan") != std::string::npos ||
                         launcher.find("libubsan") != std::string::npos;
  if (!sanitized)
    BOOST_TEST(launcher.find("libstdc++") == std::string::npos, launcher);
  // libgit2 and yaml-cpp are linked from their archives where Debian has them
  // (cmake/static_archives.cmake), so only the absence of the heavy libraries is certain.
  std::string record = NeededLibraries(Beside("sijill-record"));
  for (const char* heavy : {"xapian", "libicu", "libPoco", "cmark", "mstch"})
    BOOST_TEST(record.find(heavy) == std::string::npos, heavy << " in\n" << record);
  // Nor GSSAPI where libgit2 is linked from its archive (store/git_handle.cpp says why).
  for (const std::string& needed : {record, NeededLibraries(Beside("sijill-search"))})
    if (needed.find("libgit2") == std::string::npos)
      BOOST_TEST(needed.find("gssapi") == std::string::npos, needed);
  BOOST_TEST(NeededLibraries(Beside("sijill-full")).find("libxapian") != std::string::npos);
  // sijill-search (index, search): Xapian, but none of the service's libraries.
  std::string search = NeededLibraries(Beside("sijill-search"));
  BOOST_TEST(search.find("libxapian") != std::string::npos, search);
  for (const char* heavy : {"libPoco", "mstch", "libssl"})
    BOOST_TEST(search.find(heavy) == std::string::npos, heavy << " in\n" << search);
}

BOOST_AUTO_TEST_CASE(AHandedOverCommandKeepsItsOutputAndExitCode) {
  TestRepo repo = TestRepo::FromText(kRepo);
  CliResult usage = RunSijill({"--repo", repo.root(), "search", "x", "--limit"});
  BOOST_TEST(usage.exit_code == 2);
  BOOST_TEST(usage.err.find("--limit") != std::string::npos, usage.err);
  CliResult found = RunSijill({"--repo", repo.root(), "search", "التوظيف", "--json"});
  BOOST_TEST(found.exit_code == 0, found.err);
  BOOST_TEST(found.out.find("ctoc-cop-wg.4-2013-5.p22") != std::string::npos, found.out);
  // And sijill-full runs the record commands too.
  CliResult shown = RunSijill({"--repo", repo.root(), "show", "ctoc-cop-wg.4-2013-5.p22"},
                              CliOptions{.binary = Beside("sijill-full")});
  BOOST_TEST(shown.exit_code == 0, shown.err);
  BOOST_TEST(shown.out.find("[open]") != std::string::npos, shown.out);
}

// The launcher and sijill-record copied without the others: the record commands still run,
// and each of the others says which binary is missing.
BOOST_AUTO_TEST_CASE(AMissingBinaryIsNamed) {
  TestRepo repo = TestRepo::FromText(kRepo);
  std::filesystem::path root = repo.root();
  std::filesystem::path alone = root.parent_path() / (root.filename().string() + "-bin");
  std::filesystem::create_directories(alone);
  std::filesystem::copy_file(SIJILL_BINARY, alone / "sijill");
  CliOptions options{.binary = (alone / "sijill").string()};
  CliResult nothing = RunSijill({"--repo", repo.root(), "show", "x"}, options);
  BOOST_TEST(nothing.exit_code == 1);
  BOOST_TEST(
      nothing.err.find("cannot run " + (alone / "sijill-record").string()) != std::string::npos,
      nothing.err);
  std::filesystem::copy_file(Beside("sijill-record"), alone / "sijill-record");
  CliResult shown = RunSijill({"--repo", repo.root(), "show", "ctoc-cop-wg.4-2013-5.p22"}, options);
  BOOST_TEST(shown.exit_code == 0, shown.err);  // its own command needs nothing beside it
  CliResult search = RunSijill({"--repo", repo.root(), "search", "x"}, options);
  BOOST_TEST(search.exit_code == 1);
  BOOST_TEST(
      search.err.find("cannot run " + (alone / "sijill-search").string()) != std::string::npos,
      search.err);
  CliResult site = RunSijill({"--repo", repo.root(), "site"}, options);
  BOOST_TEST(site.exit_code == 1);
  BOOST_TEST(site.err.find("cannot run " + (alone / "sijill-full").string()) != std::string::npos,
             site.err);
  std::filesystem::remove_all(alone);
}

// Stand-ins for sijill-full and sijill-search that print their name and what they were started
// with show the hand-over itself: `index` and `search` go to sijill-search, the rest to
// sijill-full, with every argument as given (spaces, global options before the command) and,
// for `site` only, malloc on huge pages unless the caller set GLIBC_TUNABLES
// (src/cli/hand_over_env.h).
BOOST_AUTO_TEST_CASE(TheHandOverKeepsArgvAndAddsTunablesOnlyForSite) {
  TestRepo repo = TestRepo::FromText(kRepo);
  std::filesystem::path root = repo.root();
  std::filesystem::path alone = root.parent_path() / (root.filename().string() + "-echo");
  std::filesystem::create_directories(alone);
  std::filesystem::copy_file(SIJILL_BINARY, alone / "sijill");
  std::filesystem::copy_file(Beside("sijill-record"), alone / "sijill-record");
  for (const char* binary : {"sijill-full", "sijill-search"}) {
    {
      std::ofstream script(alone / binary);
      script << "#!/bin/sh\necho \"(${0##*/})\"\nfor a in \"$@\"; do echo \"[$a]\"; done\n"
                "echo \"GLIBC_TUNABLES=${GLIBC_TUNABLES-unset}\"\n";
    }
    std::filesystem::permissions(alone / binary, std::filesystem::perms::owner_all);
  }
  CliOptions options{.binary = (alone / "sijill").string()};
  const char* inherited = std::getenv("GLIBC_TUNABLES");

  CliResult site =
      RunSijill({"--repo", repo.root(), "site", "--out", "a b", "--base-url=/x/"}, options);
  BOOST_TEST(site.exit_code == 0, site.err);
  BOOST_TEST(site.out == "(sijill-full)\n[--repo]\n[" + repo.root() +
                             "]\n[site]\n[--out]\n[a b]\n"
                             "[--base-url=/x/]\nGLIBC_TUNABLES=" +
                             (inherited ? inherited : "glibc.malloc.hugetlb=1") + "\n");

  CliResult search = RunSijill({"search", "", "--json"}, options);
  BOOST_TEST(search.out == std::string("(sijill-search)\n[search]\n[]\n[--json]\nGLIBC_TUNABLES=") +
                               (inherited ? inherited : "unset") + "\n");

  options.env["GLIBC_TUNABLES"] = "glibc.malloc.check=0";
  CliResult own = RunSijill({"site"}, options);
  BOOST_TEST(own.out == "(sijill-full)\n[site]\nGLIBC_TUNABLES=glibc.malloc.check=0\n");
  CliResult index = RunSijill({"index", "--rebuild"}, options);
  BOOST_TEST(index.out ==
             "(sijill-search)\n[index]\n[--rebuild]\nGLIBC_TUNABLES=glibc.malloc.check=0\n");
  std::filesystem::remove_all(alone);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
