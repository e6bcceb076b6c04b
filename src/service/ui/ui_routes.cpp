// The web UI (issue 6 item 2): server-rendered pages over the same Service as the JSON API.
// Each group of pages has its own file; this one only lists them. The Router does the role
// and CSRF checks (router.h), so a page handler cannot forget them.
#include "sijill/service/ui_routes.h"

#include "service/ui/render_internal.h"
#include "service/ui/ui_routes_internal.h"

namespace sijill::service {

void AddUiRoutes(Router& router, Service& service) {
  ui::LoadTemplates();
  ui::AddChromePages(router, service);
  ui::AddSearchPages(router, service);
  ui::AddReportPages(router, service);
  ui::AddRecommendationPages(router, service);
  ui::AddDashboardPages(router, service);
  ui::AddBriefPages(router, service);
}

}  // namespace sijill::service
