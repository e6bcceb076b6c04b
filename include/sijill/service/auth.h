// Who is asking: bearer API tokens, session cookies, CSRF tokens and the login limiter
// (issue 6 item 3).
//
// - `Authorization: Bearer <token>` authenticates a script; no CSRF check applies (a token is
//   never sent by a browser on its own).
// - Logging in creates a NEW session id (no fixation) with its own CSRF token; the cookie is
//   `sijill_session`, HttpOnly, SameSite=Lax, Secure when the request came over TLS.
//   Sessions live in memory for 12 hours: a restart logs everyone out.
// - Failed logins are counted per user name and per client address; after 5 failures the next
//   attempt must wait 30 s, and each further failure doubles the wait (up to 15 minutes);
//   success clears them. An attempt counts as a failure from the moment it is checked, so
//   guesses sent in parallel cannot all slip in before the first one fails.
// - The users file is re-read when it changes on disk, so `sijill user remove` or a new role
//   takes effect without a restart (an existing session follows the user's current role).
// Thread-safety: all members may be called concurrently.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "sijill/service/http.h"
#include "sijill/service/users.h"

namespace sijill::service {

inline constexpr const char* kSessionCookie = "sijill_session";

class Auth {
 public:
  explicit Auth(std::string users_path);

  // Fills request.user, request.csrf_token and request.bearer. Returns false when the request
  // carried an Authorization header that is not a valid token (the caller answers 401).
  bool Identify(Request& request);

  struct LoginResult {
    std::optional<User> user;
    int retry_after = 0;  // seconds to wait before trying again (0 = not limited)
  };
  LoginResult Login(const std::string& name, const std::string& password,
                    const std::string& client);

  // A new session for `user`; returns the Set-Cookie value. `old_session` (the cookie the
  // browser had) is ended, so a planted session id never becomes a logged-in one.
  std::string StartSession(const User& user, const std::string& old_session, bool secure);
  // Ends the session; returns the Set-Cookie value that clears the cookie.
  std::string EndSession(const std::string& session, bool secure);

  const std::string& users_path() const { return users_path_; }

 private:
  struct Session {
    std::string user;
    std::string csrf;
    std::chrono::steady_clock::time_point expires;
  };
  struct Failures {
    int count = 0;
    std::chrono::steady_clock::time_point locked_until;
  };
  std::optional<User> FindUser(const std::string& name);
  std::optional<User> CheckToken(const std::string& token);
  std::shared_ptr<const UserStore> Users();
  int LockedFor(const std::string& key, std::chrono::steady_clock::time_point now);
  void RecordFailure(const std::string& key, std::chrono::steady_clock::time_point now);

  std::string users_path_;
  std::mutex mutex_;
  std::shared_ptr<const UserStore> users_;  // guarded by mutex_
  std::filesystem::file_time_type users_mtime_{};  // of the file last read
  std::map<std::string, Session> sessions_;
  std::map<std::string, Failures> failures_;
};

}  // namespace sijill::service
