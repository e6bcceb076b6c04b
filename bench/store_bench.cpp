// store_bench REPO N [--reopen]: N follow-up commits through store::Repository, each changing
// one record of a different report; prints the per-commit time in milliseconds.
// --reopen opens the repository again for every commit, as a `sijill status` process would
// (process start-up aside). Run by bench/store_bench.sh next to the git CLI loop.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "sijill/store/repository.h"

namespace {

using Clock = std::chrono::steady_clock;

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// User + system CPU time of this process: unlike wall time, barely affected by other load.
double CpuMs() {
  timespec now;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
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
  double cpu_start = CpuMs();
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
  double cpu = (CpuMs() - cpu_start) / count;
  double total = 0;
  for (double t : times) total += t;
  std::printf("store%s: %d commits, median %.2f ms, mean %.2f ms, CPU %.2f ms per commit\n",
              reopen ? " (reopen each time)" : "", count, Median(times), total / count, cpu);
  // History of one record over everything committed so far (first-parent walk).
  auto start = Clock::now();
  size_t found = repository->History(files[5].path).size();
  std::printf("history of %s: %zu commits found in %.2f ms\n", files[5].path.c_str(), found,
              std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  return 0;
}
