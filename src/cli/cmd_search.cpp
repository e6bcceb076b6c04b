// sijill search QUERY [--json] [--limit N] [--filter key=value]... [--similar ID]
#include <ostream>

#include "cli/command.h"
#include "sijill/error.h"
#include "sijill/index/indexer.h"
#include "sijill/index/searcher.h"
#include "sijill/text/normalize.h"

namespace sijill::cli {

namespace {

std::string Unescape(const std::string& html) {
  static const std::vector<std::pair<std::string, std::string>> kEntities = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  std::string out;
  for (size_t i = 0; i < html.size();) {
    bool replaced = false;
    for (const auto& [entity, plain] : kEntities) {
      if (html.compare(i, entity.size(), entity) == 0) {
        out += plain;
        i += entity.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += html[i++];
  }
  return out;
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t i = 0; (i = s.find(from, i)) != std::string::npos; i += to.size())
    s.replace(i, from.size(), to);
  return s;
}

// Arabic text in a terminal line is wrapped in RIGHT-TO-LEFT ISOLATE … POP DIRECTIONAL ISOLATE
// so that ids, numbers and Latin symbols around it keep their order.
std::string Isolate(const std::string& text) {
  return text::ContainsArabic(text) ? "\u2067" + text + "\u2069" : text;
}

void PrintHuman(const index::SearchResponse& response, bool terminal, std::ostream& out) {
  out << response.total << (response.total == 1 ? " match" : " matches") << "\n";
  int rank = 0;
  for (const index::SearchHit& hit : response.results) {
    out << "\n" << ++rank << ". " << hit.id << "  [" << hit.kind;
    if (!hit.status.empty()) out << ", " << hit.status;
    out << "]  " << hit.score << "\n";
    if (!hit.title.empty()) out << "   " << Isolate(hit.title) << "\n";
    std::string snippet = Unescape(
        ReplaceAll(ReplaceAll(hit.snippet, "<mark>", terminal ? "\x1b[1m" : "«"), "</mark>",
                   terminal ? "\x1b[0m" : "»"));
    if (!snippet.empty()) out << "   " << Isolate(snippet) << "\n";
  }
  for (const auto& [facet, counts] : response.facets) {
    out << (facet == response.facets.begin()->first ? "\n" : "") << facet << ":";
    for (const auto& [value, count] : counts) out << " " << Isolate(value) << " (" << count << ")";
    out << "\n";
  }
}

}  // namespace

int RunSearch(Context& context, const Args& args) {
  index::SearchRequest request;
  for (const std::string& word : args.positionals())
    request.query += (request.query.empty() ? "" : " ") + word;
  if (auto limit = args.Value("limit")) request.limit = ParseCount("--limit", *limit);
  if (auto similar = args.Value("similar")) request.similar = *similar;
  for (const std::string& filter : args.Values("filter")) {
    size_t eq = filter.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(Error::Kind::kUsage, "--filter needs key=value, got '" + filter + "'");
    request.filters.emplace_back(filter.substr(0, eq), filter.substr(eq + 1));
  }
  if (request.query.empty() && request.similar.empty() && request.filters.empty())
    throw Error(Error::Kind::kUsage, "search needs a QUERY, --similar ID or a --filter");
  index::OpenedIndex opened = index::OpenForSearch(context.repo, context.db);
  for (const std::string& note : opened.notes) context.err << "sijill: " << note << "\n";
  index::SearchResponse response = index::Search(opened.db, request);
  for (const std::string& note : response.notes) context.err << "sijill: " << note << "\n";
  if (args.Flag("json")) {
    context.out << index::ToJson(response) << "\n";
  } else {
    PrintHuman(response, context.out_is_terminal, context.out);
  }
  return 0;
}

}  // namespace sijill::cli
