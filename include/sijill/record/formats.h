// The output formats of the record as data, in one table (Hugo's output formats): each row
// names the format, its file extension and media type, and the function that writes it.
// `sijill record --format NAME` and the service's `GET /api/record?format=NAME` both look the
// row up with FindFormat and stream `write` into a file or an HTTP response.
// Every writer is deterministic: the same Consolidated gives the same bytes.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sijill/record/consolidated.h"

namespace sijill::record {

struct Format {
  std::string_view name;        // "md", "html", "csv", "docx"
  std::string_view extension;   // ".md"
  std::string_view media_type;  // "text/markdown; charset=utf-8"
  bool binary;                  // docx: not text, do not print to a terminal
  void (*write)(const Consolidated& record, std::ostream& out);
};

// Every format, md first (the default of `sijill record`).
const std::vector<Format>& Formats();
// The row named `name`, or nullptr.
const Format* FindFormat(std::string_view name);
// "md, html, csv, docx", for error messages and help.
std::string FormatNames();

// The writers (one file each, src/record/write_<name>.cpp).
void WriteMarkdown(const Consolidated& record, std::ostream& out);
void WriteHtml(const Consolidated& record, std::ostream& out);
void WriteCsv(const Consolidated& record, std::ostream& out);
void WriteDocx(const Consolidated& record, std::ostream& out);

}  // namespace sijill::record
