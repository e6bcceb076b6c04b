// Helpers shared by the command implementations.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "sijill/store/repository.h"

namespace sijill::cli {

// Opens the repository named by --repo (default: the current directory).
store::Repository OpenRepository(const Context& context);

// --author "Name <mail>" if given, else git config user.name/user.email; Error kUsage otherwise.
store::Signature ResolveAuthor(const store::Repository& repository,
                               const std::optional<std::string>& author_option);

// Prints one JSON document and a newline.
void PrintJson(const Context& context, const nlohmann::ordered_json& document);

// Wraps text that may be right-to-left in first-strong isolates (U+2068 … U+2069), so a line
// mixing an Arabic value with Latin labels displays in the right order in a terminal.
std::string Isolate(const std::string& text);

// "2026-11-23 14:05" in UTC for a commit time.
std::string FormatTime(long long seconds_since_epoch);

}  // namespace sijill::cli
