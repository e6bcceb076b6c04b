#include "sijill/service/users.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "sijill/error.h"
#include "sijill/service/router.h"

namespace sijill::service {

namespace {

constexpr const char* kPbkdf2Prefix = "pbkdf2-sha256";
constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;

std::string Hex(const unsigned char* data, size_t size) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < size; ++i) {
    out += kDigits[data[i] >> 4];
    out += kDigits[data[i] & 15];
  }
  return out;
}

std::string RandomHex(size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  if (RAND_bytes(buffer.data(), static_cast<int>(bytes)) != 1)
    throw Error(Error::Kind::kInternal, "no random bytes from OpenSSL");
  return Hex(buffer.data(), bytes);
}

std::string Pbkdf2(const std::string& password, const std::string& salt, int iterations) {
  unsigned char out[kHashBytes];
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(), kHashBytes,
                        out) != 1)
    throw Error(Error::Kind::kInternal, "PBKDF2 failed");
  return Hex(out, kHashBytes);
}

std::vector<std::string> SplitDollar(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, '$');) parts.push_back(part);
  return parts;
}

void CheckPasswordShape(const std::string& password) {
  if (password.size() < kMinPasswordLength)
    throw Error(Error::Kind::kInvalid, "the password needs at least " +
                                           std::to_string(kMinPasswordLength) + " characters");
}

UserRecord ReadUser(const YAML::Node& node, const std::string& path) {
  auto where = [&](const YAML::Node& at) { return Location{path, at.Mark().line + 1, 0, ""}; };
  if (!node.IsMap()) throw Error(Error::Kind::kInvalid, "a user must be a mapping", where(node));
  UserRecord user;
  user.name = node["name"].as<std::string>("");
  user.email = node["email"].as<std::string>("");
  user.password_hash = node["password"].as<std::string>("");
  std::optional<Role> role = ParseRole(node["role"].as<std::string>(""));
  if (!IsValidUserName(user.name) || !role)
    throw Error(Error::Kind::kInvalid, "a user needs a valid name and role", where(node));
  user.role = *role;
  if (node["tokens"] && node["tokens"].IsSequence())
    for (const YAML::Node& token : node["tokens"]) user.tokens.push_back(token.as<std::string>());
  return user;
}

}  // namespace

std::string DefaultUsersPath(const std::string& repo_root) {
  return (std::filesystem::path(repo_root) / ".sijill" / "users.yaml").string();
}

std::string HashPassword(const std::string& password, int iterations) {
  std::string salt = RandomHex(kSaltBytes);
  return std::string(kPbkdf2Prefix) + "$" + std::to_string(iterations) + "$" + salt + "$" +
         Pbkdf2(password, salt, iterations);
}

bool VerifyPassword(const std::string& password, const std::string& hash) {
  std::vector<std::string> parts = SplitDollar(hash);
  if (parts.size() != 4 || parts[0] != kPbkdf2Prefix) return false;
  int iterations = 0;
  try {
    iterations = std::stoi(parts[1]);
  } catch (const std::exception&) {
    return false;
  }
  if (iterations < 1) return false;
  return ConstantTimeEquals(Pbkdf2(password, parts[2], iterations), parts[3]);
}

bool IsValidUserName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  auto ok = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  };
  return std::all_of(name.begin(), name.end(), ok) && name[0] != '.' && name[0] != '-' &&
         name[0] != '_';
}

std::string NewToken() { return "sjl_" + RandomHex(32); }

std::string HashToken(const std::string& token) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(token.data(), token.size(), digest, &size, EVP_sha256(), nullptr);
  return "sha256$" + Hex(digest, size);
}

UserStore UserStore::Load(const std::string& path) {
  UserStore store;
  store.path_ = path;
  if (!std::filesystem::exists(path)) return store;
  try {
    YAML::Node root = YAML::LoadFile(path);
    if (root["users"] && root["users"].IsSequence())
      for (const YAML::Node& node : root["users"]) store.users_.push_back(ReadUser(node, path));
  } catch (const YAML::Exception& error) {
    throw Error(Error::Kind::kInvalid, error.msg, Location{path, error.mark.line + 1, 0, ""});
  }
  return store;
}

void UserStore::Save() const {
  YAML::Emitter out;
  out << YAML::Comment("sijill users: passwords and tokens are hashed; keep this file private");
  out << YAML::BeginMap << YAML::Key << "users" << YAML::Value << YAML::BeginSeq;
  for (const UserRecord& user : users_) {
    out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << user.name;
    if (!user.email.empty()) out << YAML::Key << "email" << YAML::Value << user.email;
    out << YAML::Key << "role" << YAML::Value << RoleName(user.role);
    out << YAML::Key << "password" << YAML::Value << user.password_hash;
    out << YAML::Key << "tokens" << YAML::Value << YAML::BeginSeq;
    for (const std::string& token : user.tokens) out << token;
    out << YAML::EndSeq << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;

  std::filesystem::path target(path_);
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path());
  std::string temp = path_ + ".tmp";
  {
    // Created 0600 before anything is written, so the hashes are never world-readable.
    std::FILE* file = std::fopen(temp.c_str(), "w");
    if (!file) throw Error(Error::Kind::kIo, temp + ": cannot write");
    chmod(temp.c_str(), 0600);
    std::string text = std::string(out.c_str()) + "\n";
    bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    ok = std::fflush(file) == 0 && fsync(fileno(file)) == 0 && ok;
    std::fclose(file);
    if (!ok) throw Error(Error::Kind::kIo, temp + ": write failed");
  }
  std::filesystem::rename(temp, target);
}

const UserRecord* UserStore::Find(const std::string& name) const {
  for (const UserRecord& user : users_)
    if (user.name == name) return &user;
  return nullptr;
}

UserRecord* UserStore::FindMutable(const std::string& name) {
  for (UserRecord& user : users_)
    if (user.name == name) return &user;
  return nullptr;
}

void UserStore::Add(const std::string& name, Role role, const std::string& password,
                    const std::string& email, int iterations) {
  if (!IsValidUserName(name))
    throw Error(Error::Kind::kInvalid,
                "user names are 1-64 characters of a-z, 0-9, '.', '_', '-': '" + name + "'");
  if (role == Role::kAnonymous) throw Error(Error::Kind::kInvalid, "a user needs a role");
  if (Find(name)) throw Error(Error::Kind::kConflict, "user '" + name + "' already exists");
  CheckPasswordShape(password);
  users_.push_back({name, email, role, HashPassword(password, iterations), {}});
}

void UserStore::SetPassword(const std::string& name, const std::string& password,
                            int iterations) {
  UserRecord* user = FindMutable(name);
  if (!user) throw Error(Error::Kind::kNotFound, "no user '" + name + "'");
  CheckPasswordShape(password);
  user->password_hash = HashPassword(password, iterations);
}

void UserStore::Remove(const std::string& name) {
  auto it = std::find_if(users_.begin(), users_.end(),
                         [&](const UserRecord& user) { return user.name == name; });
  if (it == users_.end()) throw Error(Error::Kind::kNotFound, "no user '" + name + "'");
  users_.erase(it);
}

std::string UserStore::AddToken(const std::string& name) {
  UserRecord* user = FindMutable(name);
  if (!user) throw Error(Error::Kind::kNotFound, "no user '" + name + "'");
  std::string token = NewToken();
  user->tokens.push_back(HashToken(token));
  return token;
}

std::optional<User> UserStore::CheckPassword(const std::string& name,
                                             const std::string& password) const {
  const UserRecord* user = Find(name);
  // An unknown name still pays for one KDF run (against a fixed dummy hash).
  static const std::string kDummy = HashPassword("not a password", kDefaultPbkdf2Iterations);
  bool ok = VerifyPassword(password, user ? user->password_hash : kDummy);
  if (!user || !ok) return std::nullopt;
  return user->ToUser();
}

std::optional<User> UserStore::CheckToken(const std::string& token) const {
  if (token.empty()) return std::nullopt;
  std::string hash = HashToken(token);
  for (const UserRecord& user : users_)
    for (const std::string& stored : user.tokens)
      if (ConstantTimeEquals(hash, stored)) return user.ToUser();
  return std::nullopt;
}

}  // namespace sijill::service
