#include "sijill/model/front_matter.h"

#include <algorithm>

#include "model/yaml_read_internal.h"
#include "model/yaml_scalar_internal.h"

namespace sijill::model {

namespace {

// docs/repository-format.md: the ⚑ keys first, then ours.
const std::vector<std::string_view> kKnownKeys = {"symbol",
                                                  "title",
                                                  "type",
                                                  "body",
                                                  "date",
                                                  "language",
                                                  "session",
                                                  "agenda_item",
                                                  "source",
                                                  "symbol_confidence",
                                                  "distribution",
                                                  "original_language",
                                                  "job_number",
                                                  "furniture",
                                                  "order_unverified"};
const std::vector<std::string_view> kExtraKeys = {"distribution", "original_language", "job_number",
                                                  "order_unverified"};

bool IsFenceLine(std::string_view line) { return line == "---" || line == "--- "; }

std::string SlugOfPath(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.ends_with(".md")) name.resize(name.size() - 3);
  return name;
}

void ReadFrontMatter(internal::YamlReader& reader, const YAML::Node& root, FrontMatter& meta) {
  meta.symbol = reader.String(root["symbol"], "symbol");
  meta.title = reader.String(root["title"], "title");
  meta.type = reader.String(root["type"], "type");
  meta.body = reader.String(root["body"], "body");
  meta.date = reader.String(root["date"], "date");
  if (root["language"]) meta.language = reader.String(root["language"], "language");
  meta.session = reader.String(root["session"], "session");
  meta.agenda_item = reader.String(root["agenda_item"], "agenda_item");
  meta.source = reader.String(root["source"], "source");
  meta.symbol_confidence = reader.String(root["symbol_confidence"], "symbol_confidence");
  meta.furniture = reader.StringList(root["furniture"], "furniture");
  for (auto it = root.begin(); it != root.end(); ++it) {
    std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
    bool known = std::find(kKnownKeys.begin(), kKnownKeys.end(), key) != kKnownKeys.end();
    bool extra = std::find(kExtraKeys.begin(), kExtraKeys.end(), key) != kExtraKeys.end();
    if ((extra || !known) && !key.empty() && (it->second.IsScalar() || extra))
      meta.extra[key] = reader.String(it->second, key);
  }
}

}  // namespace

std::optional<FrontMatterSplit> SplitFrontMatter(std::string_view text) {
  size_t first_end = text.find('\n');
  if (first_end == std::string_view::npos || !IsFenceLine(text.substr(0, first_end)))
    return std::nullopt;
  FrontMatterSplit split;
  size_t start = first_end + 1;
  int line = 2;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (IsFenceLine(text.substr(start, end - start))) {
      split.yaml = text.substr(first_end + 1, start - first_end - 1);
      split.body = end < text.size() ? text.substr(end + 1) : std::string_view();
      split.body_line = line + 1;
      return split;
    }
    if (end == text.size()) break;
    start = end + 1;
    ++line;
  }
  return std::nullopt;
}

Location ParsedReport::At(const std::string& field) const {
  auto it = where.find(field);
  return it != where.end() ? it->second : Location{path, 0, 0, field};
}

ParsedReport ParseReport(const std::string& path, std::string_view text) {
  ParsedReport result;
  result.path = path;
  result.report.slug = SlugOfPath(path);
  std::optional<FrontMatterSplit> split = SplitFrontMatter(text);
  if (!split) {
    result.problems.push_back(
        {{path, 1, 1, ""},
         "missing front matter: the file must start with a '---' line and the "
         "front matter end with another"});
    return result;
  }
  result.report.body = std::string(split->body);
  result.report.body_line = split->body_line;
  internal::YamlReader reader(path, split->yaml, split->yaml_line, &result.problems);
  std::optional<YAML::Node> root = reader.Load();
  if (!root) return result;
  result.parsed = true;
  std::vector<std::string_view> required(std::begin(kRequiredFrontMatterKeys),
                                         std::end(kRequiredFrontMatterKeys));
  if (root->IsNull()) *root = YAML::Node(YAML::NodeType::Map);
  // docs/repository-format.md: "Any other key is kept as a string" — so it is only a warning.
  if (reader.CheckKeys(*root, "", kKnownKeys, required, Severity::kWarning))
    ReadFrontMatter(reader, *root, result.report.meta);
  result.where = reader.where();
  return result;
}

std::string WriteFrontMatter(const FrontMatter& meta) {
  auto line = [](std::string_view key, std::string_view value) {
    // Keys of `extra` come from the file or --meta: any string, quoted when it must be.
    std::string out = (internal::IsPlainSafe(key, internal::ScalarContext::kBlock)
                           ? std::string(key)
                           : internal::DoubleQuoted(key)) +
                      ":" + internal::ScalarAfterKey(value, 0);
    return out.back() == '\n' ? out : out + "\n";
  };
  auto optional = [&](std::string_view key, std::string_view value) {
    return value.empty() ? std::string() : line(key, value);
  };
  std::string out = "---\n";
  out += meta.symbol.empty() ? "symbol: ~\n" : line("symbol", meta.symbol);
  out += line("title", meta.title) + line("type", meta.type) + line("body", meta.body) +
         line("date", meta.date) + line("language", meta.language);
  out += optional("session", meta.session) + optional("agenda_item", meta.agenda_item) +
         optional("source", meta.source) + optional("symbol_confidence", meta.symbol_confidence);
  for (const auto& [key, value] : meta.extra) out += optional(key, value);
  if (!meta.furniture.empty()) {
    out += "furniture:\n";
    for (const std::string& item : meta.furniture)
      out += "  -" + internal::ScalarAfterKey(item, 2) +
             (item.find('\n') == std::string::npos ? "\n" : "");
  }
  return out + "---\n";
}

}  // namespace sijill::model
