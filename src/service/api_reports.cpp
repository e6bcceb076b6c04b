// GET /api/reports, GET /api/reports/{slug} (DESIGN.md §5), from the snapshot of HEAD.
#include "service/api_internal.h"
#include "sijill/error.h"
#include "sijill/model/id.h"
#include "sijill/service/api_routes.h"
#include "sijill/text/slug.h"

namespace sijill::service {

namespace {

nlohmann::ordered_json Optional(const std::string& value) {
  return value.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(value);
}

nlohmann::ordered_json ReportSummary(const records::Snapshot& snapshot,
                                     const markdown::Document& document) {
  const model::FrontMatter& meta = document.report.meta;
  return {{"slug", document.report.slug},
          {"symbol", Optional(meta.symbol)},
          {"title", meta.title},
          {"type", meta.type},
          {"body", Optional(meta.body)},
          {"date", Optional(meta.date)},
          {"language", meta.language},
          {"session", Optional(meta.session)},
          {"paragraphs", document.paragraphs.size()},
          {"recommendations", snapshot.RecordsOf(meta.symbol).size()}};
}

nlohmann::ordered_json Paragraphs(const markdown::Document& document) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const markdown::Paragraph& paragraph : document.paragraphs)
    out.push_back({{"id", paragraph.id},
                   {"number", Optional(paragraph.number)},
                   {"part", markdown::PartName(paragraph.part)},
                   {"section", paragraph.section},
                   {"text", paragraph.text},
                   {"flagged", paragraph.flagged}});
  return out;
}

Response Report(Service& service, const Request& request) {
  const std::string& slug = request.params.at("slug");
  if (!text::IsValidSlug(slug))
    throw Error(Error::Kind::kInvalid, "invalid report slug '" + model::QuoteForMessage(slug) + "'");
  std::shared_ptr<const records::Snapshot> snapshot = service.Snapshot();
  const markdown::Document* document = snapshot->FindReport(slug);
  if (!document) throw Error(Error::Kind::kNotFound, "no report '" + slug + "'");
  nlohmann::ordered_json out = ReportSummary(*snapshot, *document);
  const model::FrontMatter& meta = document->report.meta;
  out["agenda_item"] = Optional(meta.agenda_item);
  out["source"] = Optional(meta.source);
  out["commit"] = snapshot->commit;
  out["paragraphs"] = Paragraphs(*document);
  nlohmann::ordered_json records = nlohmann::ordered_json::array();
  for (const model::Recommendation* record : snapshot->RecordsOf(meta.symbol))
    records.push_back({{"id", record->id}, {"status", record->status}});
  out["recommendations"] = records;
  Response response = api::JsonOk(out);
  auto blob = snapshot->blob_ids.find("corpus/" + slug + ".md");
  if (blob != snapshot->blob_ids.end())
    response.headers.emplace_back("ETag", api::QuoteEtag(blob->second));
  return response;
}

}  // namespace

void AddReportRoutes(Router& router, Service& service) {
  router.Add("GET", "/api/reports", [&service](Request&) {
    std::shared_ptr<const records::Snapshot> snapshot = service.Snapshot();
    nlohmann::ordered_json reports = nlohmann::ordered_json::array();
    for (const markdown::Document& document : snapshot->reports)
      reports.push_back(ReportSummary(*snapshot, document));
    return api::JsonOk({{"commit", snapshot->commit}, {"reports", reports}});
  });
  router.Add("GET", "/api/reports/{slug}",
             [&service](Request& request) { return Report(service, request); });
}

}  // namespace sijill::service
