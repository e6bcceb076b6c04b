// A recommendation record: recommendations/<slug>/<rest>.yaml (DESIGN.md §1 ⚑).
// Plain values; safe to copy and to share read-only between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sijill::model {

// One piece of follow-up evidence: either a paragraph of a document or a URL.
struct Evidence {
  std::string symbol;     // UN symbol, e.g. "CTOC/COP/2018/2"; empty for a URL
  std::string paragraph;  // paragraph number as written in the id, e.g. "22" or "annex.15"
  std::string url;        // empty for a symbol reference

  bool IsUrl() const { return !url.empty(); }
  // "CTOC/COP/2018/2#p22" or the URL; the inverse of ParseEvidence.
  std::string ToString() const;

  friend bool operator==(const Evidence&, const Evidence&) = default;
};

// Parses "SYMBOL#pN", "SYMBOL#annex.pN" or an http(s) URL; nullopt if it is neither.
std::optional<Evidence> ParseEvidence(const std::string& text);

// One entry of the append-only follow-up log.
struct FollowUp {
  std::string date;  // ISO 8601 date, "2026-11-23"
  std::string status;
  std::string note;
  std::vector<Evidence> evidence;
  std::string by;  // "Name <mail>"

  friend bool operator==(const FollowUp&, const FollowUp&) = default;
};

struct Source {
  std::string symbol;     // "CTOC/COP/WG.4/2013/5"
  std::string paragraph;  // "22", "annex.15", "preamble"
  std::string section;    // heading the paragraph sits under, as printed

  friend bool operator==(const Source&, const Source&) = default;
};

struct Recommendation {
  std::string id;  // "<slug>.p22", "<slug>.annex.p15"
  Source source;
  std::string text;
  std::string language = "ar";
  std::string adopted;  // ISO 8601 date
  std::vector<std::string> addressees;
  std::string modality;  // "should", "encouraged", ... (DESIGN.md ⚑)
  std::vector<std::string> topics;
  std::string status = "open";
  std::vector<FollowUp> followup;
  std::map<std::string, std::string> summary;  // language -> short summary, e.g. {"en": ...}

  friend bool operator==(const Recommendation&, const Recommendation&) = default;
};

}  // namespace sijill::model
