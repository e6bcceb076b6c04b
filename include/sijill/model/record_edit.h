// Minimal-diff edits of an existing record file (issue 2 item 3): "A status update changes only
// the lines it must (the `status:` line and the appended follow-up entry), so hand edits,
// comments, key order and unknown keys survive and the git diff of an update is minimal."
//
// Both functions work on the text, not on a re-serialised tree, and then verify their result:
// it must parse, every value other than the edited ones must read back exactly as before
// (compared node by node, so unknown keys count), and the edited values must read back as
// intended. Text is LF-only. Pure functions; safe to call from several threads.
#pragma once

#include <string>
#include <string_view>

#include "sijill/model/recommendation.h"

namespace sijill::model {

// Sets `status:` to entry.status and appends `entry` at the end of the `followup:` list.
// `followup: []`, a null or missing `followup` and a missing `status` are handled; a
// non-empty flow-style list is rewritten as a block list. The new entry is written in the
// canonical form (WriteFollowUpEntry) at the indentation of the existing items.
// Throws Error kInvalid (with the location) when `original` is not a YAML mapping, its
// `followup` is not a list, or the record is written in flow style.
std::string ApplyFollowUp(std::string_view original, const FollowUp& entry);
// The same, for a caller that has already parsed `original` (ParseRecord(...).record), which
// spares parsing it again.
std::string ApplyFollowUp(std::string_view original, const Recommendation& parsed,
                          const FollowUp& entry);

// Replaces only the value of `text:` (re-extraction after a corrected report), written in the
// canonical form. Throws like ApplyFollowUp.
std::string UpdateText(std::string_view original, std::string_view new_text);

// Re-extraction of a corrected paragraph: the fields `sijill extract` reads from the text
// (`text:`, `addressees:`, `modality:`) take the values of `extracted`; a field already equal
// is left untouched, and status, follow-up, topics and every other key stay. Throws like
// ApplyFollowUp.
std::string UpdateExtracted(std::string_view original, const Recommendation& extracted);

}  // namespace sijill::model
