// Recommendation extraction: a parsed report → one record per recommendation (issue #3).
//
// Which paragraphs are recommendations comes from rules on the document, never from a list of
// numbers:
//  - a report: the numbered paragraphs of a level-1 chapter whose heading names the
//    recommendations ("التوصيات"), except the chapter's chapeau (the text before its first
//    section heading);
//  - a resolution (type: resolution): its operative paragraphs (numbered, outside the annex,
//    after the preamble) and the numbered actions of its annex.
// Addressees, modality and topics are detected by rules on the Arabic text (see modality.cpp,
// addressees.cpp, topics.cpp); docs/extraction.md lists the rules.
#pragma once

#include <string>
#include <vector>

#include "sijill/error.h"
#include "sijill/markdown/document.h"
#include "sijill/model/recommendation.h"

namespace sijill::ingest {

struct ExtractedRecord {
  model::Recommendation record;  // status "open", followup empty
  // Every modality found, in text order (record.modality is the first); e.g. resolution
  // paragraph 4: decides, requests, notes.
  std::vector<std::string> modalities;
  // The Arabic cue words behind `modalities`, normalised, for review and the golden test.
  std::vector<std::string> cues;
};

struct Extraction {
  std::vector<ExtractedRecord> records;  // in document order
  Problems problems;  // e.g. a recommendation without detectable modality (warnings)
};

// `path` names the report in problems ("corpus/<slug>.md").
Extraction ExtractRecommendations(const markdown::Document& document, const std::string& path);

}  // namespace sijill::ingest
