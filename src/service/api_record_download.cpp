// GET /api/record?format=md|html|csv|docx: the consolidated record of HEAD (issue 6 item 1),
// as `sijill record --format NAME` writes it, for the dashboard's download links.
//
// The model is built from the service's shared snapshot (record/build.h), so a download costs
// no repository read, with the lineage from the search index as in `sijill record`; the bytes
// of each format are kept per commit, since the same commit always gives the same bytes and a
// dashboard's downloads repeat.
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "service/api_internal.h"
#include "sijill/record/build.h"
#include "sijill/record/formats.h"
#include "sijill/service/router.h"
#include "sijill/service/service.h"

namespace sijill::service {

namespace {

// The bytes of each format for the commit last asked about.
class RecordCache {
 public:
  std::string Get(Service& service, const record::Format& format) {
    std::shared_ptr<const records::Snapshot> snapshot = service.Snapshot();
    std::lock_guard lock(mutex_);
    if (commit_ != snapshot->commit) {
      commit_ = snapshot->commit;
      bytes_.clear();
      model_.reset();
    }
    auto found = bytes_.find(std::string(format.name));
    if (found != bytes_.end()) return found->second;
    if (!model_) {
      // Repeated recommendations marked as `sijill record` marks them in the record of HEAD.
      record::BuildOptions options;
      options.lineage = service.Lineage(*snapshot);
      model_ = std::make_unique<record::Consolidated>(record::BuildRecord(*snapshot, options));
      if (!snapshot->commit.empty())
        model_->as_of.date = record::CommitDate(service.repository().Describe(snapshot->commit));
    }
    std::ostringstream out;
    format.write(*model_, out);
    return bytes_[std::string(format.name)] = out.str();
  }

 private:
  std::mutex mutex_;
  std::string commit_ = "-";
  std::unique_ptr<record::Consolidated> model_;
  std::map<std::string, std::string> bytes_;
};

Response Download(Service& service, RecordCache& cache, const Request& request) {
  std::string name = request.Query("format", "md");
  const record::Format* format = record::FindFormat(name);
  if (!format)
    return Response::JsonError(400, "unknown format '" + name + "'; the formats are " +
                                        record::FormatNames());
  Response response;
  response.status = 200;
  response.content_type = std::string(format->media_type);
  response.body = cache.Get(service, *format);
  std::string commit = service.Snapshot()->commit;
  std::string file = "sijill-record" + std::string(format->extension);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  if (!commit.empty()) response.headers.emplace_back("ETag", api::QuoteEtag(commit + "-" + name));
  return response;
}

}  // namespace

void AddRecordDownloadRoutes(Router& router, Service& service) {
  auto cache = std::make_shared<RecordCache>();
  router.Add("GET", "/api/record", [&service, cache](Request& request) {
    return Download(service, *cache, request);
  });
}

}  // namespace sijill::service
