#include <ostream>

#include "cli/common.h"
#include "sijill/records/history_json.h"
#include "sijill/records/record_store.h"

namespace sijill::cli {

int RunHistory(Context& context, const Args& args) {
  args.ExpectPositionals(1, 1, "record ID");
  const std::string& id = args.positionals()[0];
  store::Repository repository = OpenRepository(context);
  records::RecordStore store(repository);
  std::vector<records::HistoryEntry> history = store.History(id);
  if (args.Flag("json")) {
    PrintJson(context, records::HistoryToJson(id, history));
    return 0;
  }
  for (const records::HistoryEntry& entry : history) {
    context.out << entry.commit.id.substr(0, 12) << "  " << FormatTime(entry.commit.time) << "  "
                << entry.commit.author_name << " <" << entry.commit.author_email << ">  "
                << entry.change;
    if (entry.status_before != entry.status_after && !entry.status_before.empty())
      context.out << "  " << entry.status_before << " -> " << entry.status_after;
    else if (!entry.status_after.empty())
      context.out << "  [" << entry.status_after << "]";
    context.out << "\n";
    if (entry.followup && !entry.followup->note.empty())
      context.out << "    " << Isolate(entry.followup->note) << "\n";
  }
  return 0;
}

}  // namespace sijill::cli
