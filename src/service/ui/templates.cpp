#include <mstch/mstch.hpp>
#include <string>
#include <string_view>

#include "service/ui/render_internal.h"
#include "sijill/error.h"

namespace sijill::service::ui {

namespace {

// Every other template may include these with {{> name}}.
const std::map<std::string, std::string>& Partials() {
  static const std::map<std::string, std::string> partials = [] {
    std::map<std::string, std::string> result;
    for (const auto& [name, content] : EmbeddedFiles()) {
      std::string_view file = name;
      if (file.starts_with("_") && file.ends_with(".mustache")) {
        result.emplace(std::string(file.substr(1, file.size() - 10)), std::string(content));
      }
    }
    return result;
  }();
  return partials;
}

std::string Template(std::string_view name) {
  return std::string(EmbeddedFile(std::string(name) + ".mustache"));
}

// What every template may use besides its own data.
void AddCommon(const Chrome& chrome, mstch::map& context) {
  context.emplace("t", Strings(chrome));
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

std::string RenderPage(const Chrome& chrome, std::string_view name, const std::string& title,
                       mstch::map context) {
  AddCommon(chrome, context);
  mstch::map layout = context;
  std::string content = mstch::render(Template(name), context, Partials());
  layout["content"] = content;  // printed raw: the output of a template rendered above
  layout["title"] = title;
  layout["site_title"] = chrome.site_title.empty() ? std::string("sijill") : chrome.site_title;
  return mstch::render(Template("layout"), layout, Partials());
}

}  // namespace sijill::service::ui
