#include "sijill/service/auth.h"

#include <algorithm>
#include <system_error>

namespace sijill::service {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kSessionLifetime = std::chrono::hours(12);
constexpr int kFreeFailures = 5;
constexpr int kFirstLockSeconds = 30;
constexpr int kMaxLockSeconds = 15 * 60;
// Bounds the limiter's memory under a flood of made-up names: the oldest entries go first.
constexpr size_t kMaxFailureEntries = 10000;

std::string Cookie(const std::string& value, bool secure, bool clear) {
  std::string cookie = std::string(kSessionCookie) + "=" + value +
                       "; Path=/; HttpOnly; SameSite=Lax";
  if (clear) cookie += "; Max-Age=0";
  if (secure) cookie += "; Secure";
  return cookie;
}

}  // namespace

Auth::Auth(std::string users_path) : users_path_(std::move(users_path)) {
  users_ = std::make_shared<const UserStore>(UserStore::Load(users_path_));
  std::error_code ignored;
  users_mtime_ = std::filesystem::last_write_time(users_path_, ignored);
}

std::shared_ptr<const UserStore> Auth::Users() {
  std::error_code error;
  auto mtime = std::filesystem::last_write_time(users_path_, error);
  std::lock_guard lock(mutex_);
  if (!error && mtime != users_mtime_) {
    // A half-edited file keeps the previous users rather than locking everyone out.
    try {
      users_ = std::make_shared<const UserStore>(UserStore::Load(users_path_));
      users_mtime_ = mtime;
    } catch (const std::exception&) {
    }
  }
  return users_;
}

std::optional<User> Auth::FindUser(const std::string& name) {
  const UserRecord* record = Users()->Find(name);
  if (!record) return std::nullopt;
  return record->ToUser();
}

bool Auth::Identify(Request& request) {
  std::string authorization = request.Header("authorization");
  if (!authorization.empty()) {
    const std::string kBearer = "Bearer ";
    if (authorization.rfind(kBearer, 0) != 0) return false;
    request.user = Users()->CheckToken(authorization.substr(kBearer.size()));
    request.bearer = request.user.has_value();
    return request.bearer;
  }
  std::string session = request.Cookie(kSessionCookie);
  if (session.empty()) return true;
  std::string name;
  {
    std::lock_guard lock(mutex_);
    auto it = sessions_.find(session);
    if (it == sessions_.end()) return true;
    if (it->second.expires < Clock::now()) {
      sessions_.erase(it);
      return true;
    }
    name = it->second.user;
    request.csrf_token = it->second.csrf;
  }
  // The session follows the user's current role; a removed user is logged out.
  request.user = FindUser(name);
  if (!request.user) request.csrf_token.clear();
  return true;
}

int Auth::LockedFor(const std::string& key, Clock::time_point now) {
  auto it = failures_.find(key);
  if (it == failures_.end() || it->second.locked_until <= now) return 0;
  auto left = std::chrono::duration_cast<std::chrono::seconds>(it->second.locked_until - now);
  return std::max<int>(1, static_cast<int>(left.count()) + 1);
}

void Auth::RecordFailure(const std::string& key, Clock::time_point now) {
  if (failures_.size() >= kMaxFailureEntries) failures_.erase(failures_.begin());
  Failures& failures = failures_[key];
  ++failures.count;
  if (failures.count >= kFreeFailures) {
    int shift = std::min(failures.count - kFreeFailures, 10);
    int seconds = std::min(kFirstLockSeconds << shift, kMaxLockSeconds);
    failures.locked_until = now + std::chrono::seconds(seconds);
  }
}

Auth::LoginResult Auth::Login(const std::string& name, const std::string& password,
                              const std::string& client) {
  std::string user_key = "user:" + name, client_key = "client:" + client;
  auto now = Clock::now();
  {
    std::lock_guard lock(mutex_);
    int wait = std::max(LockedFor(user_key, now), LockedFor(client_key, now));
    if (wait > 0) return {std::nullopt, wait};
    // Counted as a failure before the (slow) password check, not after: guesses sent at once
    // would otherwise all pass the lock check above before the first one failed.
    RecordFailure(user_key, now);
    RecordFailure(client_key, now);
  }
  std::optional<User> user = Users()->CheckPassword(name, password);
  if (!user) return {std::nullopt, 0};
  std::lock_guard lock(mutex_);
  failures_.erase(user_key);
  failures_.erase(client_key);
  return {user, 0};
}

std::string Auth::StartSession(const User& user, const std::string& old_session, bool secure) {
  std::string id = NewToken().substr(4);
  std::lock_guard lock(mutex_);
  sessions_.erase(old_session);
  // Expired sessions are dropped here, so the map stays as large as the live sessions.
  auto now = Clock::now();
  std::erase_if(sessions_, [&](const auto& entry) { return entry.second.expires < now; });
  sessions_[id] = Session{user.name, NewToken().substr(4), now + kSessionLifetime};
  return Cookie(id, secure, false);
}

std::string Auth::EndSession(const std::string& session, bool secure) {
  std::lock_guard lock(mutex_);
  sessions_.erase(session);
  return Cookie("", secure, true);
}

}  // namespace sijill::service
