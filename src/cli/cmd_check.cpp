// `sijill check [--json]` (DESIGN.md §4): every problem of the repository at HEAD, one per
// line as `path:line:column: error|warning: message`; exit 1 when there is an error.
#include <cstdio>
#include <ostream>

#include "cli/command.h"
#include "sijill/check/check.h"
#include "sijill/error.h"
#include "sijill/store/repository.h"

namespace sijill::cli {

namespace {

std::string Json(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

void PrintJson(std::ostream& out, const Problems& problems, size_t errors, size_t files) {
  out << "{\"files\": " << files << ", \"errors\": " << errors
      << ", \"warnings\": " << problems.size() - errors << ", \"problems\": [";
  for (size_t i = 0; i < problems.size(); ++i) {
    const Problem& problem = problems[i];
    out << (i ? ", " : "") << "{\"file\": " << Json(problem.where.file)
        << ", \"line\": " << problem.where.line << ", \"column\": " << problem.where.column
        << ", \"field\": " << Json(problem.where.field) << ", \"severity\": "
        << (problem.severity == Severity::kError ? "\"error\"" : "\"warning\"")
        << ", \"message\": " << Json(problem.message) << "}";
  }
  out << "]}\n";
}

// The files `check` reads, as committed at HEAD (DESIGN.md: what sijill shows is committed).
std::vector<check::File> FilesAtHead(const store::Repository& repository) {
  std::vector<check::File> files;
  if (repository.Head().empty()) return files;
  for (const store::TreeEntry& entry : repository.ListFiles("")) {
    if (!check::IsCheckedPath(entry.path)) continue;
    std::optional<std::string> content = repository.ReadFile(entry.path);
    if (content) files.push_back({entry.path, std::move(*content)});
  }
  return files;
}

}  // namespace

int RunCheck(Context& context, const Args& args) {
  args.ExpectPositionals(0, 0, "no arguments");
  store::Repository repository = store::Repository::Open(context.repo);
  std::vector<check::File> files = FilesAtHead(repository);
  Problems problems = check::CheckRepository(files);
  size_t errors = 0;
  for (const Problem& problem : problems)
    if (problem.severity == Severity::kError) ++errors;
  if (args.Flag("json")) {
    PrintJson(context.out, problems, errors, files.size());
  } else {
    for (const Problem& problem : problems) context.out << problem.ToString() << "\n";
  }
  context.err << "sijill check: " << files.size() << " files, " << errors << " errors, "
              << problems.size() - errors << " warnings\n";
  return errors ? 1 : 0;
}

}  // namespace sijill::cli
