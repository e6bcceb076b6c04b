#include "sijill/error.h"

#include <algorithm>

namespace sijill {

std::string Location::ToString() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  return out;
}

std::string Problem::ToString() const {
  std::string out = where.ToString();
  if (!out.empty()) out += ": ";
  out += severity == Severity::kError ? "error: " : "warning: ";
  out += message;
  return out;
}

bool HasErrors(const Problems& problems) {
  return std::any_of(problems.begin(), problems.end(),
                     [](const Problem& p) { return p.severity == Severity::kError; });
}

namespace {
std::string WithPlace(const std::string& message, const Location& where) {
  std::string place = where.ToString();
  return place.empty() ? message : place + ": " + message;
}

struct KindRow {
  Error::Kind kind;
  const char* name;
  int exit_code;
  int http_status;
};

constexpr KindRow kKinds[] = {
    {Error::Kind::kUsage, "usage", 2, 400},     {Error::Kind::kInvalid, "invalid", 1, 400},
    {Error::Kind::kNotFound, "not-found", 1, 404}, {Error::Kind::kConflict, "conflict", 1, 409},
    {Error::Kind::kDenied, "denied", 1, 403},   {Error::Kind::kIo, "io", 1, 500},
    {Error::Kind::kInternal, "internal", 1, 500},
};

const KindRow& RowFor(Error::Kind kind) {
  for (const KindRow& row : kKinds)
    if (row.kind == kind) return row;
  return kKinds[std::size(kKinds) - 1];
}
}  // namespace

Error::Error(Kind kind, std::string message, Location where)
    : std::runtime_error(WithPlace(message, where)), kind_(kind), where_(std::move(where)) {}

int ExitCodeFor(Error::Kind kind) { return RowFor(kind).exit_code; }
int HttpStatusFor(Error::Kind kind) { return RowFor(kind).http_status; }
const char* KindName(Error::Kind kind) { return RowFor(kind).name; }

}  // namespace sijill
