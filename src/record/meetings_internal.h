// The pieces both record builders share (build.cpp from a snapshot in memory,
// build_repository.cpp streaming from git): one record as an entry, a meeting's heading, and
// where a record belongs. Sharing them keeps the two builds byte-identical.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "record/labels_internal.h"
#include "sijill/markdown/document.h"
#include "sijill/model/recommendation.h"
#include "sijill/model/settings.h"
#include "sijill/record/consolidated.h"

namespace sijill::record {

// The report a record belongs to and its place in it: the report its id names (a record whose
// id does not parse goes by its source symbol).
struct Place {
  std::string slug;
  std::string rest;  // "p22", "annex.p5"; "" when the id does not parse
  ParagraphKey key;
};
Place PlaceOf(const model::Recommendation& record, const SlugMap& slugs);

// The record as the record shows it, without lineage.
Entry MakeEntry(const model::Settings& settings, const SlugMap& slugs,
                const model::Recommendation& record, const Place& place);

// The link to an earlier record's source that a repeat shows: {id, ""} when the id does not parse.
Link RepeatLink(const std::string& id, const std::string& symbol, const std::string& paragraph);

// Marks `entry` as repeating `earlier` (ids); `link_of` makes the link to each one's source.
void AddRepeats(Entry& entry, const std::vector<std::string>& earlier,
                const std::function<Link(const std::string& id)>& link_of);

// A meeting's heading from its report, or from the symbol its records name when the report is
// not in the repository (`report` null).
Meeting MeetingHead(const std::string& slug, const markdown::Document* report,
                    const std::string& records_symbol);

// Appends an entry; a new section starts when the heading changes (sections are runs of
// consecutive paragraphs under one heading, as they are in the report).
void AddEntry(Meeting& meeting, const std::string& section, Entry entry);

}  // namespace sijill::record
