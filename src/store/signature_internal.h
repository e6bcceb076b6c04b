#pragma once

#include "sijill/store/repository.h"
#include "store/git_handle.h"

namespace sijill::store {

// A libgit2 signature for `signature` (now, in the local zone, when `when` is unset).
// Throws kInvalid for an empty name or mail, or one with angle brackets or line breaks.
git::SignaturePtr MakeGitSignature(const Signature& signature);

}  // namespace sijill::store
