#include <cstdio>

#include "model/yaml_scalar_internal.h"

namespace sijill::model::internal {

namespace {

// YAML 1.1 line breaks and the BOM that a plain or literal scalar must not carry raw:
// U+0085, U+2028, U+2029, U+FEFF.
bool HasUnicodeBreak(std::string_view value) {
  return value.find("\xC2\x85") != std::string_view::npos ||
         value.find("\xE2\x80\xA8") != std::string_view::npos ||
         value.find("\xE2\x80\xA9") != std::string_view::npos ||
         value.find("\xEF\xBB\xBF") != std::string_view::npos;
}

bool HasControl(std::string_view value, bool allow_newline_and_tab) {
  for (char c : value) {
    auto byte = static_cast<unsigned char>(c);
    if (allow_newline_and_tab && (c == '\n' || c == '\t')) continue;
    if (byte < 0x20 || byte == 0x7F) return true;
  }
  return false;
}

bool CanBeLiteral(std::string_view value) {
  if (value.find('\n') == std::string_view::npos) return false;
  if (value.find_first_not_of('\n') == std::string_view::npos) return false;
  // A line of only spaces/tabs at the end would be eaten by chomping; quote instead.
  size_t last = value.find_last_not_of('\n');
  size_t line_start = value.rfind('\n', last);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  if (value.substr(line_start, last + 1 - line_start).find_first_not_of(" \t") ==
      std::string_view::npos)
    return false;
  return !HasControl(value, true) && !HasUnicodeBreak(value);
}

std::string Literal(std::string_view value, int indent) {
  size_t content_end = value.find_last_not_of('\n') + 1;
  size_t trailing = value.size() - content_end;
  std::string header = "|";
  // The first non-empty line fixes the block's indentation; if it starts with a space or a
  // tab, say the indentation explicitly (YAML 1.2 §8.1.1.1).
  size_t first = value.find_first_not_of('\n');
  if (value[first] == ' ' || value[first] == '\t') header += "2";
  header += trailing == 0 ? "-" : trailing == 1 ? "" : "+";
  std::string pad(indent + 2, ' ');
  std::string out = " " + header + "\n";
  size_t start = 0;
  std::string_view body = value.substr(0, content_end);
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    out += line.empty() ? "\n" : pad + std::string(line) + "\n";
    start = end + 1;
  }
  for (size_t i = 1; i < trailing; ++i) out += "\n";
  return out;
}

}  // namespace

bool IsPlainSafe(std::string_view value, ScalarContext context) {
  if (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL")
    return false;
  if (HasControl(value, false) || HasUnicodeBreak(value)) return false;
  if (value.front() == ' ' || value.back() == ' ' || value.back() == ':') return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(value.front()) != std::string_view::npos)
    return false;
  if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos)
    return false;
  if (context == ScalarContext::kFlow && value.find_first_of(",[]{}") != std::string_view::npos)
    return false;
  return true;
}

std::string DoubleQuoted(std::string_view value) {
  std::string out = "\"";
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      out += escaped;
    } else if (value.substr(i, 2) == "\xC2\x85") {
      out += "\\u0085";  // yaml-cpp 0.7 decodes "\\N" to a lone byte
      ++i;
    } else if (value.substr(i, 3) == "\xE2\x80\xA8" || value.substr(i, 3) == "\xE2\x80\xA9") {
      out += value[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (value.substr(i, 3) == "\xEF\xBB\xBF") {
      out += "\\uFEFF";
      i += 2;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string ScalarAfterKey(std::string_view value, int indent) {
  if (CanBeLiteral(value)) return Literal(value, indent);
  if (IsPlainSafe(value, ScalarContext::kBlock)) return " " + std::string(value);
  return " " + DoubleQuoted(value);
}

std::string FlowList(const std::vector<std::string>& items) {
  std::string out = " [";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += IsPlainSafe(items[i], ScalarContext::kFlow) ? items[i] : DoubleQuoted(items[i]);
  }
  return out + "]";
}

}  // namespace sijill::model::internal
