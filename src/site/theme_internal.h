// The templates and assets of the site: the project's theme (site/theme/), with any file of
// the repository's own site/theme/ (at the commit built) taking its place (issue 7 item 2).
// Thread-safety: Render may be called from several threads once loaded.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include <mstch/mstch.hpp>

#include "sijill/store/repository.h"

namespace sijill::site::internal {

// mstch's escape function is a process-wide global; the site sets its own (no "&#x2F;" in every
// link) for the time of one build and puts the previous one back, so the service's pages, which
// may share the process, keep theirs. Not for concurrent builds in one process.
class EscapeScope {
 public:
  EscapeScope();
  ~EscapeScope();
  EscapeScope(const EscapeScope&) = delete;
  EscapeScope& operator=(const EscapeScope&) = delete;

 private:
  std::function<std::string(const std::string&)> previous_;
};

class Theme {
 public:
  // `dir` holds <name>.mustache files and assets/; the repository's site/theme/ at `commit`
  // overrides file by file. Throws Error kNotFound when a template the site needs is missing.
  static Theme Load(const std::string& dir, const store::Repository& repository,
                    const std::string& commit);

  // Renders template `name` with `context`; every template is available as a partial.
  std::string Render(const std::string& name, const mstch::node& context) const;
  // A page: template `name` inside "layout" (which gets {{{content}}} and the page context).
  std::string RenderPage(const std::string& name, mstch::map context) const;

  const std::map<std::string, std::string>& assets() const { return assets_; }  // path -> bytes
  uint64_t key() const { return key_; }

 private:
  std::map<std::string, std::string> templates_;
  // The partials each template uses, directly or through another partial: mstch::render parses
  // every partial it is given, on every call, so giving it all the theme's templates parsed 15
  // templates per render instead of the one or two a page needs.
  std::map<std::string, std::map<std::string, std::string>> partials_;
  std::map<std::string, std::string> assets_;
  uint64_t key_ = 0;
};

}  // namespace sijill::site::internal
