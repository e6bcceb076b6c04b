// `sijill import FILE... [--out corpus/] [--meta FILE.yaml] [--json]` (DESIGN.md §4 ⚑).
// All files are imported first and written only when every one succeeded: a bad input leaves
// nothing behind (issue #3).
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "cli/command.h"
#include "sijill/error.h"
#include "sijill/ingest/cover.h"
#include "sijill/ingest/import.h"

namespace sijill::cli {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Error::Kind::kNotFound, path + ": cannot read");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Write to a temporary then rename, so a reader never sees half a report.
void WriteFile(const fs::path& path, const std::string& content) {
  fs::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(Error::Kind::kIo, temporary.string() + ": cannot write");
    out << content;
    if (!out.flush()) throw Error(Error::Kind::kIo, temporary.string() + ": cannot write");
  }
  fs::rename(temporary, path);
}

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void PrintJson(std::ostream& out,
               const std::vector<std::pair<std::string, ingest::ImportResult>>& done,
               const fs::path& dir) {
  out << "{\"reports\": [";
  for (size_t i = 0; i < done.size(); ++i) {
    const ingest::ImportStats& s = done[i].second.stats;
    out << (i ? ", " : "") << "{\"input\": " << JsonString(done[i].first)
        << ", \"output\": " << JsonString((dir / (done[i].second.slug + ".md")).string())
        << ", \"slug\": " << JsonString(done[i].second.slug) << ", \"order\": \""
        << (s.order == ingest::TextOrder::kVisual ? "visual" : "logical") << "\""
        << ", \"lines\": " << s.lines << ", \"symptom_lines_before\": " << s.symptom_lines_before
        << ", \"body_lines\": " << s.body_lines
        << ", \"symptom_lines_after\": " << s.symptom_lines_after
        << ", \"paragraphs\": " << s.paragraphs << ", \"duplicates\": " << s.duplicates
        << ", \"annex_paragraphs\": " << s.annex_paragraphs
        << ", \"preamble_paragraphs\": " << s.preamble_paragraphs
        << ", \"footnotes\": " << s.footnotes << "}";
  }
  out << "]}\n";
}

}  // namespace

int RunImport(Context& context, const Args& args) {
  args.ExpectPositionals(1, 1000, "FILE...");
  fs::path dir = args.Value("out").value_or("corpus");
  ingest::ImportOptions options;
  if (auto meta = args.Value("meta")) options.meta = ingest::LoadMetaFile(*meta);
  std::vector<std::pair<std::string, ingest::ImportResult>> done;
  const auto& files = args.positionals();
  for (size_t i = 0; i < files.size(); ++i) {
    if (context.err_is_terminal)
      context.err << "\rimporting " << (i + 1) << "/" << files.size() << ": " << files[i]
                  << "\033[K" << std::flush;
    options.file_name = files[i];
    done.emplace_back(files[i], ingest::ImportText(ReadFile(files[i]), options));
  }
  if (context.err_is_terminal) context.err << "\n";
  fs::create_directories(dir);
  for (const auto& [input, result] : done) {
    WriteFile(dir / (result.slug + ".md"), result.markdown);
    for (const Problem& warning : result.warnings) context.err << warning.ToString() << "\n";
  }
  if (args.Flag("json")) {
    PrintJson(context.out, done, dir);
  } else {
    for (const auto& [input, result] : done)
      context.out << input << " -> " << (dir / (result.slug + ".md")).string() << " ("
                  << result.stats.paragraphs + result.stats.annex_paragraphs << " paragraphs, "
                  << result.stats.symptom_lines_after << " lines order-unverified)\n";
  }
  return 0;
}

}  // namespace sijill::cli
