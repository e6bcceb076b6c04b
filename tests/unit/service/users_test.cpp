// The users file: hashing, tokens, load/save (issue 6 item 3).
#include "sijill/service/users.h"

#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sijill/error.h"

namespace sijill::service {

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(users)

namespace {

// Tests use few KDF rounds; the stored count makes verification follow whatever was used.
constexpr int kFast = 1000;

struct TempDir {
  TempDir() {
    char name[] = "/tmp/sijill-users-XXXXXX";
    path = mkdtemp(name);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string path;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(PasswordsAreSaltedAndVerified) {
  std::string a = HashPassword("correct horse", kFast);
  std::string b = HashPassword("correct horse", kFast);
  BOOST_TEST(a != b);  // a fresh salt each time
  BOOST_TEST(a.rfind("pbkdf2-sha256$1000$", 0) == 0);
  BOOST_TEST(VerifyPassword("correct horse", a));
  BOOST_TEST(!VerifyPassword("correct horsf", a));
  BOOST_TEST(!VerifyPassword("correct horse", "plain"));
  BOOST_TEST(!VerifyPassword("correct horse", "pbkdf2-sha256$x$00$00"));
}

BOOST_AUTO_TEST_CASE(DefaultIterationCountIsSlow) {
  BOOST_TEST(kDefaultPbkdf2Iterations >= 600000);
}

BOOST_AUTO_TEST_CASE(SavedFileKeepsOnlyHashesAndIsPrivate) {
  TempDir dir;
  std::string path = dir.path + "/state/users.yaml";
  UserStore store = UserStore::Load(path);
  BOOST_TEST(store.users().empty());
  store.Add("amina", Role::kSecretariat, "s3cret-pass", "amina@example.org", kFast);
  store.Add("omar", Role::kIcat, "other-pass", "", kFast);
  std::string token = store.AddToken("amina");
  store.Save();

  std::string text = Slurp(path);
  BOOST_TEST(text.find("s3cret-pass") == std::string::npos);
  BOOST_TEST(text.find(token) == std::string::npos);
  BOOST_TEST(text.find("role: secretariat") != std::string::npos);
  struct stat info {};
  BOOST_REQUIRE(stat(path.c_str(), &info) == 0);
  BOOST_TEST((info.st_mode & 0777) == 0600);

  UserStore loaded = UserStore::Load(path);
  BOOST_REQUIRE(loaded.users().size() == 2u);
  std::optional<User> amina = loaded.CheckPassword("amina", "s3cret-pass");
  BOOST_REQUIRE(amina.has_value());
  BOOST_TEST(amina->email == "amina@example.org");
  BOOST_TEST(amina->Signature() == "amina <amina@example.org>");
  BOOST_TEST(!loaded.CheckPassword("amina", "wrong-pass"));
  BOOST_TEST(!loaded.CheckPassword("nobody", "s3cret-pass"));
  std::optional<User> by_token = loaded.CheckToken(token);
  BOOST_REQUIRE(by_token.has_value());
  BOOST_TEST(by_token->name == "amina");
  BOOST_TEST(!loaded.CheckToken(token + "0"));
  BOOST_TEST(!loaded.CheckToken(""));
  BOOST_TEST(loaded.Find("omar")->ToUser().Signature() == "omar <omar@sijill.invalid>");
}

BOOST_AUTO_TEST_CASE(BadNamesShortPasswordsAndDuplicatesAreRefused) {
  UserStore store = UserStore::Load("/nonexistent/users.yaml");
  BOOST_CHECK_THROW(store.Add("../x", Role::kReader, "long enough", "", kFast), Error);
  BOOST_CHECK_THROW(store.Add("Amina", Role::kReader, "long enough", "", kFast), Error);
  BOOST_CHECK_THROW(store.Add("amina", Role::kReader, "short", "", kFast), Error);
  store.Add("amina", Role::kReader, "long enough", "", kFast);
  BOOST_CHECK_THROW(store.Add("amina", Role::kAdmin, "long enough", "", kFast), Error);
  BOOST_CHECK_THROW(store.Remove("nobody"), Error);
  store.SetPassword("amina", "another one", kFast);
  BOOST_TEST(store.CheckPassword("amina", "another one").has_value());
  store.Remove("amina");
  BOOST_TEST(store.users().empty());
}

BOOST_AUTO_TEST_CASE(MalformedFileNamesItsLine) {
  TempDir dir;
  std::string path = dir.path + "/users.yaml";
  std::ofstream(path) << "users:\n  - name: amina\n    role: boss\n";
  try {
    UserStore::Load(path);
    BOOST_FAIL("expected an error");
  } catch (const Error& error) {
    BOOST_TEST(std::string(error.what()).find(path + ":2") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service
