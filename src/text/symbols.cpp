#include "sijill/text/symbols.h"

#include <cctype>

namespace sijill::text {

namespace {

bool IsPartChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
}

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Length of the symbol starting at `begin`, or 0. A part starts with a letter or digit.
size_t SymbolLength(std::string_view text, size_t begin) {
  size_t i = begin;
  int parts = 0;
  size_t end = begin;
  while (i < text.size() && IsAlnum(text[i])) {
    while (i < text.size() && IsPartChar(text[i])) ++i;
    ++parts;
    end = i;
    if (i + 1 < text.size() && text[i] == '/' && IsAlnum(text[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  while (end > begin && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
  if (parts < 2 || text.substr(begin, end - begin).find('/') == std::string_view::npos) return 0;
  return end - begin;
}

bool StartsToken(std::string_view text, size_t i) {
  if (i == 0) return true;
  char before = text[i - 1];
  return !(IsAlnum(before) || before == '/' || before == '.' || before == '-' || before == ':');
}

}  // namespace

std::vector<std::string> FindSymbols(std::string_view text) {
  std::vector<std::string> symbols;
  for (size_t i = 0; i < text.size();) {
    if (IsAlnum(text[i]) && StartsToken(text, i)) {
      if (size_t length = SymbolLength(text, i)) {
        symbols.emplace_back(text.substr(i, length));
        i += length;
        continue;
      }
    }
    ++i;
  }
  return symbols;
}

std::vector<std::string> SymbolKeys(std::string_view symbol) {
  std::string lower(symbol);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::vector<std::string> keys = {lower};
  // Every tail that still has two parts: cut after each '/' but the last.
  size_t last = lower.rfind('/');
  for (size_t i = lower.find('/'); i != std::string::npos && i < last; i = lower.find('/', i + 1))
    keys.push_back(lower.substr(i + 1));
  return keys;
}

bool IsSymbol(std::string_view token) {
  return !token.empty() && SymbolLength(token, 0) == token.size();
}

}  // namespace sijill::text
