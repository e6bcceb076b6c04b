#include <vector>

#include "record/words_internal.h"

namespace sijill::record::words {

std::string_view KindLabel(std::string_view kind) {
  if (kind == "new") return "توصية جديدة";
  if (kind == "status") return "تغيّرت الحالة";
  if (kind == "follow-up") return "متابعة جديدة";
  if (kind == "removed") return "حُذفت";
  return kind;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string MeetingHeading(const Meeting& meeting) {
  std::string name = meeting.symbol.empty() ? meeting.slug : meeting.symbol;
  if (meeting.title.empty()) return name;
  return name + " — " + meeting.title;
}

}  // namespace sijill::record::words
