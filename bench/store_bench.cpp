// store_bench REPO N [--reopen]: N follow-up commits through store::Repository, each changing
// one record of a different report; prints the per-commit time in milliseconds.
// --reopen opens the repository again for every commit, as a `sijill status` process would
// (process start-up aside). Run by bench/store_bench.sh next to the git CLI loop.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "sijill/store/repository.h"

namespace {

using Clock = std::chrono::steady_clock;

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: store_bench REPO N [--reopen]\n");
    return 2;
  }
  std::string root = argv[1];
  int count = std::stoi(argv[2]);
  bool reopen = argc > 3 && std::strcmp(argv[3], "--reopen") == 0;
  sijill::store::Signature author{"bench", "bench@sijill.invalid", std::nullopt, 0};
  auto repository =
      std::make_unique<sijill::store::Repository>(sijill::store::Repository::Open(root));
  std::vector<sijill::store::TreeEntry> files = repository->ListFiles("recommendations");
  std::vector<double> times;
  for (int i = 0; i < count; ++i) {
    auto start = Clock::now();
    if (reopen) {
      repository =
          std::make_unique<sijill::store::Repository>(sijill::store::Repository::Open(root));
    }
    const std::string& path = files[(static_cast<size_t>(i) * 40 + 5) % files.size()].path;
    std::string text = repository->ReadFile(path).value_or("");
    text += "# store bench follow-up " + std::to_string(i) + "\n";
    sijill::store::ChangeSet changes{repository->Head(), {{path, text}}};
    repository->Commit(changes, author, "bench: follow-up " + std::to_string(i));
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  double total = 0;
  for (double t : times) total += t;
  std::printf("store%s: %d commits, median %.2f ms, mean %.2f ms per commit\n",
              reopen ? " (reopen each time)" : "", count, Median(times), total / count);
  return 0;
}
