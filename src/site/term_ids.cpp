#include "site/term_ids_internal.h"

#include <atomic>

namespace sijill::site::internal {

namespace {

uint64_t NextSerial() {
  static std::atomic<uint64_t> last{0};
  return ++last;
}

}  // namespace

TermIds::TermIds() : serial_(NextSerial()) {}

uint32_t TermIds::IdLocked(std::string_view term) {
  auto found = ids_.find(term);
  if (found != ids_.end()) return found->second;
  uint32_t id = static_cast<uint32_t>(terms_.size());
  ids_.emplace(terms_.emplace_back(term), id);
  return id;
}

uint32_t TermIds::Id(std::string_view term) {
  std::lock_guard lock(mutex_);
  return IdLocked(term);
}

void TermIds::Ids(const std::vector<std::string>& terms, std::vector<uint32_t>& out) {
  std::lock_guard lock(mutex_);
  for (const std::string& term : terms) out.push_back(IdLocked(term));
}

}  // namespace sijill::site::internal
