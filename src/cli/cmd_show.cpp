#include <ostream>

#include "cli/common.h"
#include "sijill/model/record_json.h"
#include "sijill/records/record_store.h"

namespace sijill::cli {

namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void PrintRecord(const Context& context, const records::LoadedRecord& loaded) {
  const model::Recommendation& r = loaded.record;
  std::ostream& out = context.out;
  out << r.id << "  [" << r.status << "]\n"
      << "source:     " << r.source.symbol << " ¶" << r.source.paragraph << "\n";
  if (!r.source.section.empty()) out << "section:    " << Isolate(r.source.section) << "\n";
  out << "adopted:    " << r.adopted << "\n"
      << "addressees: " << Join(r.addressees) << "\n"
      << "modality:   " << r.modality << "\n"
      << "topics:     " << Join(r.topics) << "\n\n"
      << Isolate(r.text) << "\n";
  if (r.followup.empty()) return;
  out << "\nfollow-up:\n";
  for (const model::FollowUp& entry : r.followup) {
    out << "  " << entry.date << "  " << entry.status << "  " << entry.by << "\n";
    if (!entry.note.empty()) out << "      " << Isolate(entry.note) << "\n";
    for (const model::Evidence& evidence : entry.evidence)
      out << "      evidence: " << evidence.ToString() << "\n";
  }
}

}  // namespace

int RunShow(Context& context, const Args& args) {
  args.ExpectPositionals(1, 1, "record ID");
  store::Repository repository = OpenRepository(context);
  records::RecordStore store(repository);
  records::LoadedRecord loaded =
      store.Load(args.positionals()[0], args.Value("at").value_or("HEAD"));
  if (args.Flag("json")) {
    nlohmann::ordered_json document = model::ToJson(loaded.record);
    document["etag"] = loaded.etag;
    document["commit"] = loaded.commit;
    PrintJson(context, document);
  } else {
    PrintRecord(context, loaded);
  }
  return 0;
}

}  // namespace sijill::cli
