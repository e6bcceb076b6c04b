// GET /reports/{slug}: a report with its paragraph anchors and links to its records.
#include "service/ui/ui_routes_internal.h"
#include "sijill/error.h"

namespace sijill::service::ui {

namespace {

Response ReportPage(const Request& request, Service& service) {
  std::string slug = SlugParam(request);
  std::shared_ptr<const records::Snapshot> snapshot = service.Snapshot();
  const markdown::Document* document = snapshot->FindReport(slug);
  if (!document) throw Error(Error::Kind::kNotFound, "no report '" + slug + "'");
  // The snapshot outlives the render: the record pointers stay valid.
  std::vector<const model::Recommendation*> records =
      snapshot->RecordsOf(document->report.meta.symbol);
  return HtmlPage(RenderReportPage(ChromeFor(request, service), *document, records));
}

}  // namespace

void AddReportPages(Router& router, Service& service) {
  router.Add("GET", "/reports/{slug}",
             [&service](Request& request) { return ReportPage(request, service); });
}

}  // namespace sijill::service::ui
