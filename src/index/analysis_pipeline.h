// Reading and analysing the files of an index catch-up on worker threads (private to
// indexer.cpp; a rebuild analyses and writes on every thread, sharded_rebuild.h).
//
// The profile of a full index (bench/RESULTS.md) showed the per-document analysis (ICU
// normalisation, stemming, 3-grams, citations) on the one core that also feeds Xapian. Here
// each worker thread has its own Analyzer (Xapian::TermGenerator is not thread-safe) and takes
// the next file; the caller receives the files in the order given, so adding them to the
// database on one thread gives the same document ids, terms, values and data as a build on one
// thread. At most `window` analysed files wait for the caller, so memory stays bounded however
// far the workers run ahead.
// Thread-safety: one caller thread; the workers share only the (thread-safe) Repository.
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "sijill/error.h"
#include "sijill/index/analyzer.h"
#include "sijill/store/repository.h"

namespace sijill::index::internal {

// One repository file, analysed.
struct AnalysedFile {
  std::string path;
  bool removed = false;  // not in the commit (deleted since the index's commit)
  // (unique term, document) for each search unit of the file, in CollectFile's order.
  std::vector<std::pair<std::string, Xapian::Document>> documents;
  Problems problems;
};

class AnalysisPipeline {
 public:
  // `threads` workers (0: one per core); with 1, each file is analysed on the caller's thread
  // when Next asks for it, as before there were workers.
  // `files`: paths with their blob ids ("" for a file removed), as Repository::ChangedFiles.
  AnalysisPipeline(const store::Repository& repo, std::vector<store::PathChange> files,
                   unsigned threads);
  ~AnalysisPipeline();  // stops the workers and waits for them
  AnalysisPipeline(const AnalysisPipeline&) = delete;
  AnalysisPipeline& operator=(const AnalysisPipeline&) = delete;

  // The next file in the order of `files`; nullopt after the last. Rethrows the exception a
  // worker met on that file.
  std::optional<AnalysedFile> Next();

 private:
  struct Slot {
    std::optional<AnalysedFile> file;
    std::exception_ptr error;
  };

  AnalysedFile Analyse(Analyzer& analyzer, const store::PathChange& change) const;
  void Work();
  void Stop();

  const store::Repository& repo_;
  std::vector<store::PathChange> paths_;
  size_t window_;
  std::vector<Slot> ring_;  // slot i % window_ holds file i until the caller takes it
  size_t next_claim_ = 0;   // the next file a worker takes
  size_t next_out_ = 0;     // the next file the caller takes
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable ready_;  // a slot was filled
  std::condition_variable room_;   // the caller took a file, or stopping_
  std::unique_ptr<Analyzer> inline_analyzer_;  // threads == 1
  std::vector<std::thread> workers_;
};

}  // namespace sijill::index::internal
