// What `sijill` adds to the environment of sijill-full when it hands a command over
// (src/cli/main.cpp). Kept apart from the exec so that the decision can be tested.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sijill::cli {

struct EnvironmentSetting {
  std::string name;
  std::string value;

  bool operator==(const EnvironmentSetting&) const = default;
};

// The variables to set for `command` (a row name of Commands(), e.g. "site"), given the
// launcher's own environment (`environ`: "NAME=VALUE" strings ending with a null pointer).
// A variable already in the environment, even empty, is never overridden: it is the user's.
std::vector<EnvironmentSetting> HandOverEnvironment(std::string_view command,
                                                    const char* const* environment);

}  // namespace sijill::cli
