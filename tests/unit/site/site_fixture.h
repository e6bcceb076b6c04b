// The sample corpus of this checkout (corpus/, recommendations/, sijill.yaml: the four seeds)
// as a records repository, with one published and one draft brief and one follow-up, built
// into a site. Shared by the site tests (issue 7).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "sijill/site/site.h"
#include "support/test_repo.h"

namespace sijill::site::testing {

// "-- path --" text of every file of the sample corpus plus two briefs.
std::string SampleFiles();

// Appends a follow-up (in-progress, with a paragraph and a URL as evidence) to `id`.
void AddFollowUp(sijill::testing::TestRepo& repo, const std::string& id);

// The id of a record of the sample that the tests follow up.
inline constexpr const char* kRecordId = "ctoc-cop-wg.4-2013-5.p22";

// A fresh temporary output directory (removed by the caller's TempDir).
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

BuildOptions Options(const std::string& out);

// Every file of a site but its build state (.sijill-site*), path -> bytes.
std::map<std::string, std::string> SiteFiles(const std::string& dir);
// Checks (Boost.Test) that `out` equals a full build of `repo` with `options` (but for its
// `out`) into an empty directory, byte for byte.
void RequireSameAsFullBuild(sijill::testing::TestRepo& repo, const std::string& out,
                            BuildOptions options);
void RequireSameAsFullBuild(sijill::testing::TestRepo& repo, const std::string& out);

// Every file under `dir`, relative, sorted.
std::vector<std::string> ListFiles(const std::string& dir);
std::string ReadText(const std::string& path);

// What a visitor's browser sees of one HTML page: tag balance problems, ids, links.
struct HtmlPage {
  std::vector<std::string> problems;  // "line N: ..." for unbalanced or unclosed tags
  std::set<std::string> ids;
  std::vector<std::string> links;     // href and src values, as written
  std::string lang;
  std::string dir;
};
HtmlPage ParseHtml(const std::string& html);

// Broken internal links and anchors of the whole site: "page -> link: why".
std::vector<std::string> BrokenLinks(const std::string& site);

}  // namespace sijill::site::testing
