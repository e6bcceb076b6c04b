#include <map>
#include <ostream>

#include "cli/common.h"
#include "sijill/model/id.h"
#include "sijill/model/record_yaml.h"

namespace sijill::cli {

namespace {

using Counts = std::map<std::string, int>;

void PrintCounts(const Context& context, const char* title, const Counts& counts) {
  context.out << title << ":\n";
  for (const auto& [value, count] : counts)
    context.out << "  " << value << std::string(value.size() < 22 ? 22 - value.size() : 1, ' ')
                << count << "\n";
}

}  // namespace

int RunSummary(Context& context, const Args& args) {
  args.ExpectPositionals(0, 0, "");
  store::Repository repository = OpenRepository(context);
  Counts by_status, by_addressee, by_topic, by_source;
  int total = 0;
  for (const store::TreeEntry& entry : repository.ListFiles("recommendations")) {
    if (!model::RecordIdFromPath(entry.path)) continue;
    std::optional<std::string> text = repository.ReadFile(entry.path);
    if (!text) continue;
    model::Recommendation record = model::ParseRecord(entry.path, *text).record;
    ++total;
    ++by_status[record.status];
    ++by_source[record.source.symbol];
    for (const std::string& addressee : record.addressees) ++by_addressee[addressee];
    for (const std::string& topic : record.topics) ++by_topic[topic];
  }
  if (args.Flag("json")) {
    PrintJson(context, {{"total", total},
                        {"status", by_status},
                        {"addressee", by_addressee},
                        {"topic", by_topic},
                        {"source", by_source}});
    return 0;
  }
  context.out << total << " recommendations\n\n";
  PrintCounts(context, "by status", by_status);
  PrintCounts(context, "by source", by_source);
  PrintCounts(context, "by addressee", by_addressee);
  PrintCounts(context, "by topic", by_topic);
  return 0;
}

}  // namespace sijill::cli
