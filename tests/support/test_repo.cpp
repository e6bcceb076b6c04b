#include "support/test_repo.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sijill::testing {

namespace {

std::string MakeTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "sijill-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

store::ChangeSet ChangesOf(const std::string& text) {
  store::ChangeSet changes;
  for (auto& [path, content] : ParseFiles(text)) changes.files.push_back({path, content});
  return changes;
}

}  // namespace

std::map<std::string, std::string> ParseFiles(const std::string& text) {
  std::map<std::string, std::string> files;
  std::istringstream in(text);
  std::string line;
  std::string* current = nullptr;
  while (std::getline(in, line)) {
    if (line.size() > 6 && line.starts_with("-- ") && line.ends_with(" --")) {
      current = &files[line.substr(3, line.size() - 6)];
      continue;
    }
    if (current != nullptr) *current += line + "\n";
  }
  return files;
}

store::Signature TestAuthor() { return {"sijill tests", "tests@sijill.invalid", std::nullopt, 0}; }

TestRepo::TestRepo(std::string root) : root_(root), repo_(store::Repository::Init(root)) {}

TestRepo::TestRepo() : TestRepo(MakeTempDir()) {}

TestRepo TestRepo::FromText(const std::string& text, const std::string& message) {
  TestRepo repo;
  repo.Commit(text, message);
  return repo;
}

TestRepo::TestRepo(TestRepo&& other) noexcept
    : root_(std::move(other.root_)), repo_(std::move(other.repo_)) {
  other.root_.clear();
}

TestRepo::~TestRepo() {
  if (root_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(root_, ignored);
}

std::string TestRepo::Commit(const std::string& text, const std::string& message) {
  return repo_.Commit(ChangesOf(text), TestAuthor(), message);
}

void TestRepo::Write(const std::string& path, const std::string& text) const {
  std::filesystem::path full = std::filesystem::path(root_) / path;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream(full, std::ios::binary | std::ios::trunc) << text;
}

std::string TestRepo::Read(const std::string& path) const {
  std::ifstream in(std::filesystem::path(root_) / path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

namespace {

std::string RunCommandLine(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int status = pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("'" + command + "' failed:\n" + out);
  }
  return out;
}

}  // namespace

std::string TestRepo::Git(const std::string& args) const {
  return RunCommandLine("git -C '" + root_ +
                        "' -c user.name='sijill tests' -c user.email=tests@sijill.invalid " + args);
}

std::string TestRepo::Shell(const std::string& command) const {
  return RunCommandLine("cd '" + root_ + "' && " + command);
}

}  // namespace sijill::testing
