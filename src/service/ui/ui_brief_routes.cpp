// ICAT briefs (issue 6 item 2, the writing side): GET /briefs, GET /briefs/{slug} for readers
// (drafts only for icat and admin), and the editor for the icat role:
//   GET  /briefs/new, POST /briefs/new              a new brief
//   GET  /briefs/{slug}/edit, POST /briefs/{slug}/edit
// The editor's buttons post action=preview (render, save nothing), draft or publish (one git
// commit authored by the logged-in user, Service::SaveBrief). The hidden if_match is the
// brief's ETag when the editor was opened: a brief changed meanwhile is refused (412) with a
// banner and the typed text kept. The Router checks the role and the CSRF token.
#include <sstream>

#include "service/ui/ui_routes_internal.h"
#include "sijill/error.h"
#include "sijill/text/slug.h"

namespace sijill::service::ui {

namespace {

bool SeesDrafts(const Request& request) { return RoleAllows(request.role(), Role::kIcat); }

std::string BriefHref(const Chrome& chrome, const std::string& slug) {
  return Href(chrome, "/briefs/" + UrlEncode(slug));
}

Response BriefList(const Request& request, Service& service) {
  Chrome chrome = ChromeFor(request, service);
  return HtmlPage(RenderBriefListPage(chrome, service.Snapshot()->briefs));
}

// A brief the viewer may see; a draft is not acknowledged to exist for the others.
LoadedBrief VisibleBrief(const Request& request, Service& service, const std::string& slug) {
  std::optional<LoadedBrief> loaded = service.LoadBrief(slug);
  if (!loaded || (!loaded->brief.Published() && !SeesDrafts(request)))
    throw Error(Error::Kind::kNotFound, "no brief '" + slug + "'");
  return *loaded;
}

Response BriefPage(const Request& request, Service& service) {
  std::string slug = SlugParam(request);
  return HtmlPage(
      RenderBriefPage(ChromeFor(request, service), VisibleBrief(request, service, slug).brief));
}

Response EditorPage(const Request& request, Service& service) {
  BriefEditorData data;
  if (request.params.count("slug")) {
    LoadedBrief loaded = VisibleBrief(request, service, SlugParam(request));
    data.brief = loaded.brief;
    data.etag = loaded.etag;
    data.is_new = false;
  }
  return HtmlPage(RenderBriefEditorPage(ChromeFor(request, service), data));
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    size_t begin = line.find_first_not_of(" \t\r");
    size_t end = line.find_last_not_of(" \t\r");
    if (begin != std::string::npos) lines.push_back(line.substr(begin, end - begin + 1));
  }
  return lines;
}

// Browsers send textarea line ends as CRLF; the file keeps LF.
std::string UnixLines(std::string text) {
  std::string out;
  for (char c : text)
    if (c != '\r') out.push_back(c);
  return out;
}

model::Brief BriefFrom(const Request& request, const std::string& slug) {
  model::Brief brief;
  brief.slug = slug;
  brief.title = request.Form("title");
  brief.agency = request.Form("agency");
  brief.authors = Lines(request.Form("authors"));
  brief.date = request.Form("date");
  brief.language = request.Form("language", "ar");
  brief.body = UnixLines(request.Form("body"));
  return brief;
}

Response PostEditor(Request& request, Service& service) {
  Chrome chrome = ChromeFor(request, service);
  BriefEditorData data;
  data.is_new = !request.params.count("slug");
  std::string slug = data.is_new ? request.Form("slug") : SlugParam(request);
  data.brief = BriefFrom(request, slug);
  data.etag = data.is_new ? "" : request.Form("if_match");
  std::string action = request.Form("action", "preview");
  // The status the editor had, until this post changes it.
  if (!data.is_new) {
    if (std::optional<LoadedBrief> current = service.LoadBrief(slug))
      data.brief.status = current->brief.status;
  }
  auto refuse = [&](int status, std::string title, std::string why) {
    data.preview = true;
    data.error_title = std::move(title);
    data.error = std::move(why);
    return HtmlPage(RenderBriefEditorPage(chrome, data), status);
  };
  if (action == "preview") {
    data.preview = true;
    return HtmlPage(RenderBriefEditorPage(chrome, data));
  }
  if (action != "draft" && action != "publish")
    return refuse(400, Say(chrome, "لم يُحفظ الموجز", "The brief was not saved"),
                  "unknown action '" + action + "'");
  // "new" names the editor itself, so no brief may take it.
  if (!text::IsValidSlug(slug) || slug == "new")
    return refuse(400, Say(chrome, "لم يُحفظ الموجز", "The brief was not saved"),
                  Say(chrome, "المعرّف (slug) يتكوّن من حروف لاتينية صغيرة وأرقام و- و. فقط.",
                      "The slug may contain only a-z, 0-9, '-' and '.'."));
  if (!data.is_new && data.etag.empty())
    return refuse(412, Say(chrome, "حدّث شخص آخر هذا الموجز", "Someone else updated this brief"),
                  Say(chrome, "النموذج لا يذكر النسخة التي بُني عليها.",
                      "The form did not say which version it was made from."));
  if (data.is_new && service.LoadBrief(slug))
    return refuse(409, Say(chrome, "يوجد موجز بهذا المعرّف", "A brief with this slug exists"),
                  Say(chrome, "اختر معرّفاً آخر، أو عدّل الموجز الموجود.",
                      "Choose another slug, or edit the existing brief."));
  data.brief.status = action == "publish" ? "published" : "draft";
  try {
    service.SaveBrief(data.brief, data.etag, *request.user);
  } catch (const Error& error) {
    if (error.kind() == Error::Kind::kConflict)
      return refuse(412,
                    Say(chrome, "حدّث شخص آخر هذا الموجز", "Someone else updated this brief"),
                    Say(chrome, "لم يُحفظ شيء، وما كتبته محفوظ أدناه. ",
                        "Nothing was saved; what you typed is kept below. ") +
                        error.what());
    if (error.kind() == Error::Kind::kInvalid || error.kind() == Error::Kind::kNotFound)
      return refuse(400, Say(chrome, "لم يُحفظ الموجز", "The brief was not saved"), error.what());
    throw;
  }
  return Response::Redirect(BriefHref(chrome, slug));
}

}  // namespace

void AddBriefPages(Router& router, Service& service) {
  RouteOptions icat{.role = Role::kIcat};
  RouteOptions icat_form{.role = Role::kIcat, .csrf = true};
  router.Add("GET", "/briefs", [&service](Request& request) { return BriefList(request, service); });
  // Before /briefs/{slug}: the first matching route wins.
  router.Add(
      "GET", "/briefs/new", [&service](Request& request) { return EditorPage(request, service); },
      icat);
  router.Add(
      "POST", "/briefs/new", [&service](Request& request) { return PostEditor(request, service); },
      icat_form);
  router.Add("GET", "/briefs/{slug}",
             [&service](Request& request) { return BriefPage(request, service); });
  router.Add(
      "GET", "/briefs/{slug}/edit",
      [&service](Request& request) { return EditorPage(request, service); }, icat);
  router.Add(
      "POST", "/briefs/{slug}/edit",
      [&service](Request& request) { return PostEditor(request, service); }, icat_form);
}

}  // namespace sijill::service::ui
