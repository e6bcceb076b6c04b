#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/common.h"
#include "sijill/error.h"
#include "sijill/model/settings.h"

namespace sijill::cli {

namespace {

namespace fs = std::filesystem;

// What `init --sample` copies from the bundled sample repository (the project's own checkout).
constexpr const char* kSampleDirs[] = {"corpus", "recommendations", "briefs"};

fs::path SampleRoot() {
  if (const char* overridden = std::getenv("SIJILL_SAMPLE_DIR")) return overridden;
  return SIJILL_SOURCE_DIR;
}

std::string ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Error::Kind::kIo, "cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void AddSample(std::vector<store::FileChange>& files) {
  fs::path root = SampleRoot();
  if (!fs::is_directory(root / "corpus"))
    throw Error(Error::Kind::kNotFound,
                "no bundled sample at " + root.string() + " (set SIJILL_SAMPLE_DIR)");
  for (const char* dir : kSampleDirs) {
    if (!fs::is_directory(root / dir)) continue;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root / dir)) {
      if (!entry.is_regular_file()) continue;
      std::string relative = fs::relative(entry.path(), root).generic_string();
      files.push_back({relative, ReadWholeFile(entry.path())});
    }
  }
  if (fs::is_regular_file(root / "sijill.yaml"))
    files.push_back({"sijill.yaml", ReadWholeFile(root / "sijill.yaml")});
}

}  // namespace

int RunInit(Context& context, const Args& args) {
  args.ExpectPositionals(1, 1, "DIR");
  fs::path dir = args.positionals()[0];
  if (fs::exists(dir) && !(fs::is_directory(dir) && fs::is_empty(dir)))
    throw Error(Error::Kind::kInvalid, dir.string() + " already exists and is not empty");
  fs::create_directories(dir);
  store::Repository repository = store::Repository::Init(dir.string());

  std::vector<store::FileChange> files = {{".gitignore", "# sijill's state: the search index\n/.sijill/\n"}};
  if (args.Flag("sample")) AddSample(files);
  bool has_settings = false;
  for (const store::FileChange& file : files) has_settings |= file.path == "sijill.yaml";
  if (!has_settings) files.push_back({"sijill.yaml", model::DefaultSettingsYaml()});

  store::Signature author;
  if (args.Value("author") || repository.DefaultSignature())
    author = ResolveAuthor(repository, args.Value("author"));
  else
    author = {.name = "sijill init", .email = "init@sijill.invalid"};
  std::string commit = repository.Commit({.files = files}, author,
                                         args.Flag("sample") ? "init: sample records repository\n"
                                                             : "init: new records repository\n");
  context.out << "initialised " << dir.string() << " (" << files.size() << " files, commit "
              << commit.substr(0, 12) << ")\n";
  return 0;
}

}  // namespace sijill::cli
