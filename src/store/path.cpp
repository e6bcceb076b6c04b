// "Ids and paths from the command line can never reach outside the repository." (issue 2)
#include <algorithm>
#include <cctype>

#include "sijill/error.h"
#include "sijill/store/repository.h"

namespace sijill::store {

namespace {

[[noreturn]] void Refuse(const std::string& path, const std::string& why) {
  std::string shown = path;
  std::replace(shown.begin(), shown.end(), '\0', '?');
  throw Error(Error::Kind::kInvalid, "invalid path '" + shown + "': " + why);
}

bool IsDotGit(const std::string& component) {
  std::string lower = component;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == ".git";
}

}  // namespace

std::string CheckRelativePath(const std::string& path) {
  if (path.empty()) Refuse(path, "empty");
  if (path.front() == '/') Refuse(path, "absolute paths are not allowed");
  for (char c : path) {
    if (c == '\0') Refuse(path, "NUL byte");
    if (c == '\\') Refuse(path, "backslashes are not allowed");
    // The crash journal stores one path a line.
    if (c == '\n' || c == '\r') Refuse(path, "line breaks are not allowed");
  }
  size_t start = 0;
  while (true) {
    size_t end = path.find('/', start);
    std::string component =
        path.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (component.empty()) Refuse(path, "empty path component");
    if (component == "." || component == "..") Refuse(path, "'" + component + "' is not allowed");
    if (IsDotGit(component)) Refuse(path, "paths inside .git are not allowed");
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return path;
}

}  // namespace sijill::store
