#include "sijill/site/site.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <future>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <sys/resource.h>

#include "sijill/error.h"
#include "site/build_stamp_internal.h"
#include "site/pages_internal.h"
#include "site/snapshot_cache_internal.h"

namespace sijill::site {

namespace {

using internal::Page;

// Renders the pages whose key changed, on `threads` threads; the first error stops the rest.
// Progress counts from `done_before` of `total` pages.
void Run(std::vector<Page>& jobs, internal::Output& output, unsigned threads,
         const std::function<void(size_t, size_t)>& progress, size_t done_before, size_t total) {
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    for (size_t taken; !failed && (taken = next++) < jobs.size();) {
      try {
        // From the last: the sitemap, listed last and the longest to render when it changes
        // (127,000 urls), is then begun first, beside the other pages, not after them.
        Page& page = jobs[jobs.size() - 1 - taken];
        if (!output.Fresh(page.path, page.key)) output.Put(page.path, page.key, page.render());
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
      size_t n = ++done;
      if (progress && (n % 256 == 0 || n == jobs.size())) {
        std::lock_guard lock(error_mutex);
        progress(done_before + n, total);
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace

std::string DefaultThemeDir() {
  if (const char* dir = std::getenv("SIJILL_THEME_DIR"); dir && *dir) return dir;
  return std::string(SIJILL_SOURCE_DIR) + "/site/theme";
}

namespace {

// SIJILL_SITE_TIMES=1: the wall time of each phase of a build on stderr, for bench/ and profiling,
// with the CPU time (user + sys, all threads) spent in it: their ratio shows a phase where
// only one core works.
class PhaseTimes {
 public:
  PhaseTimes() : on_(std::getenv("SIJILL_SITE_TIMES") != nullptr) {
    if (on_) last_cpu_ = CpuMs();
  }
  void Done(const char* phase) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    double cpu = CpuMs();
    std::fprintf(stderr, "site: %-10s %8.1f ms  (cpu %8.1f ms)\n", phase,
                 std::chrono::duration<double, std::milli>(now - last_).count(), cpu - last_cpu_);
    last_ = now;
    last_cpu_ = cpu;
  }

 private:
  static double CpuMs() {
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
    auto ms = [](const struct timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
  }

  bool on_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  double last_cpu_ = 0;
};

// Where a build's data goes when BuildOptions::free_at_end is false: never freed, and
// reachable from a global, so LeakSanitizer does not report it as a leak.
void LeaveAllocated(std::shared_ptr<void> data) {
  static std::mutex mutex;
  static auto* kept = new std::vector<std::shared_ptr<void>>;
  std::lock_guard lock(mutex);
  kept->push_back(std::move(data));
}

}  // namespace

BuildStats Build(store::Repository& repository, const BuildOptions& options) {
  PhaseTimes times;
  std::error_code error;
  std::filesystem::create_directories(options.out, error);
  if (error) throw Error(Error::Kind::kIo, "cannot create " + options.out + ": " + error.message());
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::max(1u, threads);
  // The last build's manifest and the walk of the output directory need nothing else: with
  // more than one thread they are read beside the snapshot (~0.15 s of a 20,000-report rebuild,
  // much of it in the kernel's getdents).
  // The stamp of the last complete build (build_stamp_internal.h): its directories' times
  // spare the output's walk most directories.
  const std::optional<internal::BuildStamp> last = internal::ReadBuildStamp(options.out);
  const internal::DirTimes* dir_times = last ? &last->dir_times : nullptr;
  auto read_output = [&options, dir_times] {
    return std::make_shared<internal::Output>(options.out, dir_times);
  };
  std::future<std::shared_ptr<internal::Output>> output_read;
  if (threads > 1) output_read = std::async(std::launch::async, read_output);
  std::shared_ptr<internal::Output> output;
  auto output_ready = [&]() -> internal::Output& {
    if (!output) output = output_read.valid() ? output_read.get() : read_output();
    return *output;
  };
  // The commit and the theme first: with the stamp of the last build they may show that
  // nothing changed (build_stamp_internal.h).
  std::string commit =
      options.rev == "HEAD" && repository.Head().empty() ? "" : repository.Resolve(options.rev);
  std::string theme_dir = options.theme_dir.empty() ? DefaultThemeDir() : options.theme_dir;
  internal::Theme theme = internal::Theme::Load(theme_dir, repository, commit);
  internal::BuildStamp stamp{commit, theme.key(), options.base_url,
                             internal::StampedOut(options.out), 0, 0};
  if (last && !commit.empty() && last->commit == stamp.commit &&
      last->theme_key == stamp.theme_key && last->base_url == stamp.base_url &&
      last->out == stamp.out) {
    internal::Output& previous = output_ready();
    if (previous.ManifestSum() == last->manifest_sum && previous.previous_pages() == last->pages &&
        previous.AllPresent()) {
      times.Done("unchanged");
      BuildStats stats;
      stats.pages = previous.previous_pages();
      stats.unchanged = true;
      if (!options.free_at_end) LeaveAllocated(output);
      return stats;
    }
  }
  // From here on pages may be written: a build stopped half way must leave no stamp.
  internal::RemoveBuildStamp(options.out);
  times.Done("stamp");
  auto loaded = std::make_shared<internal::LoadedSnapshot>(
      internal::LoadSnapshotCached(repository, options.rev, options.out, threads));
  const records::Snapshot& snapshot = loaded->snapshot;
  times.Done("snapshot");
  auto histories = std::make_shared<internal::RecordHistories>(
      repository, snapshot,
      (std::filesystem::path(options.out) / ".sijill-site-cache" / "history").string());
  // The history (~40 ms at 20,000 reports) needs only the snapshot: read beside the Model.
  std::future<void> history_read;
  if (threads > 1) history_read = std::async(std::launch::async, [&histories] { histories->Load(); });
  auto model =
      std::make_shared<internal::Model>(snapshot, options, theme.key(), &loaded->paragraph_ids,
                                        &loaded->record_texts, &loaded->record_files);
  model->repository = &repository;
  times.Done("model");
  output_ready();
  times.Done("manifest");
  if (history_read.valid()) history_read.get(); else histories->Load();
  times.Done("history");
  auto pages = std::make_shared<internal::Pages>(
      internal::Pages{*model, theme, repository, *histories, *output, {}});
  // The record pages (a key per record: most of this phase) listed on another thread, into
  // their own list, put back in their place after: the pages are listed in the same order
  // either way (the sitemap's key follows it).
  internal::Pages record_pages{*model, theme, repository, *histories, *output, {}};
  std::future<void> records_listed;
  if (threads > 1)
    records_listed = std::async(std::launch::async, [&record_pages] { internal::AddRecordPages(record_pages); });
  else
    internal::AddRecordPages(record_pages);
  internal::AddAssets(*pages);
  internal::AddHomePages(*pages);
  internal::AddReportPages(*pages);
  auto after_records = std::make_shared<internal::Pages>(
      internal::Pages{*model, theme, repository, *histories, *output, {}});
  internal::AddBriefPages(*after_records);
  internal::AddListPages(*after_records);
  internal::AddFeeds(*after_records);
  // (The search index's pages keep a reference to the Pages they were listed with.)
  auto search_pages = std::make_shared<internal::Pages>(
      internal::Pages{*model, theme, repository, *histories, *output, {}});
  std::function<void()> make_search_index = internal::AddSearchIndex(*search_pages);
  if (records_listed.valid()) records_listed.get();
  pages->jobs.reserve(pages->jobs.size() + record_pages.jobs.size() + after_records->jobs.size() +
                      search_pages->jobs.size() + 1);
  for (internal::Pages* part : {&record_pages, after_records.get(), search_pages.get()}) {
    std::move(part->jobs.begin(), part->jobs.end(), std::back_inserter(pages->jobs));
    part->jobs.clear();
  }
  internal::AddSitemap(*pages);
  times.Done("keys");

  // The search index, when it has to be made (a full build: ~a third of its CPU), is made
  // beside the rendering of the other pages, its files rendered after them: its last steps
  // (the postings and shards of every term) are serial, and a core idled through them.
  std::future<void> search_index_made;
  if (make_search_index && threads > 1)
    search_index_made = std::async(std::launch::async, make_search_index);
  else if (make_search_index)
    make_search_index();
  const size_t listed = pages->jobs.size();
  Run(pages->jobs, *output, threads, options.progress, 0,
      listed + search_pages->jobs.size() + (search_index_made.valid() ? 1 : 0));
  if (search_index_made.valid()) search_index_made.get();
  Run(search_pages->jobs, *output, threads, options.progress, listed,
      listed + search_pages->jobs.size());
  times.Done("render");
  output->Finish();
  stamp.manifest_sum = output->ManifestSum();
  stamp.pages = output->pages();
  stamp.dir_times = output->Times();
  internal::WriteBuildStamp(options.out, stamp);
  times.Done("finish");
  BuildStats stats;
  stats.pages = output->pages();
  stats.rendered = output->rendered();
  stats.written_paths = output->written();
  stats.written = stats.written_paths.size();
  stats.removed = output->removed();
  stats.parsed = loaded->parsed;
  stats.cache_note = loaded->note;
  if (!histories->note().empty())
    stats.cache_note += (stats.cache_note.empty() ? "" : "; ") + histories->note();
  if (!options.free_at_end) {
    // Pages first: their jobs hold pointers into the others.
    for (std::shared_ptr<void> data : {std::shared_ptr<void>(pages), std::shared_ptr<void>(after_records),
                                       std::shared_ptr<void>(search_pages),
                                       std::shared_ptr<void>(histories),
                                       std::shared_ptr<void>(output), std::shared_ptr<void>(model),
                                       std::shared_ptr<void>(loaded)})
      LeaveAllocated(std::move(data));
  }
  return stats;
}

}  // namespace sijill::site
