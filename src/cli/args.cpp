#include "cli/args.h"

#include <charconv>

#include "sijill/error.h"

namespace sijill::cli {

namespace {
const OptionSpec* Find(const std::vector<OptionSpec>& specs, const std::string& name) {
  for (const OptionSpec& spec : specs)
    if (name == spec.name) return &spec;
  return nullptr;
}
}  // namespace

Args::Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs) {
  bool options_done = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (options_done || arg.size() < 2 || arg.compare(0, 2, "--") != 0) {
      positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name.resize(eq);
    }
    const OptionSpec* spec = Find(specs, name);
    if (!spec) throw Error(Error::Kind::kUsage, "unknown option '--" + name + "'");
    std::vector<std::string>& slot = values_[name];
    if (!slot.empty() && !spec->repeatable)
      throw Error(Error::Kind::kUsage, "option '--" + name + "' given twice");
    if (!spec->value) {
      if (inline_value) throw Error(Error::Kind::kUsage, "option '--" + name + "' takes no value");
      slot.push_back("");
      continue;
    }
    if (inline_value) {
      slot.push_back(*inline_value);
    } else if (i + 1 < argv.size()) {
      slot.push_back(argv[++i]);
    } else {
      throw Error(Error::Kind::kUsage, "option '--" + name + "' needs a value " + spec->value);
    }
  }
}

bool Args::Flag(const std::string& name) const { return values_.count(name) > 0; }

std::optional<std::string> Args::Value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::Values(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

void Args::ExpectPositionals(size_t min, size_t max, const char* what) const {
  if (positionals_.size() < min)
    throw Error(Error::Kind::kUsage, std::string("missing ") + what);
  if (positionals_.size() > max)
    throw Error(Error::Kind::kUsage, "unexpected argument '" + positionals_[max] + "'");
}

size_t ParseCount(const std::string& option, const std::string& text) {
  size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw Error(Error::Kind::kUsage, "--" + option + " needs a whole number, not '" + text + "'");
  return value;
}

}  // namespace sijill::cli
