// Entries of the record kept on disk while it is built: the record of 100,000 recommendations
// would otherwise hold every text in memory at once (~7 KB a record). An unnamed temporary file
// (gone when the process ends, even on a crash); entries are read back by offset.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "sijill/record/consolidated.h"

namespace sijill::record {

class EntrySpill {
 public:
  EntrySpill();  // throws Error kIo when no temporary file can be made
  ~EntrySpill();
  EntrySpill(const EntrySpill&) = delete;
  EntrySpill& operator=(const EntrySpill&) = delete;

  // Appends; returns where to read the entry back.
  uint64_t Write(const Entry& entry);
  // Call once after the last Write, before any Read.
  void Finish();
  // Thread-safe once finished (positioned reads).
  Entry Read(uint64_t offset) const;

 private:
  std::FILE* file_;
  uint64_t size_ = 0;
  std::string buffer_;
};

}  // namespace sijill::record
