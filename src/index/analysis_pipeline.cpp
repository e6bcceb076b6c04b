#include "index/analysis_pipeline.h"

#include <algorithm>

#include "sijill/index/collect.h"
#include "sijill/index/terms.h"

namespace sijill::index::internal {

namespace {

// Files analysed ahead of the writer, per worker: enough that no worker waits while the writer
// is busy with one large report, few enough that the waiting documents stay small (a report
// with its paragraphs is about a megabyte of Xapian::Document).
constexpr size_t kWindowPerWorker = 16;

}  // namespace

AnalysisPipeline::AnalysisPipeline(const store::Repository& repo,
                                   std::vector<store::PathChange> files, unsigned threads)
    : repo_(repo), paths_(std::move(files)) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, paths_.size()));
  if (threads <= 1) {
    inline_analyzer_ = std::make_unique<Analyzer>();
    window_ = 1;
    return;
  }
  window_ = kWindowPerWorker * threads;
  ring_.resize(window_);
  try {
    for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { Work(); });
  } catch (...) {
    Stop();
    throw;
  }
}

AnalysisPipeline::~AnalysisPipeline() { Stop(); }

void AnalysisPipeline::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  room_.notify_all();
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
}

AnalysedFile AnalysisPipeline::Analyse(Analyzer& analyzer,
                                       const store::PathChange& change) const {
  AnalysedFile file;
  file.path = change.path;
  if (change.blob_id.empty()) {
    file.removed = true;
    return file;
  }
  std::optional<std::string> content = repo_.ReadBlob(change.blob_id);
  if (!content)
    throw Error(Error::Kind::kIo, change.path + ": blob " + change.blob_id +
                                      " is missing from the repository");
  for (const IndexDoc& doc : CollectFile(change.path, *content, file.problems))
    file.documents.emplace_back(UniqueTerm(doc.kind, doc.id), analyzer.Build(doc));
  return file;
}

void AnalysisPipeline::Work() {
  Analyzer analyzer;
  for (;;) {
    size_t i;
    {
      std::unique_lock lock(mutex_);
      room_.wait(lock, [&] {
        return stopping_ || next_claim_ >= paths_.size() || next_claim_ < next_out_ + window_;
      });
      if (stopping_ || next_claim_ >= paths_.size()) return;
      i = next_claim_++;
    }
    Slot slot;
    try {
      slot.file = Analyse(analyzer, paths_[i]);
    } catch (...) {
      slot.error = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      ring_[i % window_] = std::move(slot);
    }
    ready_.notify_all();
  }
}

std::optional<AnalysedFile> AnalysisPipeline::Next() {
  if (next_out_ >= paths_.size()) return std::nullopt;
  if (inline_analyzer_) return Analyse(*inline_analyzer_, paths_[next_out_++]);
  Slot slot;
  {
    std::unique_lock lock(mutex_);
    Slot& ready = ring_[next_out_ % window_];
    ready_.wait(lock, [&] { return ready.file.has_value() || ready.error; });
    slot = std::move(ready);
    ready = Slot{};
    ++next_out_;
  }
  room_.notify_all();
  if (slot.error) std::rethrow_exception(slot.error);
  return std::move(slot.file);
}

}  // namespace sijill::index::internal
