#include "sijill/error.h"
#include "store/signature_internal.h"

namespace sijill::store {

namespace {

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

bool HasForbidden(const std::string& text) {
  return text.find_first_of("<>\n\r", 0) != std::string::npos ||
         text.find('\0') != std::string::npos;
}

}  // namespace

std::optional<Signature> ParseSignature(const std::string& text) {
  std::string trimmed = Trim(text);
  if (trimmed.empty() || trimmed.back() != '>') return std::nullopt;
  size_t open = trimmed.rfind('<');
  if (open == std::string::npos) return std::nullopt;
  Signature signature;
  signature.name = Trim(trimmed.substr(0, open));
  signature.email = Trim(trimmed.substr(open + 1, trimmed.size() - open - 2));
  if (signature.name.empty() || signature.email.empty()) return std::nullopt;
  if (HasForbidden(signature.name) || HasForbidden(signature.email)) return std::nullopt;
  return signature;
}

git::SignaturePtr MakeGitSignature(const Signature& signature) {
  if (signature.name.empty() || signature.email.empty() || HasForbidden(signature.name) ||
      HasForbidden(signature.email)) {
    throw Error(Error::Kind::kInvalid,
                "invalid author '" + signature.name + " <" + signature.email + ">'");
  }
  git_signature* raw = nullptr;
  if (signature.when) {
    git::Check(git_signature_new(&raw, signature.name.c_str(), signature.email.c_str(),
                                 static_cast<git_time_t>(*signature.when),
                                 signature.offset_minutes));
  } else {
    git::Check(git_signature_now(&raw, signature.name.c_str(), signature.email.c_str()));
  }
  return git::SignaturePtr(raw);
}

}  // namespace sijill::store
