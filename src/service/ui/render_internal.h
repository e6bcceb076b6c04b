// The plumbing every page of the web UI shares: who is looking (Chrome), the interface
// language, links that keep that language, and rendering a Mustache template of site/ui/
// (embedded in the binary) inside the page layout.
//
// Escaping rule (issue 6, hostile input): templates print values with {{var}}, which the
// template engine (sijill/mustache/template_set.h) HTML-escapes as mstch did. Only two kinds of
// value are printed raw with {{{var}}}: a search snippet (index::SearchHit::snippet, escaped by the
// searcher, with <mark>) and Markdown rendered by markdown::RenderHtml (no raw HTML, no javascript:
// links) — plus the layout's {{{content}}}, which is the output of a page template rendered under
// the same rule. Stateless apart from the embedded files and their templates, parsed once
// (LoadTemplates); safe to call from several threads.
#pragma once

#include <mstch/mstch.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sijill/model/settings.h"

namespace sijill::service::ui {

// The generated source of cmake/embed_files.cmake: file name under site/ui → contents.
const std::map<std::string_view, std::string_view>& EmbeddedFiles();

// The viewer and the request, as far as the pages need them (filled from service::Request).
struct Chrome {
  std::string lang = "ar";       // interface language: "ar" (RTL, default) or "en" (LTR)
  std::string path = "/";        // the current path, for the language switch and login's `next`
  std::string user;              // display name; empty when anonymous
  std::string role;              // "reader", "secretariat", "icat", "admin"; empty when anonymous
  bool can_follow_up = false;    // may record follow-up (secretariat and above)
  bool can_edit_briefs = false;  // may write briefs (icat and above)
  std::string csrf_token;        // this session's token, embedded in every form
  std::string site_title;        // sijill.yaml title
  bool English() const { return lang == "en"; }
};

// A query parameter list, kept in order (facet links add and remove single pairs).
using Params = std::vector<std::pair<std::string, std::string>>;

// The form field that carries the CSRF token (checked by the service's Router).
inline constexpr std::string_view kCsrfField = "csrf";

// Percent-encodes a query component (UTF-8 bytes outside the unreserved set).
std::string UrlEncode(std::string_view text);

// An internal link: `path` plus `params`, with lang=en appended for the English interface so
// that the interface language survives every click without JavaScript or cookies.
std::string Href(const Chrome& chrome, std::string_view path, const Params& params = {});

// True for an absolute http(s) URL without spaces or control characters: the only URLs from
// the data (evidence links) that become an href; anything else (javascript:, data:, relative
// paths) is shown as text.
bool IsSafeExternalUrl(std::string_view url);

// The interface strings of the chrome's language as the context {"t": {key: text}}, for
// {{t.key}} in templates: built once per language, shared by all requests (thread-safe: never
// changed after it is built).
const mstch::node& Strings(const Chrome& chrome);
// One of them, for C++ code (page titles, messages); the key itself when unknown.
std::string Text(const Chrome& chrome, std::string_view key);
// The label of a controlled value in the interface language; the id itself when there is
// none. Categories: status, modality, facet (a filter key), kind, type, language.
std::string ValueLabel(const Chrome& chrome, std::string_view category, std::string_view id);
std::string StatusLabel(const Chrome& chrome, std::string_view status);
std::string ModalityLabel(const Chrome& chrome, std::string_view modality);
std::string FacetLabel(const Chrome& chrome, std::string_view facet);
std::string KindLabel(const Chrome& chrome, std::string_view kind);
// An addressee's or topic's label from sijill.yaml in the interface language; the id when
// the settings have no label for it.
std::string SettingLabel(const Chrome& chrome, const model::Label* label, std::string_view id);
// "rtl" for a right-to-left language (ar, fa, ur, he), "ltr" otherwise: the dir of a text
// whose language may differ from the interface's.
std::string TextDirection(std::string_view language);
// "2026-11-23 14:05" in UTC, for the history timeline.
std::string FormatTime(long long seconds_since_epoch);

// Renders site/ui/<name>.mustache with `context` (plus {{t.*}}, {{lang}}, {{dir}} and the
// chrome's links), then wraps it in site/ui/layout.mustache with `title`.
std::string RenderPage(const Chrome& chrome, std::string_view name, const std::string& title,
                       mstch::map context);

// Parses the templates of site/ui now, if not yet done: AddUiRoutes calls it, so that a template
// error (Error kInvalid naming file:line) stops the server when it starts.
void LoadTemplates();

// Renders site/ui/<name>.mustache alone (a fragment such as record_link).
std::string RenderTemplate(std::string_view name, const mstch::node& context);

// One embedded file (e.g. "sijill.css"); throws Error kNotFound when absent.
std::string_view EmbeddedFile(std::string_view name);

}  // namespace sijill::service::ui
