// sijill user add NAME --role ROLE [--email E] | passwd NAME | remove NAME | list [--json]
// sijill token NAME
// Passwords are read from standard input (first line), never from the command line, where other
// users of the machine could see them in the process list.
#include <istream>
#include <ostream>

#include "cli/common.h"
#include "sijill/error.h"
#include "sijill/index/indexer.h"
#include "sijill/service/users.h"

namespace sijill::cli {

namespace {

std::string UsersPath(const Context& context, const Args& args) {
  if (auto path = args.Value("users")) return *path;
  // The default lives in the repository's git-ignored state directory: make sure it is ignored
  // before a password hash is written there.
  index::EnsureStateDirIgnored(context.repo);
  return service::DefaultUsersPath(context.repo);
}

std::string ReadPassword(Context& context) {
  std::string password;
  std::getline(context.in, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty())
    throw Error(Error::Kind::kUsage, "give the password on standard input (one line)");
  return password;
}

void List(Context& context, const service::UserStore& users, bool json) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const service::UserRecord& user : users.users()) {
    if (json)
      out.push_back({{"name", user.name},
                     {"email", user.email},
                     {"role", service::RoleName(user.role)},
                     {"tokens", user.tokens.size()}});
    else
      context.out << user.name << "  " << service::RoleName(user.role)
                  << (user.email.empty() ? "" : "  " + user.email) << "\n";
  }
  if (json) PrintJson(context, {{"users", out}});
}

}  // namespace

int RunUser(Context& context, const Args& args) {
  args.ExpectPositionals(1, 2, "add|passwd|remove|list and a user NAME");
  const std::string& action = args.positionals()[0];
  service::UserStore users = service::UserStore::Load(UsersPath(context, args));
  if (action == "list") {
    List(context, users, args.Flag("json"));
    return 0;
  }
  if (args.positionals().size() != 2)
    throw Error(Error::Kind::kUsage, "'user " + action + "' needs a user NAME");
  const std::string& name = args.positionals()[1];
  if (action == "add") {
    std::optional<std::string> role_name = args.Value("role");
    if (!role_name) throw Error(Error::Kind::kUsage, "--role reader|secretariat|icat|admin is required");
    std::optional<service::Role> role = service::ParseRole(*role_name);
    if (!role)
      throw Error(Error::Kind::kUsage,
                  "--role must be reader, secretariat, icat or admin, not '" + *role_name + "'");
    users.Add(name, *role, ReadPassword(context), args.Value("email").value_or(""));
  } else if (action == "passwd") {
    users.SetPassword(name, ReadPassword(context));
  } else if (action == "remove") {
    users.Remove(name);
  } else {
    throw Error(Error::Kind::kUsage, "unknown action '" + action + "': add, passwd, remove, list");
  }
  users.Save();
  context.err << "sijill: " << users.path() << ": " << action << " " << name << "\n";
  return 0;
}

int RunToken(Context& context, const Args& args) {
  args.ExpectPositionals(1, 1, "a user NAME");
  service::UserStore users = service::UserStore::Load(UsersPath(context, args));
  std::string token = users.AddToken(args.positionals()[0]);
  users.Save();
  // Printed once: only its hash is kept.
  context.out << token << "\n";
  return 0;
}

}  // namespace sijill::cli
