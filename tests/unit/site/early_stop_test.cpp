// A build with nothing changed stops after a few checks (src/site/build_stamp_internal.h): the
// commit, the theme, --base-url, the output directory and the manifest are the last complete
// build's, and every page is there. Each of those that can differ is changed here in turn: the
// build must then go on and its output be that of a full build.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "sijill/site/site.h"
#include "site/build_stamp_internal.h"
#include "site_fixture.h"

namespace sijill::site::testing {

namespace fs = std::filesystem;

namespace {

const char kStamp[] = ".sijill-site-cache/built";

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(early_stop)

BOOST_AUTO_TEST_CASE(ABuildWithNoChangeStopsEarlyAndWritesNothing) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  BuildStats first = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(!first.unchanged);
  BOOST_TEST(fs::exists(out.path() + "/" + kStamp));
  BuildStats second = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(second.unchanged);
  BOOST_TEST(second.pages == first.pages);
  BOOST_TEST(second.parsed == 0u);
  BOOST_TEST(second.rendered == 0u);
  BOOST_TEST(second.written == 0u);
}

BOOST_AUTO_TEST_CASE(APageDeletedByHandIsWrittenAgain) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  const std::string page = "recommendations/ctoc-cop-wg.4-2013-5.p22.html";
  std::string before = ReadText(out.path() + "/" + page);
  fs::remove(out.path() + "/" + page);
  BuildStats second = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(!second.unchanged);
  BOOST_TEST(second.written_paths == std::vector<std::string>{page}, boost::test_tools::per_element());
  BOOST_TEST((ReadText(out.path() + "/" + page) == before));
  BOOST_TEST(Build(repo.repo(), Options(out.path())).unchanged);
}

// A manifest edited by hand (a page's key) is not the one the stamp names.
BOOST_AUTO_TEST_CASE(AManifestEditedByHandMeansAFullBuild) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  const std::string manifest = out.path() + "/.sijill-site-manifest";
  std::string text = ReadText(manifest);
  size_t line = text.find('\n') + 1;  // the first page's key starts the second line
  text[line] = text[line] == '0' ? '1' : '0';
  WriteText(manifest, text);
  BuildStats second = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(!second.unchanged);
  BOOST_TEST(second.rendered == 1u);  // the page whose key was changed
  RequireSameAsFullBuild(repo, out.path(), Options(out.path()));
}

BOOST_AUTO_TEST_CASE(ANewCommitIsBuilt) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  AddFollowUp(repo, kRecordId);
  BuildStats second = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(!second.unchanged);
  BOOST_TEST(second.written > 0u);
  RequireSameAsFullBuild(repo, out.path(), Options(out.path()));
  BOOST_TEST(Build(repo.repo(), Options(out.path())).unchanged);
}

BOOST_AUTO_TEST_CASE(AnOlderRevisionIsBuilt) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  std::string first = repo.repo().Head();
  AddFollowUp(repo, kRecordId);
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  BuildOptions older = Options(out.path());
  older.rev = first;
  BuildStats built = Build(repo.repo(), older);
  BOOST_TEST(!built.unchanged);
  BOOST_TEST(built.written > 0u);
  RequireSameAsFullBuild(repo, out.path(), older);
}

// The repository's own site/theme/ comes with a commit; the theme directory does not.
BOOST_AUTO_TEST_CASE(AThemeOverrideCommittedToTheRepositoryIsApplied) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  repo.Commit("-- site/theme/404.mustache --\n<h1>ضاعت الصفحة</h1>\n", "a 404 page of our own");
  BuildStats second = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(!second.unchanged);
  BOOST_TEST(ReadText(out.path() + "/404.html").find("<h1>ضاعت الصفحة</h1>") != std::string::npos);
  RequireSameAsFullBuild(repo, out.path(), Options(out.path()));
}

BOOST_AUTO_TEST_CASE(AChangedThemeDirectoryIsApplied) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir theme, out;
  fs::copy(Options(out.path()).theme_dir, theme.path(), fs::copy_options::recursive);
  BuildOptions options = Options(out.path());
  options.theme_dir = theme.path();
  Build(repo.repo(), options);
  WriteText(theme.path() + "/404.mustache", "<h1>لا شيء هنا</h1>\n");
  BuildStats second = Build(repo.repo(), options);
  BOOST_TEST(!second.unchanged);
  BOOST_TEST(ReadText(out.path() + "/404.html").find("<h1>لا شيء هنا</h1>") != std::string::npos);
  RequireSameAsFullBuild(repo, out.path(), options);
}

BOOST_AUTO_TEST_CASE(AnotherBaseUrlIsApplied) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  BuildOptions options = Options(out.path());
  options.base_url = "https://example.org/one/";
  Build(repo.repo(), options);
  options.base_url = "https://example.org/two/";
  BuildStats second = Build(repo.repo(), options);
  BOOST_TEST(!second.unchanged);
  BOOST_TEST(ReadText(out.path() + "/sitemap.xml").find("https://example.org/two/index.html") !=
             std::string::npos);
  RequireSameAsFullBuild(repo, out.path(), options);
}

// A copy of a built site elsewhere is not taken for the directory the stamp was made in.
BOOST_AUTO_TEST_CASE(AnotherOutputDirectoryIsBuilt) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out, copy;
  Build(repo.repo(), Options(out.path()));
  fs::copy(out.path(), copy.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  BuildStats built = Build(repo.repo(), Options(copy.path()));
  BOOST_TEST(!built.unchanged);
  BOOST_TEST(built.written == 0u);  // the same pages
  BOOST_TEST(Build(repo.repo(), Options(copy.path())).unchanged);
  RequireSameAsFullBuild(repo, copy.path(), Options(copy.path()));
}

BOOST_AUTO_TEST_CASE(ADamagedStampMeansAFullBuild) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  const std::string stamp = out.path() + "/" + kStamp;
  fs::resize_file(stamp, fs::file_size(stamp) - 1);
  BOOST_TEST(!Build(repo.repo(), Options(out.path())).unchanged);
  BOOST_TEST(Build(repo.repo(), Options(out.path())).unchanged);
}

// A build that fails once it has begun writing leaves no stamp: the next one is a full build,
// though the commit and the manifest are those of the stamp it removed.
BOOST_AUTO_TEST_CASE(ABuildThatFailsLeavesNoStamp) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  // index.html deleted and a directory in its place: it cannot be written again.
  const std::string page = out.path() + "/index.html";
  std::string before = ReadText(page);
  fs::remove(page);
  fs::create_directories(page + "/in-the-way");
  BOOST_CHECK_THROW(Build(repo.repo(), Options(out.path())), std::exception);
  BOOST_TEST(!fs::exists(out.path() + "/" + kStamp));
  fs::remove_all(page);
  BuildStats again = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(!again.unchanged);
  BOOST_TEST((ReadText(page) == before));
  RequireSameAsFullBuild(repo, out.path(), Options(out.path()));
}

// The stamp keeps the times of the directories of the pages (Output::Times): a directory whose
// time did not change is not read again. Any change in it (a page deleted, even in the same
// clock tick as the build's end) changes its time.
BOOST_AUTO_TEST_CASE(TheTimesOfThePageDirectoriesAreKept) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // past the clock tick of its end
  fs::remove(out.path() + "/" + kStamp);  // a full build that changes nothing
  BuildStats again = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(again.written == 0u);
  std::optional<internal::BuildStamp> stamp = internal::ReadBuildStamp(out.path());
  BOOST_REQUIRE(stamp);
  std::set<std::string> dirs, expected;
  for (const auto& [dir, time] : stamp->dir_times.dirs) dirs.insert(dir);
  for (const auto& [path, bytes] : SiteFiles(out.path()))
    expected.insert(path.substr(0, path.rfind('/') + 1));
  BOOST_TEST(dirs == expected, boost::test_tools::per_element());
  BOOST_TEST(stamp->dir_times.manifest_sum == stamp->manifest_sum);
}

BOOST_AUTO_TEST_CASE(APageDeletedRightAfterABuildIsWrittenAgain) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  const std::vector<std::string> pages = {"recommendations/ctoc-cop-wg.4-2013-5.p22.html",
                                          "reports/ctoc-cop-wg.4-2013-5.html", "index.html",
                                          "assets/site.css"};
  for (const std::string& page : pages) {
    fs::remove(out.path() + "/" + page);
    BuildStats again = Build(repo.repo(), Options(out.path()));
    BOOST_TEST(again.written_paths == std::vector<std::string>{page}, boost::test_tools::per_element());
    BOOST_TEST(fs::exists(out.path() + "/" + page), page);
  }
  BOOST_TEST(Build(repo.repo(), Options(out.path())).unchanged);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::site::testing
