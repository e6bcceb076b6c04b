// GET /record: the dashboard — status counts as an SVG chart, the reports, and the
// consolidated record's downloads (GET /api/record?format=…).
#include "service/ui/ui_routes_internal.h"

namespace sijill::service::ui {

void AddDashboardPages(Router& router, Service& service) {
  router.Add("GET", "/record", [&service](Request& request) {
    std::shared_ptr<const records::Snapshot> snapshot = service.Snapshot();
    return HtmlPage(RenderDashboardPage(ChromeFor(request, service), *snapshot));
  });
}

}  // namespace sijill::service::ui
