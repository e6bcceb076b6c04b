// Fuzz target: the search query language (index/searcher.h) over a small index built once from
// the repository's own corpus and records. Input: the query; after a TAB, filters
// "key=value" separated by TABs. A query never throws (QueryParser errors are relaxed to plain
// words); only an unknown filter key is refused, with Error kUsage. ToJson must stay valid.
#include <cstdint>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "fuzz_check.h"
#include "sijill/error.h"
#include "sijill/index/indexer.h"
#include "sijill/index/searcher.h"
#include "support/test_repo.h"

namespace {

using namespace sijill;

std::string ReadSource(const std::string& path) {
  std::ifstream in(std::string(SIJILL_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

// One report and a few of its records: enough for every filter and kind to match something.
const Xapian::Database& Index() {
  static std::unique_ptr<testing::TestRepo> repo;
  static Xapian::Database db;
  if (!repo) {
    std::string files = "-- sijill.yaml --\n" + ReadSource("sijill.yaml") +
                        "-- corpus/a-res-64-293.md --\n" + ReadSource("corpus/a-res-64-293.md");
    for (const char* record : {"p5", "p6", "p7"}) {
      std::string path = std::string("recommendations/a-res-64-293/") + record + ".yaml";
      files += "-- " + path + " --\n" + ReadSource(path);
    }
    repo = std::make_unique<testing::TestRepo>(testing::TestRepo::FromText(files));
    index::UpdateIndex(repo->repo(), index::DefaultIndexPath(repo->root()));
    db = Xapian::Database(index::DefaultIndexPath(repo->root()));
  }
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(fuzz::AsText(data, size));
  index::SearchRequest request;
  size_t tab = text.find('\t');
  request.query = text.substr(0, tab);
  while (tab != std::string::npos) {
    size_t next = text.find('\t', tab + 1);
    std::string filter = text.substr(tab + 1, next == std::string::npos ? next : next - tab - 1);
    size_t eq = filter.find('=');
    if (eq != std::string::npos)
      request.filters.emplace_back(filter.substr(0, eq), filter.substr(eq + 1));
    tab = next;
  }
  index::SearchResponse response;
  try {
    response = index::Search(Index(), request);
  } catch (const Error& error) {
    fuzz::Check(error.kind() == Error::Kind::kUsage, "search threw an Error other than kUsage",
                error.what());
    return 0;
  }
  fuzz::Check(response.results.size() <= request.limit, "more results than the limit");
  fuzz::Check(response.total >= response.results.size(), "total below the results shown");
  // Throws (an uncaught exception: a crash for libFuzzer) when the JSON is malformed.
  nlohmann::json json = nlohmann::json::parse(index::ToJson(response));
  fuzz::Check(json["results"].size() == response.results.size(), "ToJson lost results");
  return 0;
}
