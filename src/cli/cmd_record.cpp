// sijill record [--format md|html|docx|csv] [--as-of DATE|REF] [--since DATE|REF] [--out FILE]
// (DESIGN.md §4 ⚑). The consolidated record as a reproducible build of one commit.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "cli/common.h"
#include "sijill/error.h"
#include "sijill/index/indexer.h"
#include "sijill/index/lineage.h"
#include "sijill/record/build.h"
#include "sijill/record/formats.h"

namespace sijill::cli {

namespace {

namespace fs = std::filesystem;

// Written to a temporary file in the same directory and renamed: whoever opens FILE sees the
// old record or the new one, never half of one, and a failed build leaves nothing behind.
// The writer streams into the file, so the rendered record is never held in memory whole.
void WriteAtomically(const fs::path& path, const record::Format& format,
                     const record::Consolidated& consolidated) {
  fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string pattern = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) throw Error(Error::Kind::kIo, "cannot write " + path.string());
  close(fd);
  try {
    std::ofstream out(pattern, std::ios::binary | std::ios::trunc);
    format.write(consolidated, out);
    out.flush();
    if (!out) throw Error(Error::Kind::kIo, "cannot write " + path.string());
    out.close();
    fs::permissions(pattern, fs::perms::owner_read | fs::perms::owner_write |
                                 fs::perms::group_read | fs::perms::others_read);
    fs::rename(pattern, path);
  } catch (...) {
    std::remove(pattern.c_str());
    throw;
  }
}

// Lineage comes from the search index, which mirrors HEAD: the record of an older commit would
// otherwise depend on documents added after it, and "the same commit gives the same bytes"
// would not hold. So it is shown for the record of HEAD only, and said so otherwise.
void AddLineage(Context& context, const store::Repository& repository,
                record::BuildOptions& options) {
  if (repository.Resolve(options.as_of) != repository.Resolve("HEAD")) {
    if (context.err_is_terminal)
      context.err << "record: repeated recommendations are marked in the record of HEAD only\n";
    return;
  }
  options.find_lineage = [&context](const records::Adoptions& records) {
    index::OpenedIndex opened = index::OpenForSearch(context.repo, context.db);
    for (const std::string& note : opened.notes) context.err << "sijill: " << note << "\n";
    return index::FindLineage(opened.db, records);
  };
}

}  // namespace

int RunRecord(Context& context, const Args& args) {
  args.ExpectPositionals(0, 0, "");
  std::string name = args.Value("format").value_or("md");
  const record::Format* format = record::FindFormat(name);
  if (!format)
    throw Error(Error::Kind::kUsage,
                "unknown format '" + name + "' (one of " + record::FormatNames() + ")");
  std::optional<std::string> out_path = args.Value("out");
  if (format->binary && !out_path && context.out_is_terminal)
    throw Error(Error::Kind::kUsage, std::string(format->name) + " is binary; use --out FILE");

  record::BuildOptions options;
  options.as_of = args.Value("as-of").value_or("HEAD");
  options.since = args.Value("since");
  store::Repository repository = OpenRepository(context);
  if (!args.Flag("no-lineage")) AddLineage(context, repository, options);
  if (context.err_is_terminal) context.err << "record: reading " << options.as_of << "...\n";
  record::Consolidated consolidated = record::BuildRecord(repository, options);
  if (context.err_is_terminal)
    context.err << "record: " << consolidated.total << " recommendations in "
                << consolidated.MeetingCount() << " documents; writing " << name << "\n";
  if (out_path)
    WriteAtomically(*out_path, *format, consolidated);
  else
    format->write(consolidated, context.out);
  return 0;
}

}  // namespace sijill::cli
