#include "site/theme_internal.h"

#include <filesystem>
#include <fstream>
#include <sstream>

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
  return mstch::render(it->second, context, templates_);
}

std::string Theme::RenderPage(const std::string& name, mstch::map context) const {
  std::string content = Render(name, context);
  context["content"] = std::move(content);
  return Render("layout", context);
}

}  // namespace sijill::site::internal
