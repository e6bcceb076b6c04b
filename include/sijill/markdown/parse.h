// Parses a report file (YAML front matter + CommonMark body, docs/repository-format.md) into a
// Document of addressable paragraphs, with cmark-gfm (core, footnotes on).
#pragma once

#include <string>

#include "sijill/error.h"
#include "sijill/markdown/document.h"

namespace sijill::markdown {

struct ParseResult {
  Document document;
  Problems problems;  // file:line problems (bad front matter, duplicate numbers, ...)
};

// `path` is the repository-relative path ("corpus/<slug>.md"); its stem is the slug. Never
// throws for bad data: a report without usable front matter is parsed as a body alone and the
// problem is reported.
ParseResult ParseReport(const std::string& path, const std::string& text);

}  // namespace sijill::markdown
