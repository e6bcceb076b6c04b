// GET /recommendations/{id}: the record, its history timeline from git and, for the
// secretariat, the follow-up form with evidence suggestions (index/suggest.h).
// POST /recommendations/{id}/followup: that form. The Router has already checked the role
// (secretariat or admin) and the CSRF token; the form's hidden ETag is the If-Match of the
// write, so a form left open while someone else recorded follow-up is refused (412) with a
// banner, the record as it now is, and everything that was typed kept in the form.
// On success: 303 to the record page (post/redirect/get), whose history shows the new commit.
#include <sstream>

#include "service/api_internal.h"
#include "service/ui/commit_cache_internal.h"
#include "service/ui/ui_routes_internal.h"
#include "sijill/error.h"
#include "sijill/model/id.h"

namespace sijill::service::ui {

namespace {

constexpr size_t kSuggestions = 5;

// The suggestion's snippet is HTML (escaped text with <mark>); the form shows it as text.
std::string PlainText(const std::string& html) {
  std::string text;
  for (size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      size_t end = html.find('>', i);
      i = end == std::string::npos ? html.size() : end + 1;
      continue;
    }
    if (html[i] == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''},
          {"&apos;", '\''}};
      bool done = false;
      for (const auto& [entity, c] : kEntities) {
        if (std::string_view(html).substr(i, entity.size()) == entity) {
          text.push_back(c);
          i += entity.size();
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    text.push_back(html[i++]);
  }
  return text;
}

std::vector<EvidenceSuggestion> Suggestions(Service& service, const std::string& id) {
  std::vector<EvidenceSuggestion> out;
  try {
    for (const index::Suggestion& suggestion : service.Suggest(id, kSuggestions)) {
      std::string evidence = index::EvidenceFor(suggestion);
      if (evidence.empty()) continue;  // a document without a symbol cannot be cited
      out.push_back({evidence, PlainText(suggestion.snippet), suggestion.score});
    }
  } catch (const Error& error) {
    // A record the index does not know yet has no suggestions; the form works without them.
    if (error.kind() != Error::Kind::kNotFound) throw;
  }
  return out;
}

using HistoryCache = CommitCache<std::vector<records::HistoryEntry>>;

// The history of `id` at the snapshot's commit: walking git is the dearest part of the page.
std::vector<records::HistoryEntry> HistoryOf(Service& service, HistoryCache& cache,
                                             const std::string& commit, const std::string& id) {
  if (std::optional<std::vector<records::HistoryEntry>> cached = cache.Get(commit, id))
    return *cached;
  std::vector<records::HistoryEntry> history = service.History(id);
  cache.Put(commit, id, history);
  return history;
}

RecommendationPageData PageData(Service& service, HistoryCache& cache, const Chrome& chrome,
                                const std::string& id) {
  RecommendationPageData data;
  std::shared_ptr<const records::Snapshot> snapshot = service.Snapshot();
  data.record = api::LoadForReading(service, id);
  data.history = HistoryOf(service, cache, snapshot->commit, id);
  data.settings = &service.settings();
  if (const markdown::Document* report =
          snapshot->FindReportBySymbol(data.record.record.source.symbol))
    data.report_title = report->report.meta.title;
  if (chrome.can_follow_up) data.suggestions = Suggestions(service, id);
  return data;
}

Response RecommendationPage(const Request& request, Service& service, HistoryCache& cache) {
  std::string id = RecordIdParam(request);
  Chrome chrome = ChromeFor(request, service);
  return HtmlPage(RenderRecommendationPage(chrome, PageData(service, cache, chrome, id)));
}

FollowUpForm FormFrom(const Request& request) {
  FollowUpForm form;
  form.status = request.Form("status");
  form.note = request.Form("note");
  form.evidence = request.Form("evidence");
  auto [first, last] = request.form.equal_range("evidence_pick");
  for (auto it = first; it != last; ++it) form.confirmed.push_back(it->second);
  return form;
}

// The ticked suggestions and the lines of the evidence field; kInvalid names a bad line.
std::vector<model::Evidence> EvidenceOf(const FollowUpForm& form) {
  std::vector<std::string> lines = form.confirmed;
  std::istringstream typed(form.evidence);
  for (std::string line; std::getline(typed, line);) {
    size_t begin = line.find_first_not_of(" \t\r");
    size_t end = line.find_last_not_of(" \t\r");
    if (begin != std::string::npos) lines.push_back(line.substr(begin, end - begin + 1));
  }
  std::vector<model::Evidence> evidence;
  for (const std::string& line : lines) {
    std::optional<model::Evidence> piece = model::ParseEvidence(line);
    if (!piece)
      throw Error(Error::Kind::kInvalid,
                  "evidence must be SYMBOL#pN, SYMBOL#annex.pN or an http(s) URL, not '" +
                      model::QuoteForMessage(line) + "'");
    evidence.push_back(*piece);
  }
  return evidence;
}

// The page again, as it now is, with a banner and the typed form.
Response RefusedPage(Service& service, HistoryCache& cache, const Chrome& chrome,
                     const std::string& id, FollowUpForm form, int status, std::string title,
                     std::string why) {
  RecommendationPageData data = PageData(service, cache, chrome, id);
  data.form = std::move(form);
  data.error_title = std::move(title);
  data.error = std::move(why);
  return HtmlPage(RenderRecommendationPage(chrome, data), status);
}

Response PostFollowUp(Request& request, Service& service, HistoryCache& cache) {
  std::string id = RecordIdParam(request);
  Chrome chrome = ChromeFor(request, service);
  FollowUpForm form = FormFrom(request);
  records::FollowUpRequest followup;
  followup.status = form.status;
  followup.note = form.note;
  try {
    followup.evidence = EvidenceOf(form);
    // The ETag the page was rendered with: without it the write could undo someone's update.
    std::string if_match = request.Form("if_match");
    if (if_match.empty())
      throw Error(Error::Kind::kConflict, "the form did not say which version it was made from");
    followup.if_match = if_match;
    service.AddFollowUp(id, followup, *request.user);
  } catch (const Error& error) {
    if (error.kind() == Error::Kind::kConflict)
      return RefusedPage(
          service, cache, chrome, id, std::move(form), 412,
          Say(chrome, "حدّث شخص آخر هذه التوصية", "Someone else updated this recommendation"),
          Say(chrome,
              "لم يُحفظ شيء. السجل أدناه كما هو الآن، وما كتبته محفوظ في النموذج: راجعه ثم أرسله من جديد.",
              "Nothing was saved. The record below is as it is now and what you typed is kept "
              "in the form: check it and send it again."));
    if (error.kind() == Error::Kind::kInvalid || error.kind() == Error::Kind::kUsage)
      return RefusedPage(service, cache, chrome, id, std::move(form), 400,
                         Say(chrome, "لم تُحفظ المتابعة", "The follow-up was not saved"),
                         error.what());
    throw;
  }
  return Response::Redirect(RecommendationHref(chrome, id));
}

}  // namespace

void AddRecommendationPages(Router& router, Service& service) {
  auto cache = std::make_shared<HistoryCache>();
  router.Add("GET", "/recommendations/{id}", [&service, cache](Request& request) {
    return RecommendationPage(request, service, *cache);
  });
  router.Add(
      "POST", "/recommendations/{id}/followup",
      [&service, cache](Request& request) { return PostFollowUp(request, service, *cache); },
      {.role = Role::kSecretariat, .csrf = true});
}

}  // namespace sijill::service::ui
