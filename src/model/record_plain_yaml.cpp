// ParsePlainRecord (record_yaml.h): the common shape of a record read without yaml-cpp.
//
// What is read here is a narrow subset of YAML, the one records are written in: a mapping of
// known keys at column 0, each "key: value" or "key:" with a nested block at two spaces
// (source and summary mappings, addressees and topics sequences); values plain, double-quoted
// without escapes, `|`/`|-` literal blocks, or `[]` / `[a, b]` flow lists of simple names. For
// anything else — a comment, a tab, a CR, an escape, a multi-line plain or quoted scalar, a
// follow-up entry, a null, a key duplicated, unknown or missing, an empty line outside a literal
// block, a control character, text that is not UTF-8 — it returns nullopt and the caller reads
// the file with yaml-cpp (ParseRecord), which also says what is wrong. So a record read here is
// one that ParseRecord reads without a problem, and reads the same (tests/unit/model/
// record_plain_yaml_test.cpp compares the two on the seeds and on each refused construct).
// yaml-cpp was most of a site's full build: ~100,000 records, each scanned a character at a
// time through its regular expressions.
#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "sijill/model/record_yaml.h"
#include "sijill/text/utf8.h"

namespace sijill::model {

namespace {

using Lines = std::vector<std::string_view>;

bool IsKeyChar(char c) { return (c >= 'a' && c <= 'z') || c == '-' || c == '_'; }

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

size_t Indent(std::string_view line) {
  size_t n = line.find_first_not_of(' ');
  return n == std::string_view::npos ? line.size() : n;
}

// A one-line scalar after "key: " (or "- "): plain or double-quoted without escapes.
std::optional<std::string> Scalar(std::string_view value) {
  if (value.empty()) return std::nullopt;
  if (value.front() == '"') {
    if (value.size() < 2 || value.back() != '"') return std::nullopt;
    std::string_view inner = value.substr(1, value.size() - 2);
    if (inner.find_first_of("\"\\") != std::string_view::npos) return std::nullopt;
    return std::string(inner);
  }
  if (value == "~" || value == "null" || value == "Null" || value == "NULL") return std::nullopt;
  if (value.front() == ' ' || value.back() == ' ' || value.back() == ':') return std::nullopt;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(value.front()) != std::string_view::npos)
    return std::nullopt;
  if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos)
    return std::nullopt;
  return std::string(value);
}

// "[]" or "[a, b]" of simple names.
std::optional<std::vector<std::string>> FlowNames(std::string_view value) {
  if (value.size() < 2 || value.front() != '[' || value.back() != ']') return std::nullopt;
  std::string_view inner = value.substr(1, value.size() - 2);
  std::vector<std::string> out;
  if (inner.empty()) return out;
  for (size_t start = 0;;) {
    size_t comma = inner.find(", ", start);
    std::string_view item = inner.substr(start, comma == std::string_view::npos ? inner.size() - start : comma - start);
    if (item.empty() || !std::all_of(item.begin(), item.end(), IsNameChar) || item.front() == '-' ||
        item.front() == '.' || item == "null")
      return std::nullopt;
    out.emplace_back(item);
    if (comma == std::string_view::npos) return out;
    start = comma + 2;
  }
}

class Reader {
 public:
  explicit Reader(const Lines& lines) : lines_(lines) {}

  bool AtEnd() const { return at_ >= lines_.size(); }
  std::string_view Peek() const { return lines_[at_]; }
  std::string_view Take() { return lines_[at_++]; }

  // The value after "key:" of a line at column `indent`: "|", "|-" read the block below it;
  // a one-line scalar; nullopt for anything else.
  std::optional<std::string> Value(std::string_view after, size_t indent) {
    if (after == " |" || after == " |-") return Literal(indent, after == " |");
    if (after.size() < 2 || after[0] != ' ') return std::nullopt;
    std::optional<std::string> scalar = Scalar(after.substr(1));
    // The next line must not go on with it (a plain scalar over several lines).
    if (scalar && !AtEnd() && Indent(Peek()) > indent) return std::nullopt;
    return scalar;
  }

  // The lines of a literal block below a key at column `indent`.
  std::optional<std::string> Literal(size_t indent, bool clip) {
    if (AtEnd()) return std::nullopt;
    size_t block = Indent(Peek());
    if (Peek().empty() || block <= indent || block == Peek().size()) return std::nullopt;
    std::string out;
    size_t empty_run = 0;  // empty lines not yet known to be inside the block
    while (!AtEnd()) {
      std::string_view line = Peek();
      if (line.empty()) {
        ++empty_run;
        ++at_;
        continue;
      }
      size_t n = Indent(line);
      if (n == line.size()) return std::nullopt;  // spaces only: left to yaml-cpp
      if (n < block) {
        if (n > indent) return std::nullopt;
        break;
      }
      if (!out.empty()) out.push_back('\n');
      out.append(empty_run, '\n');
      empty_run = 0;
      out.append(line.substr(block));
      ++at_;
    }
    if (clip) out.push_back('\n');
    return out;
  }

 private:
  const Lines& lines_;
  size_t at_ = 0;
};

}  // namespace

std::optional<Recommendation> ParsePlainRecord(std::string_view text) {
  if (text.empty() || text.back() != '\n') return std::nullopt;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n') || byte == 0x7F) return std::nullopt;  // tabs and CRs too
  }
  if (!text::IsValidUtf8(text)) return std::nullopt;
  // YAML 1.1 line breaks and the BOM, which yaml-cpp may read as breaks.
  for (std::string_view odd : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"})
    if (text.find(odd) != std::string_view::npos) return std::nullopt;
  Lines lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  Reader reader(lines);
  Recommendation record;
  std::vector<std::string_view> seen;
  auto once = [&seen](std::string_view key) {
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return false;
    seen.push_back(key);
    return true;
  };
  while (!reader.AtEnd()) {
    std::string_view line = reader.Take();
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    std::string_view key = line.substr(0, colon);
    if (!std::all_of(key.begin(), key.end(), IsKeyChar) || !once(key)) return std::nullopt;
    std::string_view after = line.substr(colon + 1);
    auto scalar = [&](std::string& into) {
      std::optional<std::string> value = reader.Value(after, 0);
      if (!value) return false;
      into = std::move(*value);
      return true;
    };
    if (key == "id") {
      if (!scalar(record.id)) return std::nullopt;
    } else if (key == "text") {
      if (!scalar(record.text)) return std::nullopt;
    } else if (key == "language") {
      if (!scalar(record.language)) return std::nullopt;
    } else if (key == "adopted") {
      if (!scalar(record.adopted)) return std::nullopt;
    } else if (key == "modality") {
      if (!scalar(record.modality)) return std::nullopt;
    } else if (key == "status") {
      if (!scalar(record.status)) return std::nullopt;
    } else if (key == "followup") {
      if (after != " []") return std::nullopt;  // entries: left to yaml-cpp
    } else if (key == "addressees" || key == "topics") {
      std::vector<std::string>& into = key == "addressees" ? record.addressees : record.topics;
      if (!after.empty()) {
        std::optional<std::vector<std::string>> names = FlowNames(after.substr(after.empty() ? 0 : 1));
        if (after[0] != ' ' || !names) return std::nullopt;
        into = std::move(*names);
        continue;
      }
      // A block sequence at two spaces.
      if (reader.AtEnd() || !reader.Peek().starts_with("  - ")) return std::nullopt;
      while (!reader.AtEnd() && Indent(reader.Peek()) > 0) {
        std::string_view item = reader.Take();
        if (!item.starts_with("  - ")) return std::nullopt;
        std::optional<std::string> value = Scalar(item.substr(4));
        if (!value || (!reader.AtEnd() && Indent(reader.Peek()) > 2)) return std::nullopt;
        into.push_back(std::move(*value));
      }
    } else if (key == "source" || key == "summary") {
      if (!after.empty()) return std::nullopt;
      // A block mapping at two spaces.
      std::vector<std::string_view> inner_seen;
      if (reader.AtEnd() || Indent(reader.Peek()) != 2) return std::nullopt;
      while (!reader.AtEnd() && Indent(reader.Peek()) > 0) {
        std::string_view entry = reader.Take();
        if (Indent(entry) != 2) return std::nullopt;
        entry.remove_prefix(2);
        size_t inner_colon = entry.find(':');
        if (inner_colon == std::string_view::npos || inner_colon == 0) return std::nullopt;
        std::string_view inner_key = entry.substr(0, inner_colon);
        if (!std::all_of(inner_key.begin(), inner_key.end(), IsKeyChar) ||
            std::find(inner_seen.begin(), inner_seen.end(), inner_key) != inner_seen.end())
          return std::nullopt;
        inner_seen.push_back(inner_key);
        std::optional<std::string> value = reader.Value(entry.substr(inner_colon + 1), 2);
        if (!value) return std::nullopt;
        if (key == "summary") {
          record.summary[std::string(inner_key)] = std::move(*value);
        } else if (inner_key == "symbol") {
          record.source.symbol = std::move(*value);
        } else if (inner_key == "paragraph") {
          record.source.paragraph = std::move(*value);
        } else if (inner_key == "section") {
          record.source.section = std::move(*value);
        } else {
          return std::nullopt;
        }
      }
      if (key == "source" && (std::find(inner_seen.begin(), inner_seen.end(), "symbol") == inner_seen.end() ||
                              std::find(inner_seen.begin(), inner_seen.end(), "paragraph") == inner_seen.end()))
        return std::nullopt;
    } else {
      return std::nullopt;  // unknown: yaml-cpp's reader reports it
    }
  }
  for (std::string_view required : {"id", "source", "text", "language", "status"})
    if (std::find(seen.begin(), seen.end(), required) == seen.end()) return std::nullopt;
  if (record.id.empty()) return std::nullopt;
  return record;
}

}  // namespace sijill::model
