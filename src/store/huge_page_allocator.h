// An allocator for the few large arrays of one short process (the index entries of an
// 80,000-file repository: ~4 MB). Fresh memory reaches a process one 4 KB page fault at a time,
// and on this kind of machine (a VM, memory accounting) each fault costs ~2 µs: ~1,000 of them
// were 8 % of a `sijill status` (bench/RESULTS.md). Arrays of 2 MB or more are mapped 2 MB
// aligned and marked for transparent huge pages (MADV_HUGEPAGE: the kernel's "madvise" mode, as
// Debian ships it), so the kernel fills them with a couple of faults; smaller ones come from
// operator new. Where huge pages are off, the array is simply mapped memory.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>

namespace sijill::store {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;
  // AddressSanitizer watches heap blocks, not mappings: under it everything comes from the heap.
#if defined(__SANITIZE_ADDRESS__)
  static constexpr bool kSanitized = true;
#elif defined(__has_feature)
  static constexpr bool kSanitized = __has_feature(address_sanitizer);
#else
  static constexpr bool kSanitized = false;
#endif

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: rebinding must be implicit

  T* allocate(size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kHugePage || kSanitized) return static_cast<T*>(::operator new(bytes));
    size_t rounded = Rounded(bytes);
    // Mapped a huge page larger, then trimmed to a 2 MB aligned range: only aligned 2 MB
    // ranges can be huge pages.
    size_t mapped = rounded + kHugePage;
    void* raw = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    auto start = reinterpret_cast<uintptr_t>(raw);
    uintptr_t aligned = (start + kHugePage - 1) & ~(uintptr_t{kHugePage} - 1);
    if (aligned > start) munmap(raw, aligned - start);
    size_t tail = start + mapped - (aligned + rounded);
    if (tail > 0) munmap(reinterpret_cast<void*>(aligned + rounded), tail);
    madvise(reinterpret_cast<void*>(aligned), rounded, MADV_HUGEPAGE);
    return reinterpret_cast<T*>(aligned);
  }

  void deallocate(T* p, size_t n) noexcept {
    size_t bytes = n * sizeof(T);
    if (bytes < kHugePage || kSanitized) {
      ::operator delete(p);
    } else {
      munmap(p, Rounded(bytes));
    }
  }

  static size_t Rounded(size_t bytes) { return (bytes + kHugePage - 1) & ~(kHugePage - 1); }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace sijill::store
