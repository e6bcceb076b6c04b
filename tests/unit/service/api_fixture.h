// A records repository with users, and an App over it, for handler tests without sockets.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "sijill/service/app.h"
#include "sijill/service/users.h"
#include "support/test_repo.h"

namespace sijill::service::testing {

inline const char* kApiFiles = R"(
-- sijill.yaml --
title: test
-- corpus/ctoc-cop-wg.4-2013-5.md --
---
symbol: CTOC/COP/WG.4/2013/5
title: Report of the working group
type: report
body: Working Group on Trafficking in Persons
date: 2013-11-08
language: en
---

1. States parties should regulate recruitment agencies.

2. States parties are encouraged to share data on trafficking.
-- recommendations/ctoc-cop-wg.4-2013-5/p1.yaml --
id: ctoc-cop-wg.4-2013-5.p1
source:
  symbol: CTOC/COP/WG.4/2013/5
  paragraph: "1"
text: |
  States parties should regulate recruitment agencies.
language: en
adopted: 2013-11-08
addressees:
  - states-parties
modality: should
topics:
  - demand
status: open
followup: []
-- recommendations/ctoc-cop-wg.4-2013-5/p2.yaml --
id: ctoc-cop-wg.4-2013-5.p2
source:
  symbol: CTOC/COP/WG.4/2013/5
  paragraph: "2"
text: |
  States parties are encouraged to share data on trafficking.
language: en
adopted: 2013-11-08
addressees:
  - states-parties
modality: encouraged
topics:
  - general
status: open
followup: []
-- briefs/consent.md --
---
title: Consent in trafficking cases
agency: UNODC
authors: [ICAT]
date: 2026-01-02
language: en
status: published
---

Consent is irrelevant.
-- briefs/draft-note.md --
---
title: A draft
date: 2026-02-01
language: en
status: draft
---

Not yet.
)";

inline constexpr const char* kP1 = "ctoc-cop-wg.4-2013-5.p1";
inline constexpr const char* kP2 = "ctoc-cop-wg.4-2013-5.p2";
// Few KDF rounds keep the tests fast; the count is stored with each hash.
inline constexpr int kFastKdf = 1000;

struct Call {
  std::string method = "GET";
  std::string target;  // path?query
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string token;                            // bearer token
  std::string client = "127.0.0.1";
};

class ApiFixture {
 public:
  explicit ApiFixture(const char* files = kApiFiles, bool anonymous_read = true)
      : repo_(sijill::testing::TestRepo::FromText(files)) {
    users_path_ = repo_.root() + "/.sijill/users.yaml";
    UserStore users = UserStore::Load(users_path_);
    users.Add("rana", Role::kReader, "reader-pass", "", kFastKdf);
    users.Add("amina", Role::kSecretariat, "secretariat-pass", "amina@example.org", kFastKdf);
    users.Add("omar", Role::kIcat, "icat-pass", "omar@example.org", kFastKdf);
    users.Add("root", Role::kAdmin, "admin-pass", "", kFastKdf);
    reader_token = users.AddToken("rana");
    secretariat_token = users.AddToken("amina");
    icat_token = users.AddToken("omar");
    admin_token = users.AddToken("root");
    users.Save();
    app_ = std::make_unique<App>(AppOptions{repo_.root(), "", users_path_, anonymous_read});
  }

  Response Send(const Call& call) {
    Request request;
    request.method = call.method;
    size_t question = call.target.find('?');
    request.path = PercentDecode(call.target.substr(0, question), false);
    if (question != std::string::npos)
      request.query = ParseUrlEncoded(call.target.substr(question + 1));
    request.headers = call.headers;
    if (!call.token.empty()) request.headers["authorization"] = "Bearer " + call.token;
    if (!call.body.empty() && !request.headers.count("content-type"))
      request.headers["content-type"] = "application/json";
    request.body = call.body;
    request.client = call.client;
    return app_->Handle(request);
  }
  Response Get(const std::string& target, const std::string& token = "") {
    return Send({.target = target, .token = token});
  }

  App& app() { return *app_; }
  sijill::testing::TestRepo& repo() { return repo_; }
  std::string Git(const std::string& args) { return repo_.Git(args); }

  std::string reader_token, secretariat_token, icat_token, admin_token;

 private:
  sijill::testing::TestRepo repo_;
  std::string users_path_;
  std::unique_ptr<App> app_;
};

}  // namespace sijill::service::testing
