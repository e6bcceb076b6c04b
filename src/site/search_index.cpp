// The offline search index of the site (issue 7 item 3):
//   search/meta.json          {"version", "docs", "avgdl", "chunk", "shards": [names]}
//   search/t/<shard>.json      {term: [doc delta, tf, doc length, ...]} for the terms of a shard
//   search/d/<n>.json          [[id, kind, title, url, snippet], ...] for docs n*chunk ...
// Documents are the search units of `sijill index` (index::CollectFile: reports, paragraphs,
// records, published briefs), a paragraph that has a record shown as the record (as the
// server collapses them), numbered in id order. A query loads meta.json, the shards of its
// terms and the doc chunks of its best results: nothing else.
#include <algorithm>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "sijill/error.h"
#include "sijill/parallel.h"
#include "sijill/index/collect.h"
#include "sijill/model/id.h"
#include "sijill/site/search_terms.h"
#include "site/cache_codec_internal.h"
#include "site/pages_internal.h"

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
  std::map<std::string, uint32_t> tf;
  uint32_t length = 0;
};

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
SearchDoc Analyse(const index::IndexDoc& doc) {
  SearchDoc out{doc.id, doc.kind, doc.title, UrlOf(doc), Excerpt(doc.text, kSnippet), {}, 0};
  auto add = [&out](const std::string& text, uint32_t weight) {
    for (const std::string& term : SearchTerms(text)) {
      out.tf[term] += weight;
      out.length += weight;
    }
  };
  if (doc.kind == "report" || doc.kind == "brief") add(doc.title, 2);
  add(doc.section, 1);
  add(doc.text, 1);
  add(doc.notes, 1);
  for (const auto& [language, summary] : doc.summary) add(summary, 1);
  // Not counted in the length: they stand in for words already counted.
  for (const std::string& term : GluedTerms(doc.text)) out.tf[term] += 1;
  if (doc.order_unverified)
    for (const std::string& gram : FallbackGrams(doc.text)) out.tf[gram] = 1;
  return out;
}

// A record as index::CollectFile reads it, from the snapshot's parsed record: the YAML is not
// parsed a second time (on a large repository that was half of the build).
SearchDoc FromRecord(const Model& model, size_t index) {
  const model::Recommendation& record = model.snapshot.records[index];
  index::IndexDoc doc;
  doc.id = record.id;
  doc.kind = "recommendation";
  doc.symbol = record.source.symbol;
  doc.section = record.source.section;
  doc.title = doc.section.empty() ? doc.symbol : doc.section;
  doc.text = model.RecordText(index);
  doc.summary = model.RecordSummary(index);
  return Analyse(doc);
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

// Reads and analyses every indexed file on all cores.
std::vector<SearchDoc> CollectDocs(Pages& pages) {
  const Model& model = pages.model;
  std::vector<std::string> paths = IndexedPaths(model);
  const auto& records = model.snapshot.records;
  // Work items: the files, then the records; each thread takes the next one.
  std::vector<std::vector<SearchDoc>> per_item(paths.size() + records.size());
  // A failure (an unreadable blob) stops the loop and reaches the caller; it used to end the
  // process from a worker thread.
  ParallelFor(per_item.size(), model.options.threads, [&](size_t i) {
    if (i >= paths.size()) {
      per_item[i].push_back(FromRecord(model, i - paths.size()));
      return;
    }
    std::string text = pages.repository.ReadBlob(model.BlobOf(paths[i])).value_or("");
    Problems ignored;  // `sijill check` reports them; the site shows what can be read
    for (const index::IndexDoc& doc : index::CollectFile(paths[i], text, ignored))
      per_item[i].push_back(Analyse(doc));
  });
  std::vector<SearchDoc> docs;
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
        for (const auto& [term, tf] : unique.back().tf) doc.tf.try_emplace(term, tf);
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

// Every file of search/, path -> content.
std::map<std::string, std::string> IndexFiles(Pages& pages) {
  std::map<std::string, std::string> files;
  std::vector<SearchDoc> docs = CollectDocs(pages);
  // term -> postings, grouped by shard.
  std::map<std::string, std::map<std::string, nlohmann::json>> shards;
  uint64_t total_length = 0;
  std::map<std::string, uint32_t> last_doc;
  for (uint32_t n = 0; n < docs.size(); ++n) {
    total_length += docs[n].length;
    for (const auto& [term, tf] : docs[n].tf) {
      nlohmann::json& postings = shards[ShardOf(term)][term];
      if (postings.is_null()) postings = nlohmann::json::array();
      auto [it, fresh] = last_doc.try_emplace(term, 0);
      uint32_t delta = fresh ? n : n - it->second;
      it->second = n;
      postings.push_back(delta);
      postings.push_back(tf);
      postings.push_back(docs[n].length);
    }
  }
  nlohmann::json shard_names = nlohmann::json::array();
  for (auto& [shard, terms] : shards) {
    shard_names.push_back(shard);
    nlohmann::json json = nlohmann::json::object();
    for (auto& [term, postings] : terms) json[term] = std::move(postings);
    files["search/t/" + shard + ".json"] = Dump(json);
  }
  for (size_t start = 0; start < docs.size(); start += kChunk) {
    nlohmann::json chunk = nlohmann::json::array();
    for (size_t i = start; i < std::min(docs.size(), start + kChunk); ++i)
      chunk.push_back({docs[i].id, docs[i].kind, docs[i].title, docs[i].url, docs[i].snippet});
    files["search/d/" + std::to_string(start / kChunk) + ".json"] = Dump(chunk);
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
void AddSearchIndex(Pages& pages) {
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
    return;
  }
  for (auto& [path, content] : IndexFiles(pages)) {
    auto shared = std::make_shared<std::string>(std::move(content));
    pages.Add(path, key_of(path), [shared] { return *shared; });
  }
}

}  // namespace sijill::site::internal
