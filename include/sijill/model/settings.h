// Repository settings: sijill.yaml at the root of a records repository (DESIGN.md §1).
//
// Every key is optional; a missing key (or a missing file) takes the built-in default, which
// is DefaultSettingsYaml() read by ParseSettings, so the defaults and the file `sijill init`
// writes cannot drift apart. Plain values; safe to share read-only between threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sijill/error.h"

namespace sijill::model {

// A controlled value with its labels: {id: states-parties, ar: الدول الأطراف, en: States parties}.
struct Label {
  std::string id;
  std::string ar;
  std::string en;

  friend bool operator==(const Label&, const Label&) = default;
};

struct Settings {
  std::string title;
  std::vector<std::string> languages;   // BCP 47: ar, en
  std::vector<std::string> statuses;    // ⚑ default: open, in-progress, implemented, ongoing,
                                        // superseded, closed
  std::vector<std::string> modalities;  // must, should, encouraged, may, ...
  std::vector<Label> addressees;
  std::vector<Label> topics;
  std::vector<std::string> roles;  // reader, secretariat, icat, admin

  bool HasLanguage(std::string_view id) const;
  bool HasStatus(std::string_view id) const;
  bool HasModality(std::string_view id) const;
  bool HasAddressee(std::string_view id) const;
  bool HasTopic(std::string_view id) const;
  // The label of an addressee or topic id, or nullptr.
  const Label* FindAddressee(std::string_view id) const;
  const Label* FindTopic(std::string_view id) const;
};

inline constexpr std::string_view kSettingsPath = "sijill.yaml";

// The text `sijill init` writes: every default, with comments.
const std::string& DefaultSettingsYaml();
const Settings& DefaultSettings();

struct ParsedSettings {
  Settings settings;  // defaults where the file says nothing or says something unreadable
  Problems problems;
};

// Problems: invalid UTF-8, malformed YAML, unknown keys, wrong shapes, empty or duplicate ids.
ParsedSettings ParseSettings(const std::string& path, std::string_view text);

}  // namespace sijill::model
