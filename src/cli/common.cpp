#include "cli/common.h"

#include <ostream>

#include "sijill/error.h"
#include "sijill/model/date.h"

namespace sijill::cli {

store::Repository OpenRepository(const Context& context) {
  return store::Repository::Open(context.repo);
}

store::Signature ResolveAuthor(const store::Repository& repository,
                               const std::optional<std::string>& author_option) {
  if (author_option) {
    std::optional<store::Signature> parsed = store::ParseSignature(*author_option);
    if (!parsed)
      throw Error(Error::Kind::kUsage,
                  "--author must look like \"Name <mail>\", not '" + *author_option + "'");
    return *parsed;
  }
  std::optional<store::Signature> configured = repository.DefaultSignature();
  if (!configured)
    throw Error(Error::Kind::kUsage,
                "who is making this change? pass --author \"Name <mail>\" or set git config "
                "user.name and user.email");
  return *configured;
}

void PrintJson(const Context& context, const nlohmann::ordered_json& document) {
  context.out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

std::string Isolate(const std::string& text) { return "\u2068" + text + "\u2069"; }

std::string FormatTime(long long seconds_since_epoch) {
  return model::FormatUtc(seconds_since_epoch, "%Y-%m-%d %H:%M");
}

}  // namespace sijill::cli
