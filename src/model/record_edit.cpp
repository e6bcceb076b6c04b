#include "sijill/model/record_edit.h"

#include <optional>
#include <set>

#include "model/record_edit_internal.h"
#include "model/yaml_read_internal.h"
#include "model/yaml_scalar_internal.h"
#include "sijill/error.h"
#include "sijill/model/record_yaml.h"

namespace sijill::model {

namespace {

using internal::LineEdit;
using internal::RecordLayout;
using internal::SplitLines;
using internal::TopLevelKey;

constexpr size_t kNone = std::string::npos;

std::string InlineScalar(std::string_view value) {
  return internal::IsPlainSafe(value, internal::ScalarContext::kBlock)
             ? std::string(value)
             : internal::DoubleQuoted(value);
}

std::vector<std::string> KeyLines(std::string_view key, std::string_view value) {
  std::string text = std::string(key) + ":" + internal::ScalarAfterKey(value, 0);
  if (text.back() != '\n') text += '\n';
  return SplitLines(text);
}

// End of the single-line scalar that starts at byte `begin` of `line`; kNone when the value
// is not a one-line plain or quoted scalar.
size_t ScalarTokenEnd(const std::string& line, size_t begin) {
  if (begin >= line.size()) return kNone;
  char quote = line[begin];
  if (quote == '"' || quote == '\'') {
    for (size_t i = begin + 1; i < line.size(); ++i) {
      if (quote == '"' && line[i] == '\\') {
        ++i;
      } else if (line[i] == quote) {
        if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          ++i;
          continue;
        }
        return i + 1;
      }
    }
    return kNone;
  }
  if (std::string_view("|>[{&*").find(quote) != std::string_view::npos) return kNone;
  size_t end = line.find(" #", begin);
  if (end == kNone) end = line.size();
  while (end > begin && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  return end;
}

// The trailing " # comment" of a key line whose value is empty or "[]", or "".
std::string TrailingComment(const std::string& line) {
  size_t hash = line.find(" #");
  if (hash == kNone) return "";
  while (hash > 0 && (line[hash - 1] == ' ' || line[hash - 1] == '\t')) --hash;
  return line.substr(hash);
}

LineEdit StatusEdit(const RecordLayout& layout, const std::string& status) {
  const TopLevelKey* key = layout.Find("status");
  if (!key) {
    // A record without status (a `check` error): add it before followup, or at the end.
    const TopLevelKey* followup = layout.Find("followup");
    int at = followup ? followup->line : static_cast<int>(layout.lines().size());
    return {at, at, KeyLines("status", status)};
  }
  const std::string& line = layout.lines()[key->line];
  if (key->value.IsScalar() && key->value.Mark().line == key->line &&
      key->content_end == key->line + 1) {
    size_t begin = key->value.Mark().column;
    size_t end = ScalarTokenEnd(line, begin);
    if (end != kNone)
      return {key->line,
              key->line + 1,
              {line.substr(0, begin) + InlineScalar(status) + line.substr(end)}};
  }
  return {key->line, key->content_end, KeyLines("status", status)};
}

// `key: [a, b]`, the form WriteRecord gives short lists of ids.
std::vector<std::string> FlowListLines(std::string_view key, const std::vector<std::string>& items) {
  std::string line = std::string(key) + ": [";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) line += ", ";
    line += internal::IsPlainSafe(items[i], internal::ScalarContext::kFlow)
                ? items[i]
                : internal::DoubleQuoted(items[i]);
  }
  return {line + "]"};
}

// Replaces a top-level key's value; a missing key goes where WriteRecord puts it, after the key
// `after`, or at the end.
LineEdit KeyEdit(const RecordLayout& layout, std::string_view name, std::vector<std::string> lines,
                 std::string_view after) {
  if (const TopLevelKey* key = layout.Find(name))
    return {key->line, key->content_end, std::move(lines)};
  const TopLevelKey* before = layout.Find(after);
  int at = before ? before->content_end : static_cast<int>(layout.lines().size());
  return {at, at, std::move(lines)};
}

// Re-emits a flow list's items as block items at `indent` (hand-written flow lists only).
std::vector<std::string> BlockItems(const YAML::Node& list, int indent) {
  std::vector<std::string> lines;
  for (const YAML::Node& item : list) {
    YAML::Emitter emitter;
    emitter.SetIndent(2);
    emitter << YAML::Block << YAML::BeginSeq << item << YAML::EndSeq;
    for (const std::string& line : SplitLines(std::string(emitter.c_str()) + "\n"))
      lines.push_back(std::string(indent, ' ') + line);
  }
  return lines;
}

// The candidate edits that append `entry`, best first (see ApplyFollowUp).
std::vector<LineEdit> FollowUpEdits(const RecordLayout& layout, const FollowUp& entry) {
  const TopLevelKey* key = layout.Find("followup");
  auto entry_lines = [&](int indent) { return SplitLines(WriteFollowUpEntry(entry, indent)); };
  if (!key) {
    int end = static_cast<int>(layout.lines().size());
    std::vector<std::string> lines = {"followup:"};
    for (std::string& line : entry_lines(2)) lines.push_back(std::move(line));
    return {{end, end, lines}};
  }
  const YAML::Node& value = key->value;
  const std::string& key_line = layout.lines()[key->line];
  bool empty_inline =
      value.IsNull() || (value.IsSequence() && value.size() == 0 && value.Mark().line == key->line);
  if (empty_inline) {
    std::vector<std::string> lines = {"followup:" + TrailingComment(key_line)};
    for (std::string& line : entry_lines(2)) lines.push_back(std::move(line));
    return {{key->line, key->line + 1, lines}};
  }
  if (!value.IsSequence())
    throw Error(Error::Kind::kInvalid, "cannot add a follow-up entry: 'followup' is not a list");
  if (value.Style() == YAML::EmitterStyle::Flow) {
    std::vector<std::string> lines = {"followup:"};
    for (std::string& line : BlockItems(value, 2)) lines.push_back(std::move(line));
    for (std::string& line : entry_lines(2)) lines.push_back(std::move(line));
    return {{key->line, key->content_end, lines}};
  }
  // "- " of the existing items fixes the indentation; insert after the last item, or, when a
  // kept block scalar (`|+`) owns the blank lines there, just before the next key.
  int indent = value.Mark().column;
  return {{key->content_end, key->content_end, entry_lines(indent)},
          {key->region_end, key->region_end, entry_lines(indent)}};
}

// True when `edited` reads back as `expected`, and every top-level value not in `changed`
// (and every follow-up entry that was there) is the same YAML as before.
bool ReadsBackAs(const RecordLayout& original, const std::string& edited,
                 const Recommendation& expected, const std::set<std::string>& changed) {
  YAML::Node root;
  ParsedRecord parsed = internal::ParseRecordKeepingRoot("", edited, root);
  if (!parsed.parsed || !(parsed.record == expected)) return false;
  std::set<std::string> old_keys, new_keys;
  for (auto it = original.root().begin(); it != original.root().end(); ++it)
    old_keys.insert(it->first.Scalar());
  for (auto it = root.begin(); it != root.end(); ++it) new_keys.insert(it->first.Scalar());
  for (const std::string& key : changed) old_keys.insert(key);
  if (old_keys != new_keys) return false;
  for (const std::string& key : new_keys) {
    if (changed.count(key)) continue;
    if (!internal::SameYaml(original.root()[key], root[key])) return false;
  }
  YAML::Node old_list = original.root()["followup"];
  if (old_list && old_list.IsSequence() && changed.count("followup")) {
    for (size_t i = 0; i < old_list.size(); ++i)
      if (!internal::SameYaml(old_list[i], root["followup"][i])) return false;
  }
  return true;
}

std::string FirstThatReadsBack(const RecordLayout& layout, const LineEdit& fixed,
                               const std::vector<LineEdit>& candidates,
                               const Recommendation& expected,
                               const std::set<std::string>& changed) {
  for (const LineEdit& candidate : candidates) {
    std::vector<LineEdit> edits = {candidate};
    if (!fixed.lines.empty() || fixed.end > fixed.begin) edits.push_back(fixed);
    std::string edited = layout.Apply(edits);
    if (ReadsBackAs(layout, edited, expected, changed)) return edited;
  }
  throw Error(Error::Kind::kInternal, "the edited record does not read back as intended");
}

}  // namespace

std::string ApplyFollowUp(std::string_view original, const FollowUp& entry) {
  return ApplyFollowUp(original, ParseRecord("", original).record, entry);
}

std::string ApplyFollowUp(std::string_view original, const Recommendation& parsed,
                          const FollowUp& entry) {
  RecordLayout layout(original);
  Recommendation expected = parsed;
  expected.status = entry.status;
  expected.followup.push_back(entry);
  return FirstThatReadsBack(layout, StatusEdit(layout, entry.status), FollowUpEdits(layout, entry),
                            expected, {"status", "followup"});
}

std::string UpdateText(std::string_view original, std::string_view new_text) {
  RecordLayout layout(original);
  Recommendation expected = ParseRecord("", original).record;
  expected.text = std::string(new_text);
  std::vector<std::string> lines = KeyLines("text", new_text);
  std::vector<LineEdit> candidates;
  if (const TopLevelKey* key = layout.Find("text")) {
    candidates = {{key->line, key->content_end, lines}, {key->line, key->region_end, lines}};
  } else {
    int end = static_cast<int>(layout.lines().size());
    candidates = {{end, end, lines}};
  }
  return FirstThatReadsBack(layout, LineEdit{}, candidates, expected, {"text"});
}

std::string UpdateExtracted(std::string_view original, const Recommendation& extracted) {
  Recommendation current = ParseRecord("", original).record;
  std::string edited =
      current.text == extracted.text ? std::string(original) : UpdateText(original, extracted.text);
  RecordLayout layout(edited);
  Recommendation expected = ParseRecord("", edited).record;
  std::vector<LineEdit> edits;
  std::set<std::string> changed;
  if (expected.addressees != extracted.addressees) {
    edits.push_back(
        KeyEdit(layout, "addressees", FlowListLines("addressees", extracted.addressees), "adopted"));
    expected.addressees = extracted.addressees;
    changed.insert("addressees");
  }
  if (expected.modality != extracted.modality) {
    edits.push_back(
        KeyEdit(layout, "modality", KeyLines("modality", extracted.modality), "addressees"));
    expected.modality = extracted.modality;
    changed.insert("modality");
  }
  if (edits.empty()) return edited;
  LineEdit first = edits.front();
  LineEdit fixed = edits.size() > 1 ? edits.back() : LineEdit{};
  return FirstThatReadsBack(layout, fixed, {first}, expected, changed);
}

}  // namespace sijill::model
