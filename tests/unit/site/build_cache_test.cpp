// The build cache of the site (src/site/snapshot_cache_internal.h): a rebuild parses only the
// files that changed, and whatever happened to the cache, the output is the output of a full
// build from scratch, byte for byte.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "sijill/site/site.h"
#include "site_fixture.h"

namespace sijill::site::testing {

namespace fs = std::filesystem;

namespace {

const char kCache[] = ".sijill-site-cache";

std::vector<fs::path> CacheFiles(const std::string& out, const std::string& suffix) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(out) / kCache))
    if (entry.path().string().ends_with(suffix)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

void Truncate(const fs::path& file) { fs::resize_file(file, fs::file_size(file) / 2); }

void EditRecordText(sijill::testing::TestRepo& repo) {
  const std::string path = "recommendations/ctoc-cop-wg.4-2013-5/p22.yaml";
  std::string text = *repo.repo().ReadFile(path);
  size_t at = text.find("\ntext: ");
  BOOST_REQUIRE(at != std::string::npos);
  text.insert(at + 7, "زنجبيلية ");
  repo.Commit("-- " + path + " --\n" + text, "edit the text");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(build_cache)

BOOST_AUTO_TEST_CASE(RebuildsAfterChangesEqualAFullBuildAndParseOnlyWhatChanged) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  BuildStats first = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(first.cache_note.empty());
  BOOST_TEST(fs::exists(fs::path(out.path()) / kCache / "head"));

  AddFollowUp(repo, kRecordId);
  BuildStats second = Build(repo.repo(), Options(out.path()));
  // The record, and the brief and sijill.yaml (always parsed: 3 files).
  BOOST_TEST(second.parsed == 1u + 3u);
  BOOST_TEST(second.cache_note.empty());
  RequireSameAsFullBuild(repo, out.path());

  // A second follow-up on the same record, a text edit, a report removed, a brief removed.
  AddFollowUp(repo, kRecordId);
  EditRecordText(repo);
  store::ChangeSet remove;
  remove.files.push_back({"corpus/ctoc-cop-wg.4-2013-5.md", std::nullopt});
  remove.files.push_back({"briefs/icat-2024-recruitment.md", std::nullopt});
  repo.repo().Commit(remove, sijill::testing::TestAuthor(), "remove a report and a brief");
  BuildStats third = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(third.cache_note.empty());
  RequireSameAsFullBuild(repo, out.path());

  // No change: the build stops early (build_stamp_internal.h): nothing parsed, nothing
  // written, cache untouched.
  std::map<std::string, fs::file_time_type> times;
  for (const auto& entry : fs::directory_iterator(fs::path(out.path()) / kCache))
    times[entry.path().string()] = entry.last_write_time();
  BuildStats fourth = Build(repo.repo(), Options(out.path()));
  BOOST_TEST(fourth.written == 0u);
  BOOST_TEST(fourth.unchanged);
  BOOST_TEST(fourth.parsed == 0u);
  for (const auto& entry : fs::directory_iterator(fs::path(out.path()) / kCache))
    BOOST_TEST((times.count(entry.path().string()) &&
                times[entry.path().string()] == entry.last_write_time()),
               entry.path());
}

// Each kind of damage: the build says so, reads every file again, and its output is right.
BOOST_AUTO_TEST_CASE(ADamagedCacheMeansAFullReadWithANoteNeverWrongOutput) {
  struct Damage {
    const char* name;
    std::function<void(const std::string& out)> apply;
  };
  const std::vector<Damage> damages = {
      {"truncated shard", [](const std::string& out) { Truncate(CacheFiles(out, ".bin").front()); }},
      {"truncated head", [](const std::string& out) { Truncate(fs::path(out) / kCache / "head"); }},
      {"shard gone", [](const std::string& out) { fs::remove(CacheFiles(out, ".bin").back()); }},
      {"a byte changed in a shard",
       [](const std::string& out) {
         fs::path shard = CacheFiles(out, ".bin").front();
         std::fstream file(shard, std::ios::in | std::ios::out | std::ios::binary);
         file.seekp(static_cast<std::streamoff>(fs::file_size(shard) / 2));
         file.put('\x7f');
       }},
      {"another format",
       [](const std::string& out) {
         // The format number follows the magic string (4-byte length, 17 bytes).
         std::fstream file(fs::path(out) / kCache / "head",
                           std::ios::in | std::ios::out | std::ios::binary);
         file.seekp(4 + 17);
         file.put('\x63');
       }},
      {"the format before texts were kept apart (2), head and shards",
       [](const std::string& out) {
         // Format 2 kept a record's text in the middle of its fields: read as format 3, its
         // fields would be misread, so it must be refused by its number. The number follows
         // the magic string in the head (4 + 17 bytes) and in each shard (4 + 23 bytes).
         auto set_format = [](const fs::path& file, std::streamoff at) {
           std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
           stream.seekp(at);
           stream.put('\x02');
         };
         set_format(fs::path(out) / kCache / "head", 4 + 17);
         for (const fs::path& shard : CacheFiles(out, ".bin")) set_format(shard, 4 + 23);
       }},
  };
  for (const Damage& damage : damages) {
    BOOST_TEST_CONTEXT(damage.name) {
      sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
      TempDir out;
      Build(repo.repo(), Options(out.path()));
      AddFollowUp(repo, kRecordId);
      damage.apply(out.path());
      BuildStats rebuilt = Build(repo.repo(), Options(out.path()));
      BOOST_TEST(!rebuilt.cache_note.empty());
      BOOST_TEST_MESSAGE(rebuilt.cache_note);
      BOOST_TEST(rebuilt.parsed > 10u);
      RequireSameAsFullBuild(repo, out.path());
      // The cache was written anew: the next build (after one more change: with none it would
      // stop before reading the cache) uses it again.
      AddFollowUp(repo, kRecordId);
      BuildStats again = Build(repo.repo(), Options(out.path()));
      BOOST_TEST(again.cache_note.empty());
      BOOST_TEST(again.parsed == 1u + 3u);
    }
  }
}

BOOST_AUTO_TEST_CASE(ACacheOfAnotherRepositoryIsNotUsed) {
  sijill::testing::TestRepo one = sijill::testing::TestRepo::FromText(SampleFiles());
  sijill::testing::TestRepo other =
      sijill::testing::TestRepo::FromText(SampleFiles(), "another first commit");
  AddFollowUp(other, kRecordId);
  TempDir out;
  Build(one.repo(), Options(out.path()));
  BuildStats built = Build(other.repo(), Options(out.path()));
  BOOST_TEST(built.cache_note.find("does not have") != std::string::npos, built.cache_note);
  RequireSameAsFullBuild(other, out.path());
}

// --rev builds an older commit through the same cache: the diff goes backwards.
BOOST_AUTO_TEST_CASE(AnOlderRevisionThroughTheCacheEqualsItsFullBuild) {
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  std::string first = repo.repo().Head();
  AddFollowUp(repo, kRecordId);
  EditRecordText(repo);
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  BuildOptions older = Options(out.path());
  older.rev = first;
  BuildStats built = Build(repo.repo(), older);
  BOOST_TEST(built.cache_note.empty());
  TempDir fresh;
  BuildOptions fresh_options = Options(fresh.path());
  fresh_options.rev = first;
  Build(repo.repo(), fresh_options);
  std::map<std::string, std::string> expected = SiteFiles(fresh.path());
  std::map<std::string, std::string> incremental = SiteFiles(out.path());
  BOOST_TEST(incremental.size() == expected.size());
  for (const auto& [path, bytes] : expected)
    BOOST_TEST((incremental.count(path) && incremental[path] == bytes), path << " differs");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::site::testing
