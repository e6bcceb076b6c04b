// The search index's terms as numbers (search_index.cpp): each distinct term is kept once and
// a document's terms are 32-bit ids, not a std::string each. Sorting, summing and merging ~14
// million strings (most of them Arabic, past the 15-byte small-string buffer) was a fifth of
// a full build at 20,000 reports.
// Thread-safety: Id and Ids may be called from several threads at once; Term and size only once
// every call to them is done.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sijill::site::internal {

class TermIds {
 public:
  TermIds();
  TermIds(const TermIds&) = delete;
  TermIds& operator=(const TermIds&) = delete;

  // The id of `term`, a new one (the next number) the first time it is asked for.
  uint32_t Id(std::string_view term);
  // The ids of `terms`, in order, under one lock.
  void Ids(const std::vector<std::string>& terms, std::vector<uint32_t>& out);

  const std::string& Term(uint32_t id) const { return terms_[id]; }
  size_t size() const { return terms_.size(); }
  // Different for every TermIds of the process, never 0: what a thread's cache of ids
  // (search_terms.cpp) checks its ids against.
  uint64_t serial() const { return serial_; }

 private:
  uint32_t IdLocked(std::string_view term);

  const uint64_t serial_;
  std::mutex mutex_;
  std::deque<std::string> terms_;  // by id; a deque, so that ids_'s views stay valid
  std::unordered_map<std::string_view, uint32_t> ids_;
};

// As SearchTermsOfNormalized and GluedTermsOfNormalized (sijill/site/search_terms.h), the
// terms appended to `out` as ids of `ids`.
void AppendSearchTermIds(std::string_view normalized, TermIds& ids, std::vector<uint32_t>& out);
void AppendGluedTermIds(std::string_view normalized, TermIds& ids, std::vector<uint32_t>& out);

}  // namespace sijill::site::internal
