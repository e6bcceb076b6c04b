#include "sijill/ingest/cover.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "ingest/regex_internal.h"
#include "sijill/error.h"
#include "sijill/text/slug.h"

namespace sijill::ingest {

using internal::Regex;

namespace {

std::string IsoDate(const Regex::Groups& g) {
  static const char* kMonths[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  for (int m = 0; m < 12; ++m) {
    if (g[2] != kMonths[m]) continue;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%s-%02d-%02d", g[3].c_str(), m + 1, std::stoi(g[1]));
    return buffer;
  }
  return "";
}

std::string LanguageCode(const std::string& name) {
  static const std::map<std::string, std::string> kCodes = {{"Arabic", "ar"},  {"English", "en"},
                                                            {"French", "fr"},  {"Spanish", "es"},
                                                            {"Russian", "ru"}, {"Chinese", "zh"}};
  auto found = kCodes.find(name);
  return found == kCodes.end() ? name : found->second;
}

}  // namespace

void TakeEnglishCover(std::vector<SourceLine>& lines, ImportedMeta& meta) {
  static const Regex kDistribution("^\\s*Distr\\.:\\s*(\\S.*?)\\s*$");
  static const Regex kDate("^\\s*(\\d{1,2}) ([A-Z][a-z]+) (\\d{4})\\s*$");
  static const Regex kLanguage("^\\s*(Arabic|English|French|Spanish|Russian|Chinese)\\s*$");
  static const Regex kOriginal("^\\s*Original:\\s*(\\S+)\\s*$");
  static const Regex kArabic("[\\u0621-\\u064A]");
  for (SourceLine& line : lines) {
    if (kArabic.Search(line.raw)) return;  // the English cover block precedes the Arabic text
    Regex::Groups g;
    if (!(g = kDistribution.First(line.raw)).empty())
      meta.distribution = g[1];
    else if (!(g = kDate.First(line.raw)).empty() && !IsoDate(g).empty())
      meta.front.date = IsoDate(g);
    else if (!(g = kLanguage.First(line.raw)).empty())
      meta.front.language = LanguageCode(g[1]);
    else if (!(g = kOriginal.First(line.raw)).empty())
      meta.original_language = LanguageCode(g[1]);
    else
      continue;
    line.dropped = true;
  }
}

void TakeJobNumber(ImportedMeta& meta) {
  static const Regex kJob("^(V\\.\\d{2}-\\d{5})");
  for (const std::string& line : meta.furniture) {
    Regex::Groups g = kJob.First(line);
    if (!g.empty()) {
      meta.job_number = g[1];
      return;
    }
  }
}

void ApplyMeta(const std::map<std::string, std::string>& values, ImportedMeta& meta) {
  model::FrontMatter& f = meta.front;
  std::map<std::string, std::string*> fields = {{"symbol", &f.symbol},
                                                {"title", &f.title},
                                                {"type", &f.type},
                                                {"body", &f.body},
                                                {"date", &f.date},
                                                {"language", &f.language},
                                                {"session", &f.session},
                                                {"agenda_item", &f.agenda_item},
                                                {"source", &f.source},
                                                {"symbol_confidence", &f.symbol_confidence},
                                                {"distribution", &meta.distribution},
                                                {"original_language", &meta.original_language},
                                                {"job_number", &meta.job_number},
                                                {"slug", &meta.slug}};
  for (const auto& [key, value] : values) {
    auto field = fields.find(key);
    std::string v = value == "null" || value == "~" ? "" : value;
    if (field != fields.end())
      *field->second = v;
    else
      f.extra[key] = v;
  }
}

std::map<std::string, std::string> LoadMetaFile(const std::string& path) {
  if (!std::filesystem::exists(path)) throw Error(Error::Kind::kNotFound, path + ": no such file");
  std::map<std::string, std::string> values;
  try {
    YAML::Node root = YAML::LoadFile(path);
    if (!root.IsMap())
      throw Error(Error::Kind::kInvalid, path + ": expected a mapping of keys to values");
    for (const auto& entry : root) {
      if (!entry.second.IsScalar() && !entry.second.IsNull())
        throw Error(Error::Kind::kInvalid,
                    path + ":" + std::to_string(entry.first.Mark().line + 1) + ": '" +
                        entry.first.as<std::string>() + "' must be a single value");
      values[entry.first.as<std::string>()] =
          entry.second.IsNull() ? "" : entry.second.as<std::string>();
    }
  } catch (const YAML::Exception& error) {
    throw Error(Error::Kind::kInvalid,
                path + ":" + std::to_string(error.mark.line + 1) + ": " + error.msg);
  }
  return values;
}

}  // namespace sijill::ingest
