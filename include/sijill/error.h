// Errors and problems: the two kinds of failure, kept apart (docs/error-handling.md).
//
// A Problem is something wrong in the *data* (a bad key, an unknown status). Problems are
// collected, never thrown, so `sijill check` can list every one of them.
// An Error is a failure of the *system* or of a request (I/O, libgit2, an unknown id, a
// conflict). Errors are thrown low and caught in exactly two places: cli/main.cpp and the
// service's handler wrapper, which map Kind to an exit code or an HTTP status (ExitCodeFor,
// HttpStatusFor below).
#pragma once

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace sijill {

// A place in a file of the repository. line and column are 1-based; 0 means unknown.
struct Location {
  std::string file;   // path relative to the repository root, e.g. "corpus/x.md"
  int line = 0;
  int column = 0;
  std::string field;  // e.g. "followup[2].date"; empty when not about one field

  // "corpus/x.md:7:3" (ninja style); omits what is unknown.
  std::string ToString() const;
};

enum class Severity { kError, kWarning };

struct Problem {
  Location where;
  std::string message;  // one line, no trailing period, e.g. "unknown status 'opne'"
  Severity severity = Severity::kError;

  // "corpus/x.md:7:3: error: unknown status 'opne'"
  std::string ToString() const;
};

using Problems = std::vector<Problem>;

bool HasErrors(const Problems& problems);

class Error : public std::runtime_error {
 public:
  enum class Kind {
    kUsage,     // bad command line or request shape        -> exit 2, HTTP 400
    kInvalid,   // bad data or argument value                -> exit 1, HTTP 400/422
    kNotFound,  // unknown id, file, ref                      -> exit 1, HTTP 404
    kConflict,  // stale write, overlapping concurrent change -> exit 1, HTTP 409/412
    kDenied,    // no role / not logged in                    -> exit 1, HTTP 403
    kIo,        // file system, libgit2, Xapian               -> exit 1, HTTP 500
    kInternal,  // a bug                                      -> exit 1, HTTP 500
  };

  Error(Kind kind, std::string message, Location where = {});

  Kind kind() const { return kind_; }
  const Location& where() const { return where_; }

 private:
  Kind kind_;
  Location where_;
};

// The one table that maps error kinds to process exit codes and HTTP statuses.
int ExitCodeFor(Error::Kind kind);
int HttpStatusFor(Error::Kind kind);
const char* KindName(Error::Kind kind);
inline std::ostream& operator<<(std::ostream& out, Error::Kind kind) { return out << KindName(kind); }

}  // namespace sijill
