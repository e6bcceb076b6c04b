#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "sijill/site/site.h"
#include "site_fixture.h"

namespace sijill::site::testing {

namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(incremental)

BOOST_AUTO_TEST_CASE(SecondBuildWithNoChangeWritesNoFile) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  BuildStats first = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(first.written > 0u);
  std::map<std::string, fs::file_time_type> times;
  for (const std::string& path : ListFiles(out.path()))
    times[path] = fs::last_write_time(out.path() + "/" + path);
  BuildStats second = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(second.written == 0u);
  BOOST_TEST(second.rendered == 0u);
  BOOST_TEST(second.pages == first.pages);
  for (const std::string& path : ListFiles(out.path()))
    BOOST_TEST((fs::last_write_time(out.path() + "/" + path) == times[path]), path);
}

BOOST_AUTO_TEST_CASE(OneFollowUpRewritesOnlyThePagesShowingThatRecord) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  BuildStats first = Build(repo.repo(), Options(out.path()));
  AddFollowUp(repo, kRecordId);
  BuildStats second = Build(repo.repo(), Options(out.path()));
  std::set<std::string> written(second.written_paths.begin(), second.written_paths.end());
  for (const std::string& path : second.written_paths) BOOST_TEST_MESSAGE("written " << path);
  // Its page, its report, its lists (old and new status, topics, addressees, year), the record,
  // the status feed, the indexes that count statuses, and the search files.
  const std::set<std::string> allowed_exact = {
      "recommendations/ctoc-cop-wg.4-2013-5.p22.html",
      "reports/ctoc-cop-wg.4-2013-5.html",
      "status/open.html",
      "status/in-progress.html",
      "years/2013.html",
      "record.html",
      "feeds/status.xml",
      "index.html",
      "lists.html",
      "sitemap.xml",
      "search/meta.json"};
  for (const std::string& path : written) {
    bool allowed = allowed_exact.count(path) || path.starts_with("topics/") ||
                   path.starts_with("addressees/") || path.starts_with("search/t/") ||
                   path.starts_with("search/d/");
    BOOST_TEST(allowed, path << " was rewritten");
  }
  for (const char* must : {"recommendations/ctoc-cop-wg.4-2013-5.p22.html", "feeds/status.xml",
                           "status/in-progress.html", "record.html"})
    BOOST_TEST(written.count(must), must << " was not rewritten");
  BOOST_TEST(second.written < 40u);
  BOOST_TEST(second.pages > first.written / 2);
}

// A build whose search inputs did not change lists search/ from the last manifest without
// analysing anything; a file of it deleted by hand must still come back, byte for byte.
BOOST_AUTO_TEST_CASE(ASearchFileGoneIsMadeAgainWhenTheIndexDidNotChange) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  std::map<std::string, std::string> before;
  for (const std::string& path : ListFiles(out.path() + "/search"))
    before["search/" + path] = ReadText(out.path() + "/search/" + path);
  BOOST_REQUIRE(before.count("search/meta.json"));
  std::string shard = std::prev(before.end())->first;
  AddFollowUp(repo, kRecordId);  // a status change: not an input of the index
  fs::remove(out.path() + "/search/meta.json");
  fs::remove(out.path() + "/" + shard);
  BuildStats second = Build(repo.repo(), Options(out.path()));
  std::set<std::string> written(second.written_paths.begin(), second.written_paths.end());
  BOOST_TEST(written.count("search/meta.json"));
  BOOST_TEST(written.count(shard), shard);
  for (const auto& [path, text] : before)
    BOOST_TEST((ReadText(out.path() + "/" + path) == text), path);
}

// The text of a record is an input of the index: changing it must reach search/.
BOOST_AUTO_TEST_CASE(ChangedRecordTextIsSearchableAfterAnIncrementalBuild) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  const std::string path = "recommendations/ctoc-cop-wg.4-2013-5/p22.yaml";
  std::string text = *repo.repo().ReadFile(path);
  size_t at = text.find("\ntext: ");
  BOOST_REQUIRE(at != std::string::npos);
  text.insert(at + 7, "زنجبيلية ");
  repo.Commit("-- " + path + " --\n" + text, "edit the text");
  BuildStats second = Build(repo.repo(), Options(out.path()));
  bool search_written = false;
  for (const std::string& written : second.written_paths)
    search_written = search_written || written.starts_with("search/t/");
  BOOST_TEST(search_written);
  bool found = false;
  for (const std::string& file : ListFiles(out.path() + "/search/t"))
    found = found || ReadText(out.path() + "/search/t/" + file).find("زنجب") != std::string::npos;
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(PagesOfAnEarlierBuildThatAreGoneAreRemoved) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  BOOST_TEST(fs::exists(out.path() + "/briefs/icat-2024-recruitment.html"));
  store::ChangeSet remove;
  remove.files.push_back({"briefs/icat-2024-recruitment.md", std::nullopt});
  repo.repo().Commit(remove, sijill::testing::TestAuthor(), "unpublish");
  BuildStats second = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(!fs::exists(out.path() + "/briefs/icat-2024-recruitment.html"));
  BOOST_TEST(second.removed >= 1u);
}

// Which files are there comes from one walk of the output directory (output_internal.h): a page
// deleted by hand, at the root or in a subdirectory, is written again though its key did not
// change — and no other page is.
BOOST_AUTO_TEST_CASE(PagesDeletedByHandAreWrittenAgainAndNoOther) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  const std::vector<std::string> deleted = {"index.html",
                                            "recommendations/ctoc-cop-wg.4-2013-5.p22.html"};
  std::map<std::string, std::string> before;
  for (const std::string& path : deleted) {
    before[path] = ReadText(out.path() + "/" + path);
    fs::remove(out.path() + "/" + path);
  }
  BuildStats second = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(second.written_paths == deleted, boost::test_tools::per_element());
  for (const auto& [path, text] : before)
    BOOST_TEST((ReadText(out.path() + "/" + path) == text), path);
}

// The manifest is read as written: a line per page in path order. One out of order (edited by
// hand, or not this build's) is not trusted: every page is rendered again, none is lost.
BOOST_AUTO_TEST_CASE(AManifestOutOfOrderIsNotUsed) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  BuildStats first = Build(repo.repo(), Options(out.path()));
  const std::string manifest = out.path() + "/.sijill-site-manifest";
  std::string text = ReadText(manifest);
  size_t second_line = text.find('\n') + 1, third_line = text.find('\n', second_line) + 1;
  size_t fourth_line = text.find('\n', third_line) + 1;
  std::string swapped = text.substr(0, second_line) +
                        text.substr(third_line, fourth_line - third_line) +
                        text.substr(second_line, third_line - second_line) +
                        text.substr(fourth_line);
  BOOST_REQUIRE(swapped.size() == text.size() && swapped != text);
  { std::ofstream(manifest, std::ios::binary | std::ios::trunc) << swapped; }
  BuildStats second = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(second.rendered == first.pages);
  BOOST_TEST(second.pages == first.pages);
  BOOST_TEST(second.written == first.pages);  // nothing known of them: all written again
  BOOST_TEST((ReadText(manifest) == text));
}

// A rebuild that changes a few pages writes them as changes to the manifest, not the manifest
// again (10 MB at 20,000 reports); changes to most pages write it whole and drop the changes.
BOOST_AUTO_TEST_CASE(ARebuildWritesTheChangesOfTheManifestNotAllOfIt) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  const std::string manifest = out.path() + "/.sijill-site-manifest";
  const std::string changes = out.path() + "/.sijill-site-manifest-changes";
  BuildStats first = Build(repo.repo(), Options(out.path()));
  std::string whole = ReadText(manifest);
  BOOST_TEST(!fs::exists(changes));
  for (int n = 0; n < 2; ++n) {
    AddFollowUp(repo, kRecordId);
    BuildStats again = Build(repo.repo(), Options(out.path()));
    BOOST_TEST(again.written > 0u);
    BOOST_TEST((ReadText(manifest) == whole));
    BOOST_REQUIRE(fs::exists(changes));
    std::string text = ReadText(changes);
    size_t lines = std::count(text.begin(), text.end(), '\n');
    BOOST_TEST(lines >= again.written + 2);  // header, a line per page written, end
    BOOST_TEST(lines < first.pages / 4);
    RequireSameAsFullBuild(repo, out.path());
  }
  // Every page's key changes with the base URL.
  BuildOptions options = Options(out.path());
  options.base_url = "https://example.org/";
  Build(repo.repo(), options);
  BOOST_TEST(!fs::exists(changes));
  BOOST_TEST((ReadText(manifest) != whole));
  RequireSameAsFullBuild(repo, out.path(), options);
  BOOST_TEST(Build(repo.repo(), options).written == 0u);
}

// Changes name the checksum of the manifest they follow: with the manifest edited by hand, or
// the changes cut short, they are not used, and the pages they listed are made again.
BOOST_AUTO_TEST_CASE(ChangesOfAnotherManifestOrDamagedAreNotUsed) {
  const std::vector<std::pair<std::string, std::function<void(const std::string&)>>> damages = {
      {"manifest edited",
       [](const std::string& out) {
         const std::string manifest = out + "/.sijill-site-manifest";
         std::string text = ReadText(manifest);
         size_t line = text.find('\n') + 1;  // the first page's key starts the second line
         text[line] = text[line] == '0' ? '1' : '0';
         std::ofstream(manifest, std::ios::binary | std::ios::trunc) << text;
       }},
      {"changes cut short",
       [](const std::string& out) {
         const std::string changes = out + "/.sijill-site-manifest-changes";
         fs::resize_file(changes, fs::file_size(changes) - 3);
       }},
  };
  for (const auto& [name, damage] : damages) {
    BOOST_TEST_CONTEXT(name) {
      sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
      TempDir out;
      Build(repo.repo(), Options(out.path()));
      AddFollowUp(repo, kRecordId);
      BuildStats changed = Build(repo.repo(), Options(out.path()));
      BOOST_REQUIRE(fs::exists(out.path() + "/.sijill-site-manifest-changes"));
      damage(out.path());
      BuildStats again = Build(repo.repo(), Options(out.path()));
      BOOST_TEST(!again.unchanged);
      // The pages of the changes are rendered again (and written: the manifest had their bytes
      // of before the follow-up).
      for (const std::string& path : changed.written_paths)
        BOOST_TEST((std::find(again.written_paths.begin(), again.written_paths.end(), path) !=
                    again.written_paths.end()),
                   path);
      RequireSameAsFullBuild(repo, out.path());
      BOOST_TEST(Build(repo.repo(), Options(out.path())).unchanged);
    }
  }
}

BOOST_AUTO_TEST_CASE(RepositoryTemplateOverridesTheTheme) {
  std::string files = SampleFiles() +
                      "-- site/theme/404.mustache --\n<h1>ضاعت الصفحة</h1>\n";
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(files);
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  std::string page = ReadText(out.path() + "/404.html");
  BOOST_TEST(page.find("<h1>ضاعت الصفحة</h1>") != std::string::npos);
  BOOST_TEST(page.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);  // layout kept
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::site::testing
