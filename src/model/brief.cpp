#include "sijill/model/brief.h"

#include <algorithm>
#include <filesystem>

#include "model/yaml_read_internal.h"
#include "model/yaml_scalar_internal.h"
#include "sijill/model/date.h"
#include "sijill/model/front_matter.h"

namespace sijill::model {

namespace {

const std::vector<std::string_view> kBriefKeys = {"title", "agency", "authors", "date",
                                                  "language", "status"};
const std::vector<std::string_view> kRequiredBriefKeys = {"title", "date", "status"};

void CheckValues(internal::YamlReader& reader, const YAML::Node& root, const Brief& brief) {
  if (root["date"] && !IsIsoDate(brief.date))
    reader.Report(root["date"], "date", "date '" + brief.date + "' is not YYYY-MM-DD");
  if (root["status"] && std::find(std::begin(kBriefStatuses), std::end(kBriefStatuses),
                                  brief.status) == std::end(kBriefStatuses))
    reader.Report(root["status"], "status",
                  "unknown brief status '" + brief.status + "' (draft or published)");
}

}  // namespace

ParsedBrief ParseBrief(const std::string& path, std::string_view text) {
  ParsedBrief result;
  result.path = path;
  result.brief.slug = std::filesystem::path(path).stem().string();
  std::optional<FrontMatterSplit> split = SplitFrontMatter(text);
  if (!split) {
    result.problems.push_back({{path, 1, 1, ""},
                               "missing front matter: the file must start with a '---' line "
                               "and the front matter end with another"});
    return result;
  }
  Brief& brief = result.brief;
  brief.body = std::string(split->body);
  brief.body_line = split->body_line;
  internal::YamlReader reader(path, split->yaml, split->yaml_line, &result.problems);
  std::optional<YAML::Node> root = reader.Load();
  if (!root) return result;
  result.parsed = true;
  if (root->IsNull()) *root = YAML::Node(YAML::NodeType::Map);
  if (!reader.CheckKeys(*root, "", kBriefKeys, kRequiredBriefKeys, Severity::kWarning))
    return result;
  brief.title = reader.String((*root)["title"], "title");
  brief.agency = reader.String((*root)["agency"], "agency");
  brief.authors = reader.StringList((*root)["authors"], "authors");
  brief.date = reader.String((*root)["date"], "date");
  if ((*root)["language"]) brief.language = reader.String((*root)["language"], "language");
  if ((*root)["status"]) brief.status = reader.String((*root)["status"], "status");
  CheckValues(reader, *root, brief);
  return result;
}

std::string WriteBrief(const Brief& brief) {
  auto line = [](std::string_view key, std::string_view value) {
    std::string out = std::string(key) + ":" + internal::ScalarAfterKey(value, 0);
    return out.back() == '\n' ? out : out + "\n";
  };
  std::string out = "---\n" + line("title", brief.title);
  if (!brief.agency.empty()) out += line("agency", brief.agency);
  if (!brief.authors.empty()) {
    out += "authors:\n";
    for (const std::string& author : brief.authors) {
      // A block scalar ends its own line; a quoted one (chosen for a multi-line value too, when
      // it holds characters a block cannot, such as CR) does not.
      std::string item = "  -" + internal::ScalarAfterKey(author, 2);
      out += item.back() == '\n' ? item : item + "\n";
    }
  }
  out += line("date", brief.date) + line("language", brief.language) +
         line("status", brief.status) + "---\n";
  return out + brief.body;
}

}  // namespace sijill::model
