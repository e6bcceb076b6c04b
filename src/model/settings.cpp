#include "sijill/model/settings.h"

#include <algorithm>
#include <set>

#include "model/yaml_read_internal.h"

namespace sijill::model {

namespace {

using internal::YamlReader;

const std::vector<std::string_view> kKeys = {"title",      "languages", "statuses", "modalities",
                                             "addressees", "topics",    "roles"};

bool Contains(const std::vector<std::string>& list, std::string_view id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

const Label* FindLabel(const std::vector<Label>& labels, std::string_view id) {
  for (const Label& label : labels)
    if (label.id == id) return &label;
  return nullptr;
}

// An id list: replaces `out` only when the file gives one; empty or repeated ids are problems.
void ReadIds(YamlReader& reader, const YAML::Node& root, const std::string& key,
             std::vector<std::string>& out) {
  const YAML::Node node = root[key];
  if (!node) return;
  std::vector<std::string> ids = reader.StringList(node, key);
  std::set<std::string> seen;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].empty()) reader.Report(node[i], key, "empty value in '" + key + "'");
    if (!seen.insert(ids[i]).second)
      reader.Report(node[i], key, "'" + ids[i] + "' is listed twice in '" + key + "'");
  }
  if (ids.empty()) reader.Report(node, key, "'" + key + "' must not be empty");
  if (!ids.empty()) out = ids;
}

void ReadLabels(YamlReader& reader, const YAML::Node& root, const std::string& key,
                std::vector<Label>& out) {
  const YAML::Node node = root[key];
  if (!node) return;
  if (!node.IsSequence() || node.size() == 0) {
    reader.Report(node, key, "'" + key + "' must be a non-empty list of {id, ar, en}");
    return;
  }
  std::vector<Label> labels;
  std::set<std::string> seen;
  for (size_t i = 0; i < node.size(); ++i) {
    std::string field = key + "[" + std::to_string(i) + "]";
    if (!reader.CheckKeys(node[i], field + ".", {"id", "ar", "en"}, {"id"})) continue;
    Label label{reader.String(node[i]["id"], field + ".id"),
                reader.String(node[i]["ar"], field + ".ar"),
                reader.String(node[i]["en"], field + ".en")};
    if (label.id.empty() && node[i]["id"])
      reader.Report(node[i], field, "empty id in '" + key + "'");
    if (!seen.insert(label.id).second)
      reader.Report(node[i], field, "'" + label.id + "' is listed twice in '" + key + "'");
    labels.push_back(label);
  }
  out = labels;
}

// What the file leaves out (or gives no usable value for) takes the built-in default. The
// defaults are parsed only when something is missing: the file `sijill init` writes has every
// key, and parsing the built-in text again is a millisecond of each `sijill status`.
void FillFromDefaults(Settings& settings, bool has_title) {
  bool complete = has_title && !settings.languages.empty() && !settings.statuses.empty() &&
                  !settings.modalities.empty() && !settings.addressees.empty() &&
                  !settings.topics.empty() && !settings.roles.empty();
  if (complete) return;
  const Settings& defaults = DefaultSettings();
  if (!has_title) settings.title = defaults.title;
  if (settings.languages.empty()) settings.languages = defaults.languages;
  if (settings.statuses.empty()) settings.statuses = defaults.statuses;
  if (settings.modalities.empty()) settings.modalities = defaults.modalities;
  if (settings.addressees.empty()) settings.addressees = defaults.addressees;
  if (settings.topics.empty()) settings.topics = defaults.topics;
  if (settings.roles.empty()) settings.roles = defaults.roles;
}

}  // namespace

bool Settings::HasLanguage(std::string_view id) const { return Contains(languages, id); }
bool Settings::HasStatus(std::string_view id) const { return Contains(statuses, id); }
bool Settings::HasModality(std::string_view id) const { return Contains(modalities, id); }
bool Settings::HasAddressee(std::string_view id) const { return FindAddressee(id) != nullptr; }
bool Settings::HasTopic(std::string_view id) const { return FindTopic(id) != nullptr; }
const Label* Settings::FindAddressee(std::string_view id) const {
  return FindLabel(addressees, id);
}
const Label* Settings::FindTopic(std::string_view id) const { return FindLabel(topics, id); }

ParsedSettings ParseSettings(const std::string& path, std::string_view text) {
  ParsedSettings result;
  // The built-in text itself is read with nothing to fall back on.
  bool built_in = text.data() == DefaultSettingsYaml().data();
  YamlReader reader(path, text, 1, &result.problems);
  std::optional<YAML::Node> root = reader.Load();
  bool has_title = false;
  if (root && !root->IsNull() && reader.CheckKeys(*root, "", kKeys, {})) {
    has_title = bool((*root)["title"]);
    if (has_title) result.settings.title = reader.String((*root)["title"], "title");
    ReadIds(reader, *root, "languages", result.settings.languages);
    ReadIds(reader, *root, "statuses", result.settings.statuses);
    ReadIds(reader, *root, "modalities", result.settings.modalities);
    ReadLabels(reader, *root, "addressees", result.settings.addressees);
    ReadLabels(reader, *root, "topics", result.settings.topics);
    ReadIds(reader, *root, "roles", result.settings.roles);
  }
  if (!built_in) FillFromDefaults(result.settings, has_title);
  return result;
}

}  // namespace sijill::model
