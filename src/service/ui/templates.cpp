#include <string>
#include <string_view>
#include <vector>

#include "service/ui/render_internal.h"
#include "sijill/error.h"
#include "sijill/mustache/template_set.h"

namespace sijill::service::ui {

namespace {

// The templates of site/ui, parsed once: "<name>.mustache" renders as a page or a fragment,
// "_<name>.mustache" is the partial {{> name}}.
const mustache::TemplateSet& Templates() {
  static const mustache::TemplateSet templates = [] {
    std::vector<mustache::Source> pages, partials;
    for (const auto& [name, content] : EmbeddedFiles()) {
      std::string_view file = name;
      if (!file.ends_with(".mustache")) continue;
      std::string_view stem = file.substr(0, file.size() - 9);
      bool partial = stem.starts_with("_");
      (partial ? partials : pages)
          .push_back({std::string(partial ? stem.substr(1) : stem), "site/ui/" + std::string(file),
                      std::string(content)});
    }
    return mustache::TemplateSet(pages, partials, mustache::Escape::kMstch);
  }();
  return templates;
}

// What every template may use besides its own data (and {{t.*}}, Strings(), below it).
void AddCommon(const Chrome& chrome, mstch::map& context) {
  context.emplace("lang", chrome.lang);
  context.emplace("dir", std::string(chrome.English() ? "ltr" : "rtl"));
  context.emplace("csrf_field", std::string(kCsrfField));
  context.emplace("csrf_token", chrome.csrf_token);
  context.emplace("user", chrome.user);
  context.emplace("logged_in", !chrome.user.empty());
  context.emplace("can_follow_up", chrome.can_follow_up);
  context.emplace("can_edit_briefs", chrome.can_edit_briefs);
  context.emplace("lang_en", chrome.English());
  context.emplace("home_href", Href(chrome, "/"));
  context.emplace("record_href", Href(chrome, "/record"));
  context.emplace("briefs_href", Href(chrome, "/briefs"));
  context.emplace("login_href", Href(chrome, "/login", {{"next", chrome.path}}));
  context.emplace("logout_action", Href(chrome, "/logout"));
  // The switch links to the same page in the other language, explicitly (?lang=ar too), so it
  // also overrides a language cookie. The query is dropped: the page's own links rebuild it.
  context.emplace("switch_href", chrome.path + "?lang=" + (chrome.English() ? "ar" : "en"));
}

}  // namespace

std::string_view EmbeddedFile(std::string_view name) {
  auto found = EmbeddedFiles().find(name);
  if (found == EmbeddedFiles().end()) {
    throw Error(Error::Kind::kNotFound, "no embedded UI file '" + std::string(name) + "'");
  }
  return found->second;
}

void LoadTemplates() { Templates(); }

std::string RenderTemplate(std::string_view name, const mstch::node& context) {
  return Templates().Render(name, context);
}

std::string RenderPage(const Chrome& chrome, std::string_view name, const std::string& title,
                       mstch::map context) {
  AddCommon(chrome, context);
  mstch::node page(std::move(context));
  const mstch::node& strings = Strings(chrome);
  std::string content;
  Templates().Render(name, {&strings, &page}, content);
  // The layout sees the page's values under its own three.
  mstch::node layout = mstch::map{
      {"content", std::move(content)},  // printed raw: the output of a template rendered above
      {"title", title},
      {"site_title", chrome.site_title.empty() ? std::string("sijill") : chrome.site_title}};
  std::string html;
  Templates().Render("layout", {&strings, &page, &layout}, html);
  return html;
}

}  // namespace sijill::service::ui
