#include "cli/hand_over_env.h"

namespace sijill::cli {

namespace {

bool IsSet(const char* const* environment, std::string_view name) {
  for (; environment && *environment; ++environment) {
    std::string_view entry(*environment);
    if (entry.size() > name.size() && entry[name.size()] == '=' && entry.starts_with(name)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<EnvironmentSetting> HandOverEnvironment(std::string_view command,
                                                    const char* const* environment) {
  std::vector<EnvironmentSetting> settings;
  // `site` allocates a few GB in small pieces (terms, pages) and page faults were a quarter of a
  // one-record rebuild's profile: malloc on transparent huge pages made that rebuild ~30 % faster
  // and a 20,000-report full build ~12 % less CPU (bench/RESULTS.md, issue 7). THP is `madvise`
  // on Debian, so glibc must ask for it, and it reads its tunables only at start-up: hence here,
  // before the exec, not in sijill-full. Other commands were not measured with it. Children of
  // sijill-full inherit the variable; glibc without this tunable ignores it.
  if (command == "site" && !IsSet(environment, "GLIBC_TUNABLES")) {
    settings.push_back({"GLIBC_TUNABLES", "glibc.malloc.hugetlb=1"});
  }
  return settings;
}

}  // namespace sijill::cli
