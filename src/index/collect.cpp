#include "sijill/index/collect.h"

#include <yaml-cpp/yaml.h>

#include "index/collect_internal.h"

namespace sijill::index {

namespace {

bool StartsWith(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }
bool EndsWith(const std::string& s, const std::string& x) {
  return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

std::string Scalar(const YAML::Node& node, const char* key) {
  YAML::Node value = node[key];
  return value && value.IsScalar() ? value.as<std::string>() : "";
}

std::vector<std::string> List(const YAML::Node& node, const char* key) {
  std::vector<std::string> out;
  YAML::Node value = node[key];
  if (value && value.IsSequence())
    for (const YAML::Node& item : value)
      if (item.IsScalar()) out.push_back(item.as<std::string>());
  return out;
}

std::optional<int> TrailingNumber(const std::string& text) {
  size_t end = text.size();
  size_t begin = end;
  while (begin > 0 && text[begin - 1] >= '0' && text[begin - 1] <= '9') --begin;
  if (begin == end || end - begin > 6) return std::nullopt;
  return std::stoi(text.substr(begin));
}

std::vector<IndexDoc> CollectRecord(const std::string& path, const std::string& content,
                                    Problems& problems) {
  YAML::Node root;
  try {
    root = YAML::Load(content);
  } catch (const YAML::Exception& error) {
    problems.push_back({{path, error.mark.line + 1, error.mark.column + 1, ""}, error.msg});
    return {};
  }
  if (!root.IsMap()) {
    problems.push_back({{path, 1, 1, ""}, "a recommendation record must be a YAML mapping"});
    return {};
  }
  IndexDoc doc;
  doc.kind = "recommendation";
  doc.file = path;
  doc.id = Scalar(root, "id");
  if (doc.id.empty()) {
    problems.push_back({{path, 1, 1, "id"}, "missing id"});
    return {};
  }
  YAML::Node source = root["source"];
  if (source && source.IsMap()) {
    doc.symbol = Scalar(source, "symbol");
    doc.section = Scalar(source, "section");
    doc.paragraph = TrailingNumber(Scalar(source, "paragraph"));
  }
  if (!doc.paragraph) doc.paragraph = TrailingNumber(doc.id);
  doc.text = Scalar(root, "text");
  doc.language = Scalar(root, "language").empty() ? "ar" : Scalar(root, "language");
  doc.date = Scalar(root, "adopted");
  doc.status = Scalar(root, "status");
  doc.modality = Scalar(root, "modality");
  doc.topics = List(root, "topics");
  doc.addressees = List(root, "addressees");
  doc.title = doc.section.empty() ? doc.symbol : doc.section;
  YAML::Node summary = root["summary"];
  if (summary && summary.IsMap())
    for (const auto& entry : summary)
      if (entry.second.IsScalar())
        doc.summary[entry.first.as<std::string>()] = entry.second.as<std::string>();
  return {doc};
}

}  // namespace

bool IsIndexedPath(const std::string& path) {
  return (StartsWith(path, "corpus/") && EndsWith(path, ".md")) ||
         (StartsWith(path, "briefs/") && EndsWith(path, ".md")) ||
         (StartsWith(path, "recommendations/") && EndsWith(path, ".yaml"));
}

std::vector<IndexDoc> CollectFile(const std::string& path, const std::string& content,
                                  Problems& problems) {
  if (StartsWith(path, "recommendations/")) return CollectRecord(path, content, problems);
  size_t slash = path.rfind('/');
  std::string slug = path.substr(slash + 1, path.size() - slash - 1 - 3);
  auto kind = StartsWith(path, "briefs/") ? internal::ReportKind::kBrief
                                          : internal::ReportKind::kReport;
  return internal::CollectMarkdown(path, slug, kind, content, problems);
}

std::vector<IndexDoc> CollectParsedReport(const std::string& path, const model::Report& report) {
  size_t slash = path.rfind('/');
  auto kind = StartsWith(path, "briefs/") ? internal::ReportKind::kBrief
                                          : internal::ReportKind::kReport;
  IndexDoc base;
  base.id = path.substr(slash + 1, path.size() - slash - 1 - 3);
  base.kind = kind == internal::ReportKind::kBrief ? "brief" : "report";
  base.file = path;
  base.symbol = report.meta.symbol;
  base.title = report.meta.title;
  base.type = report.meta.type;
  base.date = report.meta.date;
  // CollectFile keeps the default for an empty `language:`, which ParseReport reads as "".
  if (!report.meta.language.empty()) base.language = report.meta.language;
  return internal::CollectBody(std::move(base), kind, report.body);
}

}  // namespace sijill::index
