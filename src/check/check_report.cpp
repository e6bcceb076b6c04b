#include "check/check_internal.h"
#include "check/paragraphs_internal.h"
#include "sijill/model/front_matter.h"
#include "sijill/text/slug.h"

namespace sijill::check::internal {

namespace {

// ⚑ "<slug> is the symbol lower-cased with / → - and other characters outside [a-z0-9.-]
// dropped": a confirmed symbol fixes the file name.
void CheckSymbol(Context& context, const model::ParsedReport& parsed, ReportInfo& info) {
  const model::FrontMatter& meta = parsed.report.meta;
  const std::string& confidence = meta.symbol_confidence;
  if (!confidence.empty() && confidence != "confirmed" && confidence != "provisional") {
    context.Error(
        parsed.At("symbol_confidence"),
        "symbol_confidence must be 'confirmed' or 'provisional', not '" + confidence + "'");
    return;
  }
  if (confidence == "provisional") {
    info.provisional = true;
    context.Warning(parsed.At("symbol_confidence"),
                    "the symbol of this report is provisional: confirm it, then set "
                    "symbol_confidence: confirmed");
    return;
  }
  if (meta.symbol.empty()) {
    context.Error(parsed.At("symbol"),
                  "'symbol' is empty; a report without a known symbol needs "
                  "symbol_confidence: provisional");
    return;
  }
  std::string expected = text::Slug(meta.symbol);
  if (expected != parsed.report.slug)
    context.Error(parsed.At("symbol"), "the file name does not match the symbol '" + meta.symbol +
                                           "': expected " + expected + ".md");
}

void CheckValues(Context& context, const model::ParsedReport& parsed) {
  const model::FrontMatter& meta = parsed.report.meta;
  if (parsed.where.count("date") && !IsIsoDate(meta.date))
    context.Error(parsed.At("date"), "date '" + meta.date + "' is not an ISO date (YYYY-MM-DD)");
  if (parsed.where.count("language") && !context.settings.HasLanguage(meta.language))
    context.Error(parsed.At("language"),
                  "unknown language '" + meta.language + "' (not in sijill.yaml languages)");
}

}  // namespace

void CheckReport(Context& context, const File& file) {
  model::ParsedReport parsed = model::ParseReport(file.path, file.content);
  for (const Problem& problem : parsed.problems) context.problems.push_back(problem);
  const std::string& slug = parsed.report.slug;
  if (!text::IsValidSlug(slug)) {
    context.Error({file.path, 1, 1, ""},
                  "the file name is not a slug (only a-z 0-9 . - and no '..')");
    return;
  }
  if (!parsed.parsed) return;
  ReportInfo info;
  info.path = file.path;
  CheckSymbol(context, parsed, info);
  CheckValues(context, parsed);
  // A provisional symbol may still be cited by evidence; it is the best name we have.
  info.symbol = parsed.report.meta.symbol;
  ParagraphScan scan = ScanParagraphs(parsed.report.body, parsed.report.body_line);
  info.rests = scan.rests;
  for (const ParagraphScan::Repeat& repeat : scan.repeats)
    context.Warning(
        {file.path, repeat.line, 1, ""},
        "paragraph number printed twice: this one is " + slug + "." + repeat.rest + "-dup");
  if (auto [it, added] = context.reports_by_slug.emplace(slug, info); !added) {
    context.Error({file.path, 1, 1, ""},
                  "a report with slug '" + slug + "' is also at " + it->second.path);
    return;
  }
  if (info.symbol.empty()) return;
  if (auto [it, added] = context.slug_by_symbol.emplace(info.symbol, slug); !added)
    context.Error(parsed.At("symbol"), "symbol '" + info.symbol + "' is also the symbol of " +
                                           context.reports_by_slug[it->second].path);
}

}  // namespace sijill::check::internal
