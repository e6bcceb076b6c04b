// The users file: who may log in, with which role, and their API tokens (issue 6 item 3).
//
// It is kept OUTSIDE the records repository's history: the default is
// <repo>/.sijill/users.yaml, inside the git-ignored state directory (never committed); any other
// path can be given with --users FILE. Written with mode 0600, atomically (temp file + rename).
//
//   # sijill users: passwords and tokens are hashed; keep this file private
//   users:
//     - name: amina
//       email: amina@example.org
//       role: secretariat              # reader | secretariat | icat | admin
//       password: pbkdf2-sha256$600000$<salt, 32 hex>$<hash, 64 hex>
//       tokens:                         # SHA-256 of each bearer token (tokens are 256 random bits)
//         - sha256$<64 hex>
//
// Passwords: PBKDF2-HMAC-SHA256 with a per-user random salt and a high iteration count (OWASP
// 2023: 600,000); the count is stored with each hash so it can be raised later. Comparison is in
// constant time. Tokens are random, so one SHA-256 suffices to store them safely.
// Thread-safety: a UserStore is not synchronised; the server wraps it (auth.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sijill/service/http.h"

namespace sijill::service {

inline constexpr int kDefaultPbkdf2Iterations = 600000;
inline constexpr size_t kMinPasswordLength = 8;

struct UserRecord {
  std::string name;  // [a-z0-9._-]{1,64}, lower case
  std::string email;
  Role role = Role::kReader;
  std::string password_hash;        // "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>"
  std::vector<std::string> tokens;  // "sha256$<hex>"

  User ToUser() const { return User{name, email, role}; }
};

// The users file of a repository: <repo>/.sijill/users.yaml.
std::string DefaultUsersPath(const std::string& repo_root);

// "pbkdf2-sha256$..." for `password` with a fresh random salt.
std::string HashPassword(const std::string& password, int iterations = kDefaultPbkdf2Iterations);
// Constant-time check of `password` against a HashPassword result; false for a malformed hash.
bool VerifyPassword(const std::string& password, const std::string& hash);
// True for names of 1-64 characters of [a-z0-9._-] starting with a letter or digit.
bool IsValidUserName(const std::string& name);
// A new random bearer token: "sjl_" + 64 hex characters.
std::string NewToken();
std::string HashToken(const std::string& token);  // "sha256$<hex>"

class UserStore {
 public:
  // Reads `path`; a missing file is an empty store. Throws Error kInvalid naming the file and
  // line for a malformed one.
  static UserStore Load(const std::string& path);
  // Writes the file (0600, atomic). Throws kIo.
  void Save() const;

  const std::string& path() const { return path_; }
  const std::vector<UserRecord>& users() const { return users_; }
  const UserRecord* Find(const std::string& name) const;

  // Throws kInvalid for a bad name, a short password, kConflict when the user exists.
  void Add(const std::string& name, Role role, const std::string& password,
           const std::string& email = "", int iterations = kDefaultPbkdf2Iterations);
  // Throws kNotFound for an unknown user, kInvalid for a short password.
  void SetPassword(const std::string& name, const std::string& password,
                   int iterations = kDefaultPbkdf2Iterations);
  void Remove(const std::string& name);  // kNotFound
  // Adds a token to the user and returns it (shown once; only its hash is kept).
  std::string AddToken(const std::string& name);

  // The user whose password this is; nullopt otherwise. Costs one KDF run even for an unknown
  // name, so timing does not reveal which names exist.
  std::optional<User> CheckPassword(const std::string& name, const std::string& password) const;
  std::optional<User> CheckToken(const std::string& token) const;

 private:
  UserRecord* FindMutable(const std::string& name);

  std::string path_;
  std::vector<UserRecord> users_;
};

}  // namespace sijill::service
