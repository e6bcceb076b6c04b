// sijill suggest ID|--all [--json] [--limit N]
// Candidate follow-up evidence for a person to confirm (issue #5 item 2). Nothing is written:
// the human output ends with the `sijill status` command that records a confirmed one.
// --all --json prints one JSON array of the ⚑ per-record objects (DESIGN.md §4: "--json
// prints one JSON document").
#include <ostream>

#include "cli/common.h"
#include "sijill/error.h"
#include "sijill/index/indexer.h"
#include "sijill/index/suggest.h"
#include "sijill/model/settings.h"

namespace sijill::cli {

namespace {

// The snippet's <mark> as «» (bold on a terminal) and its entities decoded.
std::string PlainSnippet(const std::string& html, bool terminal) {
  static const std::vector<std::pair<std::string, std::string>> kReplacements = {
      {"<mark>", "«"}, {"</mark>", "»"},  {"&lt;", "<"},  {"&gt;", ">"},
      {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  std::string out;
  for (size_t i = 0; i < html.size();) {
    bool replaced = false;
    for (const auto& [from, to] : kReplacements) {
      if (html.compare(i, from.size(), from) != 0) continue;
      out += terminal && from == "<mark>" ? "\x1b[1m" : terminal && from == "</mark>" ? "\x1b[0m" : to;
      i += from.size();
      replaced = true;
      break;
    }
    if (!replaced) out += html[i++];
  }
  return out;
}

// The repository's topic labels (sijill.yaml at HEAD), whose words join the query.
std::map<std::string, std::string> RepositoryTopicWords(const Context& context) {
  try {
    store::Repository repository = OpenRepository(context);
    std::optional<std::string> text = repository.ReadFile(std::string(model::kSettingsPath));
    model::Settings settings = text ? model::ParseSettings("sijill.yaml", *text).settings
                                    : model::DefaultSettings();
    return index::TopicWords(settings);
  } catch (const Error&) {
    // An index without its repository still suggests, from the record's own words.
  }
  return {};
}

// Returns the first suggestion's evidence reference, for the closing hint.
std::string PrintHuman(const std::string& id, const std::vector<index::Suggestion>& suggestions,
                       bool terminal, std::ostream& out) {
  out << id << ": " << suggestions.size()
      << (suggestions.size() == 1 ? " suggestion" : " suggestions") << "\n";
  std::string first;
  int rank = 0;
  for (const index::Suggestion& s : suggestions) {
    std::string evidence = index::EvidenceFor(s);
    if (first.empty()) first = evidence;
    out << "  " << ++rank << ". " << s.id << "  " << s.score;
    if (!evidence.empty()) out << "  " << evidence;
    out << "  " << s.date << "\n";
    std::string snippet = PlainSnippet(s.snippet, terminal);
    if (!snippet.empty()) out << "     " << Isolate(snippet) << "\n";
  }
  return first;
}

}  // namespace

int RunSuggest(Context& context, const Args& args) {
  bool all = args.Flag("all");
  args.ExpectPositionals(all ? 0 : 1, all ? 0 : 1, all ? "nothing with --all" : "record ID");
  index::SuggestOptions options;
  if (auto limit = args.Value("limit")) options.limit = ParseCount("--limit", *limit);
  options.topic_words = RepositoryTopicWords(context);
  index::OpenedIndex opened = index::OpenForSearch(context.repo, context.db);
  for (const std::string& note : opened.notes) context.err << "sijill: " << note << "\n";
  std::vector<std::string> ids =
      all ? index::RecommendationIds(opened.db) : args.positionals();
  bool json = args.Flag("json");
  if (json && all) context.out << "[";
  std::string example_id, example_evidence;
  for (size_t i = 0; i < ids.size(); ++i) {
    std::vector<index::Suggestion> suggestions = index::Suggest(opened.db, ids[i], options);
    if (json) {
      context.out << (all && i > 0 ? ",\n" : "") << index::SuggestionsToJson(ids[i], suggestions);
      continue;
    }
    if (i > 0) context.out << "\n";
    std::string evidence = PrintHuman(ids[i], suggestions, context.out_is_terminal, context.out);
    if (example_evidence.empty() && !evidence.empty()) {
      example_id = ids[i];
      example_evidence = evidence;
    }
  }
  if (json) {
    context.out << (all ? "]\n" : "\n");
    return 0;
  }
  // Suggestions are never recorded as evidence without a person confirming them (issue #5).
  context.out << "\nnothing was recorded; to confirm a suggestion:\n  sijill status "
              << (example_id.empty() ? (ids.empty() ? "ID" : ids[0]) : example_id)
              << " STATUS --evidence "
              << (example_evidence.empty() ? "SYMBOL#pN" : example_evidence) << "\n";
  return 0;
}

}  // namespace sijill::cli
