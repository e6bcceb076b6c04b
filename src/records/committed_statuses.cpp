#include "records/committed_statuses.h"

#include <optional>
#include <string>
#include <vector>

#include "sijill/error.h"
#include "sijill/model/settings.h"
#include "sijill/whole_file.h"

namespace sijill::records {

namespace {

constexpr std::string_view kMagic = "sijill-statuses 1 ";

std::optional<std::vector<std::string>> ReadCache(const std::string& path,
                                                  const std::string& key) {
  std::optional<std::string> read = ReadWholeFile(path);
  if (!read) return std::nullopt;
  const std::string& text = *read;
  std::string header = std::string(kMagic) + key + "\n";
  if (!text.starts_with(header) || !text.ends_with("\n")) return std::nullopt;
  std::vector<std::string> statuses;
  for (size_t at = header.size(); at < text.size();) {
    size_t end = text.find('\n', at);
    statuses.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  if (statuses.empty()) return std::nullopt;
  return statuses;
}

// Best effort: a cache that cannot be written is read from the file next time.
void WriteCache(const std::string& path, const std::string& key,
                const std::vector<std::string>& statuses) {
  std::string text = std::string(kMagic) + key + "\n";
  for (const std::string& status : statuses) {
    if (status.empty() || status.find('\n') != std::string::npos) return;
    text += status + "\n";
  }
  try {
    ReplaceFile(path, text);
  } catch (const Error&) {
  }
}

}  // namespace

std::vector<std::string> CommittedStatuses(const store::Repository& repository) {
  const std::string path(model::kSettingsPath);
  std::optional<std::string> blob =
      repository.Head().empty() ? std::nullopt : repository.BlobId(path);
  if (!blob) return model::DefaultSettings().statuses;
  static const std::string defaults = store::Repository::BlobIdOf(model::DefaultSettingsYaml());
  std::string key = *blob + " " + defaults;
  std::string cache = repository.git_dir() + "sijill-statuses";
  if (std::optional<std::vector<std::string>> cached = ReadCache(cache, key)) return *cached;
  std::optional<std::string> text = repository.ReadFile(path);
  if (!text) return model::DefaultSettings().statuses;
  std::vector<std::string> statuses = model::ParseSettings(path, *text).settings.statuses;
  WriteCache(cache, key, statuses);
  return statuses;
}

}  // namespace sijill::records
