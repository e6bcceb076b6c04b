// The templates and assets of the site: the project's theme (site/theme/), with any file of
// the repository's own site/theme/ (at the commit built) taking its place (issue 7 item 2).
// Thread-safety: Render may be called from several threads once loaded.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mstch/mstch.hpp>
#include <string>

#include "sijill/mustache/template_set.h"
#include "sijill/store/repository.h"

namespace sijill::site::internal {

class Theme {
 public:
  // `dir` holds <name>.mustache files and assets/; the repository's site/theme/ at `commit`
  // overrides file by file. Throws Error kNotFound when a template the site needs is missing,
  // Error kInvalid naming file:line for a template that does not parse (every template is
  // parsed here, once, and kept for the build).
  static Theme Load(const std::string& dir, const store::Repository& repository,
                    const std::string& commit);

  // Renders template `name` with `context`; every template is available as a partial. The
  // theme's strings in the context's "lang" ({{t.*}}, Strings) are looked up under it.
  std::string Render(const std::string& name, const mstch::node& context) const;
  // As above, appended to `out` (a large page reserves its size first).
  void Render(const std::string& name, const mstch::node& context, std::string& out) const;
  // A page: template `name` inside "layout" (which gets {{{content}}} and the page context).
  std::string RenderPage(const std::string& name, mstch::map context) const;

  const std::map<std::string, std::string>& assets() const { return assets_; }  // path -> bytes
  uint64_t key() const { return key_; }

 private:
  std::shared_ptr<const mustache::TemplateSet> templates_;  // shared by copies of the theme
  std::map<std::string, std::string> assets_;
  uint64_t key_ = 0;
};

}  // namespace sijill::site::internal
