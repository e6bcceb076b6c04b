#include <algorithm>

#include "ingest/arabic_internal.h"

namespace sijill::ingest {

namespace {

// Decodes one UTF-8 sequence at `at`; invalid bytes come back as U+FFFD, one byte long.
char32_t Decode(const std::string& text, size_t& at) {
  unsigned char lead = static_cast<unsigned char>(text[at]);
  int length = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
  if (length == 0 || at + length > text.size()) {
    ++at;
    return 0xFFFD;
  }
  char32_t point = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) point = (point << 6) | (text[at + i] & 0x3F);
  at += length;
  return point;
}

void Encode(char32_t point, std::string& out) {
  if (point < 0x80) {
    out += static_cast<char>(point);
  } else if (point < 0x800) {
    out += static_cast<char>(0xC0 | (point >> 6));
    out += static_cast<char>(0x80 | (point & 0x3F));
  } else if (point < 0x10000) {
    out += static_cast<char>(0xE0 | (point >> 12));
    out += static_cast<char>(0x80 | ((point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (point >> 18));
    out += static_cast<char>(0x80 | ((point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (point & 0x3F));
  }
}

bool IsDropped(char32_t c) { return c == 0x0640 || (c >= 0x064B && c <= 0x0652) || c == 0x0670; }

bool IsLetterOrDigit(char32_t c) {
  return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x0671 && c <= 0x06D3) ||
         (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' ||
         c == '.' || c == '-';
}

char32_t Fold(char32_t c) {
  switch (c) {
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0622:  // آ
    case 0x0671:  // ٱ
      return 0x0627;
    case 0x0649:  // ى
      return 0x064A;
    default:
      break;
  }
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
  return c;
}

}  // namespace

std::string NormalizeForMatch(const std::string& text) {
  std::string out = " ";
  size_t at = 0;
  while (at < text.size()) {
    char32_t c = Decode(text, at);
    if (IsDropped(c)) continue;
    // '.', '/' and '-' only join inside symbols and numbers ("A/64/L.64"); elsewhere they separate.
    if (!IsLetterOrDigit(c) || ((c == '.' || c == '-') && (at >= text.size() || text[at] == ' '))) {
      if (out.back() != ' ') out += ' ';
      continue;
    }
    Encode(Fold(c), out);
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

std::vector<std::string> Tokens(const std::string& normalized) {
  std::vector<std::string> tokens;
  size_t begin = 0;
  while (begin < normalized.size()) {
    size_t end = normalized.find(' ', begin);
    if (end == std::string::npos) end = normalized.size();
    if (end > begin) tokens.push_back(normalized.substr(begin, end - begin));
    begin = end + 1;
  }
  return tokens;
}

std::string Reversed(const std::string& token) {
  std::vector<char32_t> points;
  size_t at = 0;
  while (at < token.size()) points.push_back(Decode(token, at));
  std::string out;
  for (auto it = points.rbegin(); it != points.rend(); ++it) Encode(*it, out);
  return out;
}

bool IsWord(const std::string& token, const std::string& word) {
  if (token == word) return true;
  static const std::vector<std::string> kProclitics = {"و", "ف", "ب", "ل", "ك"};
  for (const std::string& clitic : kProclitics)
    if (token.size() == clitic.size() + word.size() && token.compare(0, clitic.size(), clitic) == 0 &&
        token.compare(clitic.size(), std::string::npos, word) == 0)
      return true;
  return false;
}

}  // namespace sijill::ingest
