#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "sijill/error.h"
#include "site/model_internal.h"
#include "site/output_internal.h"
#include "site/theme_internal.h"

namespace sijill::site::internal {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRepoThemeDir = "site/theme/";
constexpr const char* kRequired[] = {"layout", "home",   "report",  "recommendation", "list",
                                     "lists",  "record", "brief",   "briefs",         "reports",
                                     "404",    "atom",   "sitemap", "search"};
constexpr const char* kTemplateSuffix = ".mustache";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The theme's files by name: templates (with the file each came from, for error messages) and
// assets.
struct Files {
  std::map<std::string, std::string> templates;
  std::map<std::string, std::string> template_files;
  std::map<std::string, std::string> assets;
};

// Places a file of the theme: a template by name, anything under assets/ as an asset.
void Place(const std::string& relative, const std::string& file, std::string content,
           Files& files) {
  if (relative.starts_with("assets/")) {
    files.assets[relative] = std::move(content);
  } else if (relative.ends_with(kTemplateSuffix) && relative.find('/') == std::string::npos) {
    std::string name = relative.substr(0, relative.size() - std::string(kTemplateSuffix).size());
    files.templates[name] = std::move(content);
    files.template_files[name] = file;
  }
}

// Every template, also available to the others as a partial. The site escapes only the five
// characters HTML needs: mstch's default also writes "/" as "&#x2F;", valid, but every link of
// every page would carry it (attributes are always double-quoted).
std::shared_ptr<const mustache::TemplateSet> Compile(const Files& files) {
  std::vector<mustache::Source> sources;
  for (const auto& [name, text] : files.templates)
    sources.push_back({name, files.template_files.at(name), text});
  return std::make_shared<const mustache::TemplateSet>(sources, sources, mustache::Escape::kHtml);
}

}  // namespace

Theme Theme::Load(const std::string& dir, const store::Repository& repository,
                  const std::string& commit) {
  Theme theme;
  Files files;
  std::error_code error;
  if (fs::is_directory(dir, error)) {
    for (const auto& entry : fs::recursive_directory_iterator(dir, error)) {
      if (!entry.is_regular_file()) continue;
      std::string relative = fs::relative(entry.path(), dir).generic_string();
      Place(relative, entry.path().string(), ReadAll(entry.path()), files);
    }
  }
  if (!commit.empty()) {
    for (const store::TreeEntry& entry : repository.ListFiles("site/theme", commit)) {
      if (!entry.path.starts_with(kRepoThemeDir)) continue;
      std::string relative = entry.path.substr(std::string(kRepoThemeDir).size());
      Place(relative, entry.path, repository.ReadFile(entry.path, commit).value_or(""), files);
    }
  }
  for (const char* name : kRequired) {
    if (!files.templates.count(name))
      throw Error(Error::Kind::kNotFound, std::string("site theme: no template ") + name +
                                              kTemplateSuffix + " in " + dir +
                                              " (set SIJILL_THEME_DIR or add site/theme/)");
  }
  theme.templates_ = Compile(files);
  Key key;
  for (const auto& [name, text] : files.templates) key.Add(name).Add(text);
  for (const auto& [name, bytes] : files.assets) key.Add(name).Add(bytes);
  theme.assets_ = std::move(files.assets);
  theme.key_ = key.value();
  return theme;
}

namespace {

// The strings of the page's language ({{t.*}}) under its context, or nothing when the context
// has no "lang" (it always has: PageContext).
const mstch::node& StringsUnder(const mstch::node& context) {
  static const mstch::node kNone = mstch::map{};
  if (const auto* map = boost::get<mstch::map>(&context)) {
    auto lang = map->find("lang");
    if (lang != map->end())
      if (const auto* language = boost::get<std::string>(&lang->second)) return Strings(*language);
  }
  return kNone;
}

}  // namespace

std::string Theme::Render(const std::string& name, const mstch::node& context) const {
  std::string out;
  Render(name, context, out);
  return out;
}

void Theme::Render(const std::string& name, const mstch::node& context, std::string& out) const {
  if (!templates_->Has(name))
    throw Error(Error::Kind::kNotFound, "site theme: no template " + name + kTemplateSuffix);
  templates_->Render(name, {&StringsUnder(context), &context}, out);
}

std::string Theme::RenderPage(const std::string& name, mstch::map context) const {
  // One node for both renders: passing the map itself would copy all of it into a node twice.
  mstch::node node(std::move(context));
  std::string content = Render(name, node);
  boost::get<mstch::map>(node)["content"] = std::move(content);
  return Render("layout", node);
}

}  // namespace sijill::site::internal
