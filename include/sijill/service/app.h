// The whole service as one function from Request to Response: the repository and index
// (Service), users and sessions (Auth) and every route (Router). The Poco server (server.h)
// calls Handle for each request; tests call it directly, without sockets.
//
// Handle: picks the UI language (?lang=en|ar, remembered in a cookie), decodes urlencoded form
// bodies, identifies the user (bearer token or session cookie; a bad token is a 401), routes,
// and adds the security headers every response carries (CSP without external sources, nosniff,
// no framing, same-origin referrers).
// Thread-safety: Handle may run concurrently once constructed.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "sijill/service/auth.h"
#include "sijill/service/http.h"
#include "sijill/service/router.h"
#include "sijill/service/service.h"

namespace sijill::service {

struct AppOptions {
  std::string repo_root;
  std::string db_path;     // "" = the repository's default index
  std::string users_path;  // "" = DefaultUsersPath(repo_root): <repo>/.sijill/users.yaml
  bool anonymous_read = true;  // false: every page but /login and /healthz needs a login
  std::function<void()> before_write;  // ServiceOptions::before_write
};

class App {
 public:
  explicit App(AppOptions options);

  Response Handle(Request& request);

  Service& service() { return *service_; }
  Auth& auth() { return *auth_; }
  Router& router() { return router_; }

 private:
  std::unique_ptr<Service> service_;
  std::unique_ptr<Auth> auth_;
  Router router_;
};

}  // namespace sijill::service
