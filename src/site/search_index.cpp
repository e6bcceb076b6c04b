// The offline search index of the site (issue 7 item 3):
//   search/meta.json          {"version", "docs", "avgdl", "chunk", "shards": [names]}
//   search/t/<shard>.json      {term: [doc delta, tf, doc length, ...]} for the terms of a shard
//   search/d/<n>.json          [[id, kind, title, url, snippet], ...] for docs n*chunk ...
// Documents are the search units of `sijill index` (index::CollectFile: reports, paragraphs,
// records, published briefs), a paragraph that has a record shown as the record (as the
// server collapses them), numbered in id order. A query loads meta.json, the shards of its
// terms and the doc chunks of its best results: nothing else.
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "sijill/error.h"
#include "sijill/parallel.h"
#include "sijill/index/collect.h"
#include "sijill/model/id.h"
#include "sijill/site/search_terms.h"
#include "sijill/text/normalize.h"
#include "site/cache_codec_internal.h"
#include "site/json_text_internal.h"
#include "site/pages_internal.h"
#include "site/term_ids_internal.h"

namespace sijill::site::internal {

namespace {

constexpr size_t kChunk = 256;
// Part of the search index's key: bumped whenever the terms a text makes change (the stemmer,
// search_terms.cpp), so a site built before re-analyses its texts instead of serving old terms
// to a browser whose analyzer.js makes new ones. (A build that stops early on its stamp is
// safe too: such a change always changes analyzer.js, the parity test sees to it, and with it
// the theme's key.) 2: broken plurals and ي C ا C(C) verbs joined. 3, 4: root-initial words.
constexpr const char* kAnalysis = "analysis-4";
constexpr size_t kSnippet = 220;

struct SearchDoc {
  std::string id;
  std::string kind;
  std::string title;
  std::string url;
  std::string snippet;
  // term id (TermIds) -> frequency, in id order, each term once. A sorted vector, not a
  // std::map: a node per term of ~100,000 documents was much of the analysis's time.
  std::vector<std::pair<uint32_t, uint32_t>> tf;
  uint32_t length = 0;
};

using TermCounts = std::vector<std::pair<uint32_t, uint32_t>>;

bool TermLess(const std::pair<uint32_t, uint32_t>& a, const std::pair<uint32_t, uint32_t>& b) {
  return a.first < b.first;
}

// Sorts `terms` and sums the counts of each term's repeats.
TermCounts Summed(TermCounts terms) {
  std::sort(terms.begin(), terms.end());
  TermCounts out;
  out.reserve(terms.size());
  for (const auto& [term, count] : terms) {
    if (!out.empty() && out.back().first == term)
      out.back().second += count;
    else
      out.emplace_back(term, count);
  }
  return out;
}

// `into` with the terms of `extra` it lacks (both in id order); a term in both keeps
// `into`'s count, or `extra`'s when `extra_wins`.
void MergeTerms(TermCounts& into, TermCounts extra, bool extra_wins) {
  TermCounts out;
  out.reserve(into.size() + extra.size());
  size_t a = 0, b = 0;
  while (a < into.size() || b < extra.size()) {
    if (b == extra.size() || (a < into.size() && into[a].first < extra[b].first)) {
      out.push_back(into[a++]);
    } else if (a == into.size() || extra[b].first < into[a].first) {
      out.push_back(extra[b++]);
    } else {
      out.push_back(extra_wins ? extra[b] : into[a]);
      ++a, ++b;
    }
  }
  into = std::move(out);
}

std::string UrlOf(const index::IndexDoc& doc) {
  if (doc.kind == "recommendation") return RecordPath(doc.id);
  size_t slash = doc.file.rfind('/');
  std::string slug = doc.file.substr(slash + 1, doc.file.size() - slash - 1 - 3);
  if (doc.kind == "brief") return BriefPath(slug);
  if (doc.kind == "paragraph" && doc.id.size() > slug.size() + 1)
    return ReportPath(slug) + "#" + doc.id.substr(slug.size() + 1);
  return ReportPath(slug);
}

// The unprefixed text the server's Analyzer indexes (analyzer.cpp Build): the title counts
// twice for a report or brief and not at all for a paragraph (its title is display only).
SearchDoc Analyse(const index::IndexDoc& doc, TermIds& term_ids) {
  SearchDoc out{doc.id, doc.kind, doc.title, UrlOf(doc), Excerpt(doc.text, kSnippet), {}, 0};
  TermCounts terms;  // repeats kept, summed below
  std::vector<uint32_t> words;
  auto add = [&out, &terms, &words](uint32_t weight, bool counted) {
    for (uint32_t term : words) terms.emplace_back(term, weight);
    if (counted) out.length += weight * static_cast<uint32_t>(words.size());
    words.clear();
  };
  auto add_text = [&](std::string_view text, uint32_t weight) {
    AppendSearchTermIds(text::NormalizeForSearch(text), term_ids, words);
    add(weight, true);
  };
  if (doc.kind == "report" || doc.kind == "brief") add_text(doc.title, 2);
  add_text(doc.section, 1);
  const std::string text = text::NormalizeForSearch(doc.text);  // once for its three uses
  AppendSearchTermIds(text, term_ids, words);
  add(1, true);
  add_text(doc.notes, 1);
  for (const auto& [language, summary] : doc.summary) add_text(summary, 1);
  // Not counted in the length: they stand in for words already counted.
  AppendGluedTermIds(text, term_ids, words);
  add(1, false);
  out.tf = Summed(std::move(terms));
  if (doc.order_unverified) {
    // Each 3-gram once, at 1 (kGramMark keeps them apart from words).
    term_ids.Ids(FallbackGramsOfNormalized(text), words);
    TermCounts grams;
    for (uint32_t gram : words) grams.emplace_back(gram, 1);
    words.clear();
    std::sort(grams.begin(), grams.end(), TermLess);
    grams.erase(std::unique(grams.begin(), grams.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                grams.end());
    MergeTerms(out.tf, std::move(grams), true);
  }
  return out;
}

// A record as index::CollectFile reads it, from the snapshot's parsed record: the YAML is not
// parsed a second time (on a large repository that was half of the build).
SearchDoc FromRecord(const Model& model, size_t index, TermIds& term_ids) {
  const model::Recommendation& record = model.snapshot.records[index];
  index::IndexDoc doc;
  doc.id = record.id;
  doc.kind = "recommendation";
  doc.symbol = record.source.symbol;
  doc.section = record.source.section;
  doc.title = doc.section.empty() ? doc.symbol : doc.section;
  doc.text = model.RecordText(index);
  doc.summary = model.RecordSummary(index);
  return Analyse(doc, term_ids);
}

// Reports and published briefs; records come from the snapshot.
std::vector<std::string> IndexedPaths(const Model& model) {
  std::vector<std::string> paths;
  for (const auto& [path, blob] : model.snapshot.blob_ids) {
    if (!index::IsIndexedPath(path) || path.starts_with("recommendations/")) continue;
    if (path.starts_with("briefs/")) {
      std::string slug = path.substr(7, path.size() - 10);
      const model::Brief* brief = model.snapshot.FindBrief(slug);
      if (!brief || !brief->Published()) continue;  // drafts are not public
    }
    paths.push_back(path);
  }
  return paths;
}

// The reports whose units can come from the snapshot's parse (index::CollectParsedReport),
// by path: those it read in full (a report from the build cache has no body) and found no
// problem in the front matter of. Re-reading each from git and parsing its YAML again was ~7 %
// of a full build at 20,000 reports. Any other report is read again, as CollectFile reads it.
std::unordered_map<std::string, const model::Report*> ParsedReports(const Model& model) {
  std::unordered_map<std::string, const model::Report*> parsed;
  const auto& reports = model.snapshot.reports;
  // Slugs are file names: corpus/a/x.md and corpus/x.md would both be "x".
  if (model.report_by_slug.size() != reports.size()) return parsed;
  parsed.reserve(reports.size());
  for (const markdown::Document& document : reports)
    if (!document.report.body.empty())
      parsed.emplace("corpus/" + document.report.slug + ".md", &document.report);
  for (const Problem& problem : model.snapshot.problems) {
    auto it = parsed.find(problem.where.file);
    if (it != parsed.end() && problem.where.line < it->second->body_line) parsed.erase(it);
  }
  return parsed;
}

// Reads and analyses every indexed file on all cores.
std::vector<SearchDoc> CollectDocs(Pages& pages, TermIds& term_ids) {
  const Model& model = pages.model;
  std::vector<std::string> paths = IndexedPaths(model);
  const std::unordered_map<std::string, const model::Report*> parsed = ParsedReports(model);
  const auto& records = model.snapshot.records;
  // Work items: the files, then the records; each thread takes the next one.
  std::vector<std::vector<SearchDoc>> per_item(paths.size() + records.size());
  // A failure (an unreadable blob) stops the loop and reaches the caller; it used to end the
  // process from a worker thread.
  ParallelFor(per_item.size(), model.options.threads, [&](size_t i) {
    if (i >= paths.size()) {
      per_item[i].push_back(FromRecord(model, i - paths.size(), term_ids));
      return;
    }
    if (auto it = parsed.find(paths[i]); it != parsed.end()) {
      for (const index::IndexDoc& doc : index::CollectParsedReport(paths[i], *it->second))
        per_item[i].push_back(Analyse(doc, term_ids));
      return;
    }
    std::string text = pages.repository.ReadBlob(model.BlobOf(paths[i])).value_or("");
    Problems ignored;  // `sijill check` reports them; the site shows what can be read
    for (const index::IndexDoc& doc : index::CollectFile(paths[i], text, ignored))
      per_item[i].push_back(Analyse(doc, term_ids));
  });
  std::vector<SearchDoc> docs;
  size_t total = 0;
  for (const auto& item : per_item) total += item.size();
  docs.reserve(total);  // ~100,000 SearchDocs moved once, not again at each doubling
  for (auto& item : per_item)
    for (SearchDoc& doc : item) docs.push_back(std::move(doc));
  // A record and its source paragraph share an id: keep the record, as the server shows it.
  // The server collapses the two, so a query finding either finds the id: the record takes the
  // paragraph's terms it lacks (the 3-grams of a scrambled paragraph, say).
  std::sort(docs.begin(), docs.end(), [](const SearchDoc& a, const SearchDoc& b) {
    return std::tie(a.id, a.kind) < std::tie(b.id, b.kind);  // "paragraph" < "recommendation"
  });
  std::vector<SearchDoc> unique;
  for (SearchDoc& doc : docs) {
    if (!unique.empty() && unique.back().id == doc.id) {
      if (doc.kind == "recommendation") {
        MergeTerms(doc.tf, std::move(unique.back().tf), false);
        unique.back() = std::move(doc);
      }
      continue;
    }
    unique.push_back(std::move(doc));
  }
  return unique;
}

std::string Dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Every file of search/, path -> content. The JSON is written by hand (json_text_internal.h),
// as nlohmann::json would print it.
std::map<std::string, std::string> IndexFiles(Pages& pages) {
  std::map<std::string, std::string> files;
  TermIds term_ids;
  std::vector<SearchDoc> docs = CollectDocs(pages, term_ids);
  // Each term's postings as the text of its JSON array (without brackets), by term id.
  constexpr uint32_t kNone = static_cast<uint32_t>(-1);
  std::vector<std::string> postings(term_ids.size());
  std::vector<uint32_t> last_doc(term_ids.size(), kNone);
  uint64_t total_length = 0;
  for (uint32_t n = 0; n < docs.size(); ++n) {
    total_length += docs[n].length;
    for (const auto& [term, tf] : docs[n].tf) {
      uint32_t delta = last_doc[term] == kNone ? n : n - last_doc[term];
      last_doc[term] = n;
      std::string& text = postings[term];
      if (!text.empty()) text.push_back(',');
      AppendJsonNumber(text, delta);
      text.push_back(',');
      AppendJsonNumber(text, tf);
      text.push_back(',');
      AppendJsonNumber(text, docs[n].length);
    }
  }
  // Shards in name order, each an object of its terms in term order (as a std::map keeps them):
  // the terms of some document (a paragraph dropped for its record's sake may have had others).
  std::vector<std::pair<std::string, uint32_t>> order;  // shard, term id
  order.reserve(term_ids.size());
  for (uint32_t t = 0; t < term_ids.size(); ++t)
    if (last_doc[t] != kNone) order.emplace_back(ShardOf(term_ids.Term(t)), t);
  std::sort(order.begin(), order.end(), [&term_ids](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : term_ids.Term(a.second) < term_ids.Term(b.second);
  });
  nlohmann::json shard_names = nlohmann::json::array();
  for (size_t i = 0; i < order.size();) {
    const std::string& shard = order[i].first;
    shard_names.push_back(shard);
    std::string json = "{";
    for (size_t first = i; i < order.size() && order[i].first == shard; ++i) {
      if (i != first) json.push_back(',');
      AppendJsonString(json, term_ids.Term(order[i].second));
      json += ":[";
      json += postings[order[i].second];
      json.push_back(']');
      std::string().swap(postings[order[i].second]);  // freed as it goes: the files hold it now
    }
    json.push_back('}');
    files["search/t/" + shard + ".json"] = std::move(json);
  }
  for (size_t start = 0; start < docs.size(); start += kChunk) {
    std::string chunk = "[";
    for (size_t i = start; i < std::min(docs.size(), start + kChunk); ++i) {
      if (i != start) chunk.push_back(',');
      chunk.push_back('[');
      for (const std::string* field :
           {&docs[i].id, &docs[i].kind, &docs[i].title, &docs[i].url, &docs[i].snippet}) {
        if (field != &docs[i].id) chunk.push_back(',');
        AppendJsonString(chunk, *field);
      }
      chunk.push_back(']');
    }
    chunk.push_back(']');
    files["search/d/" + std::to_string(start / kChunk) + ".json"] = std::move(chunk);
  }
  double avgdl = docs.empty() ? 0 : static_cast<double>(total_length) / docs.size();
  files["search/meta.json"] = Dump({{"version", 1},
                                    {"docs", docs.size()},
                                    {"avgdl", avgdl},
                                    {"chunk", kChunk},
                                    {"shards", std::move(shard_names)}});
  return files;
}

// Everything the index is made from, without analysing any of it: the indexed files' blobs and
// the fields of each record that FromRecord reads (a status change changes the record's blob,
// not its search document).
uint64_t SearchKey(const Model& model) {
  Key key;
  key.Add(model.base_key).Add(kAnalysis);
  for (const std::string& path : IndexedPaths(model)) key.Add(path).Add(model.BlobOf(path));
  for (size_t i = 0; i < model.snapshot.records.size(); ++i) {
    const model::Recommendation& record = model.snapshot.records[i];
    // The text and summaries by their checksums, which the build cache keeps: a rebuild does
    // not read every record's text.
    key.Add(record.id).Add(record.source.symbol).Add(record.source.section);
    key.Add(model.RecordSearchSum(i));
  }
  return key.value();
}

// The index made on first use, by whichever page needs it first.
struct LazyIndex {
  Pages& pages;
  std::once_flag made;
  std::map<std::string, std::string> files;

  const std::string& File(const std::string& path) {
    std::call_once(made, [this] { files = IndexFiles(pages); });
    auto it = files.find(path);
    if (it == files.end())
      throw Error(Error::Kind::kInvalid, "site: the search index has no " + path);
    return it->second;
  }
};

}  // namespace

// Each file's key is the key of the whole index (its inputs) and its path. When the last build
// made search/ from the same inputs, its files are listed from the manifest and nothing is
// analysed: a status change, the commonest change, costs no search work at all. (A file of it
// that is gone from the directory is made again from the index, made then.)
std::function<void()> AddSearchIndex(Pages& pages) {
  uint64_t search_key = SearchKey(pages.model);
  auto key_of = [search_key](const std::string& path) {
    return Key().Add(search_key).Add(path).value();
  };
  std::vector<std::pair<std::string, uint64_t>> previous = pages.previous.PreviousUnder("search/");
  bool same = !previous.empty();
  bool has_meta = false;
  for (const auto& [path, key] : previous) {
    same = same && key == key_of(path);
    has_meta = has_meta || path == "search/meta.json";
  }
  if (same && has_meta) {
    // Braces and a named copy: clang 14 (the fuzz build) has neither C++20's parenthesised
    // aggregate init nor the capture of structured bindings.
    auto lazy = std::shared_ptr<LazyIndex>(new LazyIndex{pages});
    for (const auto& [path, key] : previous)
      pages.Add(path, key, [lazy, file = path] { return lazy->File(file); });
    return {};
  }
  return [&pages, key_of] {
    for (auto& [path, content] : IndexFiles(pages)) {
      auto shared = std::make_shared<std::string>(std::move(content));
      pages.Add(path, key_of(path), [shared] { return *shared; });
    }
  };
}

}  // namespace sijill::site::internal
