#include "site/theme_internal.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include "sijill/error.h"
#include "site/output_internal.h"

namespace sijill::site::internal {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRepoThemeDir = "site/theme/";
constexpr const char* kRequired[] = {"layout", "home",    "report", "recommendation", "list",
                                     "lists",  "record",  "brief",  "briefs",         "reports",
                                     "404",    "atom",    "sitemap", "search"};
constexpr const char* kTemplateSuffix = ".mustache";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Places a file of the theme: a template by name, anything under assets/ as an asset.
void Place(const std::string& relative, std::string content, std::map<std::string, std::string>& templates,
           std::map<std::string, std::string>& assets) {
  if (relative.starts_with("assets/")) {
    assets[relative] = std::move(content);
  } else if (relative.ends_with(kTemplateSuffix) && relative.find('/') == std::string::npos) {
    templates[relative.substr(0, relative.size() - std::string(kTemplateSuffix).size())] =
        std::move(content);
  }
}

// mstch's default escape also writes "/" as "&#x2F;": valid, but every link of every page would
// carry it. The five characters HTML needs are enough (attributes are always double-quoted).
std::string Escape(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// The names of the partials a template includes ({{> name}}). A template that changes its
// delimiters ({{=<% %>=}}) could include partials this does not see: it gets all of them.
std::optional<std::set<std::string>> PartialNames(const std::string& text) {
  if (text.find("{{=") != std::string::npos) return std::nullopt;
  std::set<std::string> names;
  for (size_t at = 0; (at = text.find("{{>", at)) != std::string::npos;) {
    size_t end = text.find("}}", at);
    if (end == std::string::npos) break;
    std::string name = text.substr(at + 3, end - at - 3);
    size_t first = name.find_first_not_of(" \t");
    size_t last = name.find_last_not_of(" \t");
    if (first != std::string::npos) names.insert(name.substr(first, last - first + 1));
    at = end + 2;
  }
  return names;
}

// Every template with the partials it needs, following partials of partials.
std::map<std::string, std::map<std::string, std::string>> PartialsOf(
    const std::map<std::string, std::string>& templates) {
  std::map<std::string, std::map<std::string, std::string>> out;
  for (const auto& [name, text] : templates) {
    std::map<std::string, std::string>& needed = out[name];
    std::vector<std::string> pending = {name};
    std::set<std::string> expanded = {name};
    while (!pending.empty()) {
      const std::string& text = templates.at(pending.back());
      pending.pop_back();
      std::optional<std::set<std::string>> names = PartialNames(text);
      if (!names) {
        needed = templates;
        break;
      }
      for (const std::string& partial : *names) {
        auto found = templates.find(partial);
        if (found == templates.end()) continue;  // mstch renders an unknown partial as nothing
        needed.emplace(partial, found->second);  // itself too, for a recursive partial
        if (expanded.insert(partial).second) pending.push_back(partial);
      }
    }
  }
  return out;
}

}  // namespace

EscapeScope::EscapeScope() : previous_(mstch::config::escape) { mstch::config::escape = Escape; }
EscapeScope::~EscapeScope() { mstch::config::escape = previous_; }

Theme Theme::Load(const std::string& dir, const store::Repository& repository,
                  const std::string& commit) {
  Theme theme;
  std::error_code error;
  if (fs::is_directory(dir, error)) {
    for (const auto& entry : fs::recursive_directory_iterator(dir, error)) {
      if (!entry.is_regular_file()) continue;
      std::string relative = fs::relative(entry.path(), dir).generic_string();
      Place(relative, ReadAll(entry.path()), theme.templates_, theme.assets_);
    }
  }
  if (!commit.empty()) {
    for (const store::TreeEntry& entry : repository.ListFiles("site/theme", commit)) {
      if (!entry.path.starts_with(kRepoThemeDir)) continue;
      std::string relative = entry.path.substr(std::string(kRepoThemeDir).size());
      Place(relative, repository.ReadFile(entry.path, commit).value_or(""), theme.templates_,
            theme.assets_);
    }
  }
  for (const char* name : kRequired) {
    if (!theme.templates_.count(name))
      throw Error(Error::Kind::kNotFound, std::string("site theme: no template ") + name +
                                              kTemplateSuffix + " in " + dir +
                                              " (set SIJILL_THEME_DIR or add site/theme/)");
  }
  theme.partials_ = PartialsOf(theme.templates_);
  Key key;
  for (const auto& [name, text] : theme.templates_) key.Add(name).Add(text);
  for (const auto& [name, bytes] : theme.assets_) key.Add(name).Add(bytes);
  theme.key_ = key.value();
  return theme;
}

std::string Theme::Render(const std::string& name, const mstch::node& context) const {
  auto it = templates_.find(name);
  if (it == templates_.end())
    throw Error(Error::Kind::kNotFound, "site theme: no template " + name + kTemplateSuffix);
  return mstch::render(it->second, context, partials_.at(name));
}

std::string Theme::RenderPage(const std::string& name, mstch::map context) const {
  // One node for both renders: passing the map itself would copy all of it into a node twice.
  mstch::node node(std::move(context));
  std::string content = Render(name, node);
  boost::get<mstch::map>(node)["content"] = std::move(content);
  return Render("layout", node);
}

}  // namespace sijill::site::internal
