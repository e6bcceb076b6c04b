// Command-line parsing for one subcommand: options declared as data, positionals collected.
// Throws Error kUsage with a one-line message for unknown options or missing values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sijill::cli {

struct OptionSpec {
  const char* name;     // without dashes: "json", "note"
  const char* value;    // metavariable for the help text ("T"); nullptr for a flag
  const char* help;
  bool repeatable = false;
};

class Args {
 public:
  Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs);

  bool Flag(const std::string& name) const;
  std::optional<std::string> Value(const std::string& name) const;
  std::vector<std::string> Values(const std::string& name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

  // Throws kUsage unless the number of positionals is in [min, max].
  void ExpectPositionals(size_t min, size_t max, const char* what) const;

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
};

// Parses an unsigned integer option value; throws kUsage naming the option.
size_t ParseCount(const std::string& option, const std::string& text);

}  // namespace sijill::cli
