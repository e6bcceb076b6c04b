#include <string>

#include "service/ui/pages_internal.h"

namespace sijill::service::ui {

std::string RenderLoginPage(const Chrome& chrome, const std::string& next,
                            const std::string& error) {
  // Only a local path may be the target after login (no open redirect to another site).
  bool local = next.starts_with("/") && !next.starts_with("//") && !next.starts_with("/\\");
  mstch::map context{
      {"action", Href(chrome, "/login")},
      {"next", local ? next : std::string("/")},
      {"error", error},
  };
  return RenderPage(chrome, "login", Text(chrome, "login"), std::move(context));
}

}  // namespace sijill::service::ui
