// `sijill extract [--author "Name <mail>"] [--json]` (DESIGN.md §4, issue #3 item 3): reads the
// reports at HEAD, extracts their recommendations and commits the record files in one commit.
// Idempotent: a new record is written whole; an existing one whose paragraph was corrected gets
// the new `text:` and the addressees and modality read from it (model::UpdateExtracted), so its
// status and follow-up history stay; a record whose text is unchanged is left alone (hand edits
// of its fields survive); nothing changed, no commit.
#include <ostream>

#include "cli/command.h"
#include "cli/common.h"
#include "sijill/error.h"
#include "sijill/ingest/extract.h"
#include "sijill/markdown/parse.h"
#include "sijill/model/id.h"
#include "sijill/model/record_edit.h"
#include "sijill/model/record_yaml.h"
#include "sijill/store/repository.h"

namespace sijill::cli {

namespace {

struct Summary {
  size_t created = 0;
  size_t updated = 0;
  size_t unchanged = 0;
  Problems problems;
  store::ChangeSet changes;
};

bool IsReport(const std::string& path) {
  return path.rfind("corpus/", 0) == 0 && path.size() > 10 &&
         path.compare(path.size() - 3, 3, ".md") == 0 &&
         path.find('/', 7) == std::string::npos;
}

// ⚑ "A recommendation record has the id of the paragraph it comes from. Ids never change once
// published": the file is found by id, so a re-run updates it and never adds a second one.
void AddRecord(const store::Repository& repository, const model::Recommendation& record,
               Summary& summary) {
  std::string path = model::ParseRecordId(record.id).Path();
  std::optional<std::string> existing = repository.ReadFile(path);
  if (!existing) {
    summary.changes.files.push_back({path, model::WriteRecord(record)});
    ++summary.created;
    return;
  }
  model::ParsedRecord parsed = model::ParseRecord(path, *existing);
  if (parsed.parsed && parsed.record.text == record.text) {
    ++summary.unchanged;
    return;
  }
  summary.changes.files.push_back({path, model::UpdateExtracted(*existing, record)});
  ++summary.updated;
}

Summary Extract(const store::Repository& repository) {
  Summary summary;
  summary.changes.base = repository.Head();
  if (summary.changes.base.empty()) return summary;
  for (const store::TreeEntry& entry : repository.ListFiles("corpus")) {
    if (!IsReport(entry.path)) continue;
    std::optional<std::string> text = repository.ReadFile(entry.path, summary.changes.base);
    if (!text) continue;
    markdown::ParseResult parsed = markdown::ParseReport(entry.path, *text);
    ingest::Extraction extraction = ingest::ExtractRecommendations(parsed.document, entry.path);
    for (Problem& problem : extraction.problems) summary.problems.push_back(std::move(problem));
    for (const ingest::ExtractedRecord& extracted : extraction.records)
      AddRecord(repository, extracted.record, summary);
  }
  return summary;
}

std::string Message(const Summary& summary) {
  return "extract: " + std::to_string(summary.created) + " created, " +
         std::to_string(summary.updated) + " updated\n\nRecords extracted by `sijill extract` "
         "from the reports at " + summary.changes.base.substr(0, 12) + ".\n";
}

}  // namespace

int RunExtract(Context& context, const Args& args) {
  args.ExpectPositionals(0, 0, "no arguments");
  store::Repository repository = OpenRepository(context);
  Summary summary = Extract(repository);
  std::string commit;
  if (!summary.changes.files.empty()) {
    store::Signature author = ResolveAuthor(repository, args.Value("author"));
    commit = repository.Commit(summary.changes, author, Message(summary));
  }
  if (args.Flag("json")) {
    nlohmann::ordered_json document = {{"created", summary.created},
                                       {"updated", summary.updated},
                                       {"unchanged", summary.unchanged},
                                       {"warnings", summary.problems.size()}};
    document["commit"] = commit.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(commit);
    PrintJson(context, document);
    return 0;
  }
  for (const Problem& problem : summary.problems) context.err << problem.ToString() << "\n";
  if (commit.empty()) {
    context.out << "nothing to do: " << summary.unchanged << " records up to date\n";
  } else {
    context.out << summary.created << " created, " << summary.updated << " updated, "
                << summary.unchanged << " unchanged; commit " << commit.substr(0, 12) << "\n";
  }
  return 0;
}

}  // namespace sijill::cli
