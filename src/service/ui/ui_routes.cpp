// Placeholder until the `ui` helper lands the web pages: no UI routes yet, so every page but
// the JSON API, /healthz and the login form is a 404. The ui helper replaces this file.
#include "sijill/service/ui_routes.h"

namespace sijill::service {

void AddUiRoutes(Router&, Service&) {}

}  // namespace sijill::service
