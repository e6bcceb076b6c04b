// sijill index [--db PATH] [--rebuild] [--json]: build or catch up the search index.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/command.h"
#include "sijill/index/indexer.h"
#include "sijill/store/repository.h"

namespace sijill::cli {

int RunIndex(Context& context, const Args& args) {
  args.ExpectPositionals(0, 0, "");
  store::Repository repo = store::Repository::Open(context.repo);
  std::string db = context.db.empty() ? index::DefaultIndexPath(repo.root()) : context.db;
  if (context.db.empty()) index::EnsureStateDirIgnored(repo.root());
  index::IndexStats stats =
      index::UpdateIndex(repo, db, args.Flag("rebuild") ? index::Rebuild::kYes : index::Rebuild::kNo);
  for (const Problem& problem : stats.problems) context.err << problem.ToString() << "\n";
  if (args.Flag("json")) {
    nlohmann::ordered_json out = {
        {"db", db},           {"commit", stats.commit},     {"previous", stats.previous},
        {"rebuilt", stats.rebuilt}, {"reason", stats.reason}, {"files", stats.files},
        {"removed_files", stats.removed_files}, {"documents", stats.documents},
        {"total_documents", stats.total_documents}};
    context.out << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  std::string at = stats.commit.substr(0, 12);
  if (stats.rebuilt) {
    context.out << "built the index (" << stats.reason << "): " << stats.files << " files, "
                << stats.documents << " documents, at " << at << "\n";
  } else if (stats.previous == stats.commit) {
    context.out << "the index is up to date at " << at << " (" << stats.total_documents
                << " documents)\n";
  } else {
    context.out << "caught up from " << stats.previous.substr(0, 12) << " to " << at << ": "
                << stats.files << " files re-indexed (" << stats.documents << " documents), "
                << stats.removed_files << " removed; " << stats.total_documents
                << " documents in all\n";
  }
  return 0;
}

}  // namespace sijill::cli
