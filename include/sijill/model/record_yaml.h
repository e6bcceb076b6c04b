// Reading and writing recommendation records (recommendations/<slug>/<rest>.yaml, DESIGN.md ⚑).
//
// ParseRecord never throws for bad data: it returns what it could read plus a Problem for
// each thing wrong (invalid UTF-8, malformed YAML, missing/unknown/duplicate keys, wrong
// shapes), each at file:line:column. Checks that need settings or other files (unknown
// status, dangling evidence, ...) belong to check/.
// WriteRecord gives the canonical text of a new record. Existing records are changed with
// record_edit.h, which keeps comments, key order and unknown keys.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "sijill/error.h"
#include "sijill/model/recommendation.h"

namespace sijill::model {

struct ParsedRecord {
  std::string path;
  Recommendation record;  // fields that could not be read are left at their defaults
  Problems problems;
  bool parsed = false;  // false when the text is not UTF-8 or not YAML at all
  // Where each field read sits, keyed "status", "source.symbol", "addressees[1]",
  // "followup[2].date", "followup[0].evidence[1].paragraph", ...
  std::map<std::string, Location> where;

  // The location of `field`, or of the file when the field was not read.
  Location At(const std::string& field) const;
};

// `path` is used only in problem locations.
ParsedRecord ParseRecord(const std::string& path, std::string_view text);

// The record of `text` when it is in the plain shape records are written in (a narrow subset of
// YAML: record_plain_yaml.cpp), read without yaml-cpp; nullopt for anything else, which
// ParseRecord must then read. When it returns a record, ParseRecord reads the same record with
// no problem. For reading many records fast (the site's snapshot); not for `sijill check`,
// which wants where each field is.
std::optional<Recommendation> ParsePlainRecord(std::string_view text);

// Canonical key order: id, source {symbol, paragraph, section}, text, language, adopted,
// addressees, modality, topics, summary, status, followup. Multi-line text as a block literal
// `|`; empty optional values (section, adopted, modality, summary, note, evidence) are left out.
// ParseRecord(WriteRecord(r)).record == r for every r.
std::string WriteRecord(const Recommendation& record);

// One follow-up entry as a block-sequence item whose "- " sits at column `indent`, ending with
// a newline. Used by record_edit.h to append entries in the canonical form.
std::string WriteFollowUpEntry(const FollowUp& entry, int indent);

}  // namespace sijill::model
