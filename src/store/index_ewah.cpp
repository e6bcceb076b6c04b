// The EWAH-compressed bitmaps of the split index's "link" extension, in git's serialisation
// (git's ewah/ewah_io.c and ewok_rlw.h): a 32-bit bit count, a 32-bit word count, that many
// 64-bit words, and the 32-bit position of the last run-length word; all big-endian.
//
// The words are runs: a marker word ("running length word": bit 0 the run's bit, bits 1-32 how
// many 64-bit words are all that bit, bits 33-63 how many literal words follow it) and then
// the literal words, whose bit c stands for position 64 * word + c.
#include "store/index_format_internal.h"

namespace sijill::store::worktree::index_format {

namespace {

constexpr uint64_t kRunningLengthMask = 0xffffffffull;  // 32 bits, above the run bit
constexpr uint64_t kLargestLiteralCount = (uint64_t{1} << 31) - 1;

uint64_t Get64(const char* p) { return (uint64_t{Get32(p)} << 32) | Get32(p + 4); }

void Append64(std::string& out, uint64_t value) {
  Append32(out, static_cast<uint32_t>(value >> 32));
  Append32(out, static_cast<uint32_t>(value));
}

}  // namespace

std::optional<std::vector<uint32_t>> ReadEwah(std::string_view data, size_t& pos) {
  if (pos + 8 > data.size()) return std::nullopt;
  uint64_t words = Get32(&data[pos + 4]);
  size_t end = pos + 8 + words * 8;
  if (end + 4 > data.size()) return std::nullopt;
  std::vector<uint32_t> bits;
  uint64_t at = 0;  // the bit position the next word stands for
  for (size_t word = pos + 8; word < end;) {
    uint64_t marker = Get64(&data[word]);
    word += 8;
    uint64_t run = ((marker >> 1) & kRunningLengthMask) * 64;
    if (at + run > (uint64_t{1} << 32)) return std::nullopt;
    if ((marker & 1) != 0) {
      for (uint64_t i = 0; i < run; ++i) bits.push_back(static_cast<uint32_t>(at + i));
    }
    at += run;
    uint64_t literals = marker >> 33;
    if (literals > (end - word) / 8) return std::nullopt;
    for (uint64_t i = 0; i < literals; ++i, word += 8, at += 64) {
      uint64_t literal = Get64(&data[word]);
      for (int c = 0; c < 64; ++c) {
        if ((literal >> c) & 1) bits.push_back(static_cast<uint32_t>(at + c));
      }
    }
  }
  pos = end + 4;
  return bits;
}

void AppendEwah(std::string& out, const std::vector<uint32_t>& bits) {
  std::vector<uint64_t> words{0};  // git's empty bitmap is one empty marker word
  size_t marker = 0;
  uint64_t covered = 0;  // 64-bit words accounted for so far
  for (size_t i = 0; i < bits.size();) {
    uint64_t index = bits[i] / 64, literal = 0;
    for (; i < bits.size() && bits[i] / 64 == index; ++i) literal |= uint64_t{1} << (bits[i] % 64);
    uint64_t gap = index - covered;
    uint64_t literals = words[marker] >> 33;
    bool fresh = words[marker] == 0;
    if (!fresh && (gap > 0 || literals == kLargestLiteralCount)) {
      words.push_back(0);
      marker = words.size() - 1;
      literals = 0;
      fresh = true;
    }
    if (fresh) words[marker] = gap << 1;  // a run of `gap` zero words
    words[marker] = (words[marker] & ((uint64_t{1} << 33) - 1)) | ((literals + 1) << 33);
    words.push_back(literal);
    covered = index + 1;
  }
  Append32(out, bits.empty() ? 0 : bits.back() + 1);
  Append32(out, static_cast<uint32_t>(words.size()));
  for (uint64_t word : words) Append64(out, word);
  Append32(out, static_cast<uint32_t>(marker));
}

}  // namespace sijill::store::worktree::index_format
