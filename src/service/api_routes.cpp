#include "sijill/service/api_routes.h"

#include "service/api_internal.h"

namespace sijill::service {

void AddApiRoutes(Router& router, Service& service) {
  AddSearchRoutes(router, service);
  AddRecordRoutes(router, service);
  AddReportRoutes(router, service);
  AddBriefRoutes(router, service);
  AddRecordDownloadRoutes(router, service);
}

}  // namespace sijill::service
