#include <boost/test/unit_test.hpp>
#include "site_fixture.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "sijill/records/record_store.h"

namespace sijill::site::testing {

namespace fs = std::filesystem;

namespace {

const char kBriefs[] = R"(-- briefs/icat-2024-recruitment.md --
---
title: "الممارسات الجيدة في تنظيم وكالات التوظيف"
agency: "ICAT"
authors: ["الفريق المشترك"]
date: 2024-05-01
language: ar
status: published
---

يستند هذا الموجز إلى التوصية الواردة في [CTOC/COP/WG.4/2013/5](ctoc-cop-wg.4-2013-5.md) بشأن وكالات التوظيف.
-- briefs/icat-draft.md --
---
title: "Draft brief not for publication"
agency: "ICAT"
authors: ["Someone"]
date: 2025-01-01
language: en
status: draft
---

Draft text.
)";

}  // namespace

std::string SampleFiles() {
  std::string text;
  fs::path root = SIJILL_SOURCE_DIR;
  std::vector<fs::path> files = {root / "sijill.yaml"};
  for (const char* dir : {"corpus", "recommendations"})
    for (const auto& entry : fs::recursive_directory_iterator(root / dir))
      if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string content = ReadText(file.string());
    if (!content.empty() && content.back() == '\n') content.pop_back();  // ParseFiles adds it
    text += "-- " + fs::relative(file, root).generic_string() + " --\n" + content + "\n";
  }
  return text + kBriefs;
}

void AddFollowUp(sijill::testing::TestRepo& repo, const std::string& id) {
  records::RecordStore store(repo.repo());
  records::FollowUpRequest request;
  request.status = "in-progress";
  request.note = "أنشئ سجل لوكالات التوظيف";
  request.evidence = {*model::ParseEvidence("CTOC/COP/2018/2#p52"),
                      *model::ParseEvidence("https://www.unodc.org/")};
  request.date = "2024-06-01";
  request.author = sijill::testing::TestAuthor();
  store.AddFollowUp(id, request);
}

TempDir::TempDir() {
  char pattern[] = "/tmp/sijill-site-test-XXXXXX";
  path_ = mkdtemp(pattern);
}

TempDir::~TempDir() {
  std::error_code error;
  fs::remove_all(path_, error);
}

BuildOptions Options(const std::string& out) {
  BuildOptions options;
  options.out = out;
  options.theme_dir = std::string(SIJILL_SOURCE_DIR) + "/site/theme";
  options.threads = 2;
  return options;
}

std::vector<std::string> ListFiles(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) out.push_back(fs::relative(entry.path(), dir).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

std::map<std::string, std::string> SiteFiles(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const std::string& path : ListFiles(dir))
    if (!path.starts_with(".sijill-site")) out[path] = ReadText(dir + "/" + path);
  return out;
}

void RequireSameAsFullBuild(sijill::testing::TestRepo& repo, const std::string& out,
                            BuildOptions options) {
  TempDir fresh;
  options.out = fresh.path();
  BuildStats full = Build(repo.repo(), options);
  BOOST_TEST(full.cache_note.empty());
  std::map<std::string, std::string> built = SiteFiles(out);
  std::map<std::string, std::string> expected = SiteFiles(fresh.path());
  BOOST_TEST(built.size() == expected.size());
  for (const auto& [path, bytes] : expected) {
    auto it = built.find(path);
    BOOST_TEST((it != built.end() && it->second == bytes), path << " differs");
  }
}

void RequireSameAsFullBuild(sijill::testing::TestRepo& repo, const std::string& out) {
  RequireSameAsFullBuild(repo, out, Options(out));
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace sijill::site::testing
