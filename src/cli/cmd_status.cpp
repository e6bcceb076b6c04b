#include <ostream>

#include "cli/common.h"
#include "sijill/error.h"
#include "sijill/model/record_json.h"
#include "sijill/records/record_store.h"

namespace sijill::cli {

int RunStatus(Context& context, const Args& args) {
  args.ExpectPositionals(2, 2, "record ID and STATUS");
  const std::string& id = args.positionals()[0];
  store::Repository repository = OpenRepository(context);
  records::FollowUpRequest request;
  request.status = args.positionals()[1];
  request.note = args.Value("note").value_or("");
  request.date = args.Value("date").value_or("");
  for (const std::string& text : args.Values("evidence")) {
    std::optional<model::Evidence> evidence = model::ParseEvidence(text);
    if (!evidence)
      throw Error(Error::Kind::kUsage,
                  "--evidence must be SYMBOL#pN, SYMBOL#annex.pN or an http(s) URL, not '" + text +
                      "'");
    request.evidence.push_back(*evidence);
  }
  request.author = ResolveAuthor(repository, args.Value("author"));
  records::RecordStore store(repository);
  records::LoadedRecord updated = store.AddFollowUp(id, request);
  if (args.Flag("json")) {
    nlohmann::ordered_json document = model::ToJson(updated.record);
    document["etag"] = updated.etag;
    document["commit"] = updated.commit;
    PrintJson(context, document);
  } else {
    context.out << id << ": " << updated.record.status << " (commit "
                << updated.commit.substr(0, 12) << ")\n";
  }
  return 0;
}

}  // namespace sijill::cli
