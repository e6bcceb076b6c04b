#include "sijill/ingest/source.h"

#include "sijill/error.h"

namespace sijill::ingest {
namespace {

Error Refuse(const std::string& file, int line, int column, const std::string& message) {
  Location where{file, line, column, ""};
  return Error(Error::Kind::kInvalid, message, where);
}

bool IsBinaryControl(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
}

}  // namespace

size_t Utf8SequenceLength(std::string_view bytes, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > bytes.size()) return 0;
  for (size_t k = 1; k < length; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  // Overlong 3/4-byte forms, UTF-16 surrogates and code points above U+10FFFF.
  if (lead == 0xE0 && byte(i + 1) < 0xA0) return 0;
  if (lead == 0xED && byte(i + 1) >= 0xA0) return 0;
  if (lead == 0xF0 && byte(i + 1) < 0x90) return 0;
  if (lead == 0xF4 && byte(i + 1) >= 0x90) return 0;
  return length;
}

std::vector<SourceLine> ReadSource(std::string_view bytes, const std::string& file) {
  std::vector<SourceLine> lines;
  int line = 1;
  size_t line_start = 0;
  bool has_letter = false;
  for (size_t i = 0; i < bytes.size();) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    int column = static_cast<int>(i - line_start) + 1;
    if (c == 0 || IsBinaryControl(c))
      throw Refuse(file, line, column,
                   "binary content (control byte " + std::to_string(c) +
                       "); expected a UTF-8 text extraction");
    size_t length = Utf8SequenceLength(bytes, i);
    if (length == 0) throw Refuse(file, line, column, "invalid UTF-8");
    if (length > 1 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) has_letter = true;
    if (c == '\n') {
      lines.push_back({line, std::string(bytes.substr(line_start, i - line_start)), "", false});
      ++line;
      line_start = i + 1;
    }
    i += length;
  }
  if (line_start < bytes.size())
    lines.push_back({line, std::string(bytes.substr(line_start)), "", false});
  if (!has_letter) throw Refuse(file, 0, 0, "empty input: no text to import");
  for (SourceLine& source : lines) {
    if (!source.raw.empty() && source.raw.back() == '\r') source.raw.pop_back();
    source.text = source.raw;
  }
  return lines;
}

}  // namespace sijill::ingest
