#include "sijill/record/formats.h"

#include <string>

namespace sijill::record {

const std::vector<Format>& Formats() {
  static const std::vector<Format> kFormats = {
      {"md", ".md", "text/markdown; charset=utf-8", false, WriteMarkdown},
      {"html", ".html", "text/html; charset=utf-8", false, WriteHtml},
      {"csv", ".csv", "text/csv; charset=utf-8; header=present", false, WriteCsv},
      {"docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
       true, WriteDocx},
  };
  return kFormats;
}

const Format* FindFormat(std::string_view name) {
  for (const Format& format : Formats())
    if (format.name == name) return &format;
  return nullptr;
}

std::string FormatNames() {
  std::string out;
  for (const Format& format : Formats()) {
    if (!out.empty()) out += ", ";
    out += format.name;
  }
  return out;
}

}  // namespace sijill::record
