// search_bench DB QUERIES.tsv ROUNDS [EXACT [CHECKS [DEPTH]]]: query latency of index::Search in
// one process, as the service runs it (an open database, one query after another). Each query
// of QUERIES.tsv (the first column; lines starting '#' skipped) is run ROUNDS times; prints p50,
// p99 and max in milliseconds over all runs, then the five slowest queries (by their median),
// which is where to look next. EXACT sets SearchRequest::exact_count_limit, CHECKS
// SearchRequest::proximity_check_limit, DEPTH SearchRequest::proximity_rerank_depth (0: the
// boost on every match, in one pass).
// Run by bench/search-vs-peers next to PostgreSQL (pgbench).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "sijill/index/searcher.h"

namespace {

std::vector<std::string> ReadQueries(const char* path) {
  std::ifstream in(path);
  std::vector<std::string> queries;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') queries.push_back(line.substr(0, line.find('\t')));
  return queries;
}

double Percentile(const std::vector<double>& sorted, double p) {
  size_t at = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(at, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: search_bench DB QUERIES.tsv ROUNDS [EXACT [CHECKS [DEPTH]]]\n");
    return 2;
  }
  Xapian::Database db(argv[1]);
  std::vector<std::string> queries = ReadQueries(argv[2]);
  int rounds = std::stoi(argv[3]);
  sijill::index::SearchRequest defaults;
  size_t exact = argc > 4 ? std::stoul(argv[4]) : defaults.exact_count_limit;
  size_t checks = argc > 5 ? std::stoul(argv[5]) : defaults.proximity_check_limit;
  size_t depth = argc > 6 ? std::stoul(argv[6]) : defaults.proximity_rerank_depth;
  std::vector<double> ms;
  std::vector<std::vector<double>> by_query(queries.size());
  size_t total = 0;
  for (int round = 0; round < rounds; ++round) {
    for (size_t q = 0; q < queries.size(); ++q) {
      sijill::index::SearchRequest request{.query = queries[q]};
      request.exact_count_limit = exact;
      request.proximity_check_limit = checks;
      request.proximity_rerank_depth = depth;
      auto start = std::chrono::steady_clock::now();
      sijill::index::SearchResponse response = sijill::index::Search(db, request);
      auto end = std::chrono::steady_clock::now();
      total += response.total;
      ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
      by_query[q].push_back(ms.back());
    }
  }
  if (ms.empty()) return 1;
  std::sort(ms.begin(), ms.end());
  std::printf("queries %zu  p50 %.2f ms  p99 %.2f ms  max %.2f ms  (matches %zu)\n", ms.size(),
              Percentile(ms, 0.5), Percentile(ms, 0.99), ms.back(), total);
  std::vector<std::pair<double, std::string>> slowest;
  for (size_t q = 0; q < queries.size(); ++q) {
    std::sort(by_query[q].begin(), by_query[q].end());
    slowest.emplace_back(Percentile(by_query[q], 0.5), queries[q]);
  }
  std::sort(slowest.rbegin(), slowest.rend());
  for (size_t i = 0; i < std::min<size_t>(5, slowest.size()); ++i)
    std::printf("  slow: %.2f ms  %s\n", slowest[i].first, slowest[i].second.c_str());
  return 0;
}
