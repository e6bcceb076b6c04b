// Reading a report's Markdown into search units (private to collect.cpp).
#pragma once

#include <string>
#include <vector>

#include "sijill/error.h"
#include "sijill/index/document.h"

namespace sijill::index::internal {

enum class ReportKind { kReport, kBrief };

std::vector<IndexDoc> CollectMarkdown(const std::string& path, const std::string& slug,
                                      ReportKind kind, const std::string& content,
                                      Problems& problems);

// The same from the front matter's fields, already read into `base` (id, kind, file, symbol,
// title, type, date, language) and the Markdown body after it.
std::vector<IndexDoc> CollectBody(IndexDoc base, ReportKind kind, const std::string& body);

// Markdown to display text: footnote references, HTML comments, link targets and emphasis
// markers removed; whitespace collapsed.
std::string PlainText(const std::string& markdown);

}  // namespace sijill::index::internal
