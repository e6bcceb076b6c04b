// `sijill site` as a user runs it (issue 7 item 1): a sample repository from `sijill init
// --sample`, a full build, a second build that writes nothing, and usage errors.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/run_cli.h"

namespace sijill::testing {

namespace fs = std::filesystem;

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char pattern[] = "/tmp/sijill-site-cli-XXXXXX";
    path = mkdtemp(pattern);
  }
  ~TempDir() {
    std::error_code error;
    fs::remove_all(path, error);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(site_cli)

BOOST_AUTO_TEST_CASE(BuildsTheSampleAndRebuildsNothing) {
  TempDir dir;
  std::string repo = dir.path + "/repo";
  std::string out = dir.path + "/public";
  CliResult init = RunSijill({"init", repo, "--sample", "--author", "T <t@sijill.invalid>"});
  BOOST_REQUIRE_EQUAL(init.exit_code, 0);
  CliResult first = RunSijill({"--repo", repo, "site", "--out", out, "--json",
                               "--base-url", "https://example.org/record/"});
  BOOST_REQUIRE_EQUAL(first.exit_code, 0);
  BOOST_TEST(first.err.empty());  // piped: no progress
  nlohmann::json stats = nlohmann::json::parse(first.out);
  BOOST_TEST(stats["pages"].get<int>() > 100);
  BOOST_TEST(stats["written"] == stats["pages"]);
  BOOST_TEST(fs::exists(out + "/reports/ctoc-cop-wg.4-2013-5.html"));
  std::string sitemap;
  {
    std::ifstream in(out + "/sitemap.xml");
    sitemap.assign(std::istreambuf_iterator<char>(in), {});
  }
  BOOST_TEST(sitemap.find("<loc>https://example.org/record/index.html</loc>") != std::string::npos);
  CliResult second = RunSijill({"--repo", repo, "site", "--out", out,
                                "--base-url", "https://example.org/record/"});
  BOOST_REQUIRE_EQUAL(second.exit_code, 0);
  BOOST_TEST(second.out.find("0 written") != std::string::npos, second.out);
}

BOOST_AUTO_TEST_CASE(BadUsageExitsTwo) {
  BOOST_TEST(RunSijill({"site", "extra-argument"}).exit_code == 2);
  BOOST_TEST(RunSijill({"site", "--threads", "many"}).exit_code == 2);
  CliResult help = RunSijill({"site", "--help"});
  BOOST_TEST(help.exit_code == 0);
  BOOST_TEST(help.out.find("--base-url") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
