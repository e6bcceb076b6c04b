// Golden files (STYLE.md §9.5): compare an actual output with tests/golden/<stage>/<case>/<file>,
// or rewrite the expectation when SIJILL_UPDATE_GOLDEN=1 (then review `git diff`).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sijill::testing {

std::string ReadText(const std::filesystem::path& path);
void WriteText(const std::filesystem::path& path, const std::string& text);
bool UpdateGolden();
// Case folders under tests/golden/<stage>/, sorted.
std::vector<std::filesystem::path> GoldenCases(const std::string& stage);
// BOOST_TESTs that `actual` equals the file, naming the first differing line; or rewrites it.
void ExpectGolden(const std::filesystem::path& expected, const std::string& actual);

}  // namespace sijill::testing
