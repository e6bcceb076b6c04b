// The web UI pages (issue 6 item 2), implemented by the `ui` helper in src/service/ui/.
// App calls AddUiRoutes once, BEFORE adding the API and login routes: the first route that
// matches wins, so a UI page may replace the service's minimal GET /login form.
#pragma once

#include "sijill/service/router.h"
#include "sijill/service/service.h"

namespace sijill::service {

void AddUiRoutes(Router& router, Service& service);

}  // namespace sijill::service
