#include <fcntl.h>
#include <limits.h>
// SHA1_Init and friends are deprecated in OpenSSL 3 in favour of EVP (see AppendHash).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "sijill/error.h"
#include "store/index_format_internal.h"

namespace sijill::store::worktree::index_format {

namespace {

// Copies one cache-tree node and its subtrees, writing "-1" (invalid) for the stale ones.
bool CopyTreeNode(std::string_view ext, size_t& pos, const std::string* parent,
                  const std::set<std::string>& stale, std::string& out) {
  size_t nul = ext.find('\0', pos);
  size_t space = ext.find(' ', nul);
  size_t newline = ext.find('\n', space);
  if (newline == std::string_view::npos) return false;
  std::string name(ext.substr(pos, nul - pos));
  std::string path = parent == nullptr ? "" : parent->empty() ? name : *parent + "/" + name;
  long entries =
      std::strtol(std::string(ext.substr(nul + 1, space - nul - 1)).c_str(), nullptr, 10);
  long subtrees =
      std::strtol(std::string(ext.substr(space + 1, newline - space - 1)).c_str(), nullptr, 10);
  pos = newline + 1;
  std::string_view id;
  if (entries >= 0) {
    if (pos + kHashSize > ext.size()) return false;
    id = ext.substr(pos, kHashSize);
    pos += kHashSize;
  }
  bool valid = entries >= 0 && stale.count(path) == 0;
  out += name;
  out += '\0';
  out += (valid ? std::to_string(entries) : "-1") + " " + std::to_string(subtrees) + "\n";
  if (valid) out += id;
  for (long i = 0; i < subtrees; ++i) {
    if (!CopyTreeNode(ext, pos, &path, stale, out)) return false;
  }
  return true;
}

}  // namespace

void ThrowErrno(const std::string& what) {
  throw Error(Error::Kind::kIo, what + ": " + std::strerror(errno));
}

void AddDirs(const std::string& path, std::set<std::string>& dirs) {
  dirs.insert("");
  for (size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    dirs.insert(path.substr(0, slash));
  }
}

std::optional<std::string> InvalidateCacheTree(std::string_view payload,
                                               const std::set<std::string>& stale) {
  std::string out;
  size_t pos = 0;
  if (!CopyTreeNode(payload, pos, nullptr, stale, out) || pos != payload.size()) {
    return std::nullopt;
  }
  return out;
}

std::string Output::AppendHash() {
  // OpenSSL's low-level SHA-1 rather than EVP: EVP's first use initialises OpenSSL's providers
  // and reads openssl.cnf, ~1 ms of a ~20 ms commit, for nothing a SHA-1 needs.
  SHA_CTX context;
  unsigned char hash[SHA_DIGEST_LENGTH];
  bool ok = SHA1_Init(&context) == 1;
  for (std::string_view segment : segments_) {
    ok = ok && SHA1_Update(&context, segment.data(), segment.size()) == 1;
  }
  ok = ok && SHA1_Final(hash, &context) == 1;
  if (!ok) throw Error(Error::Kind::kInternal, "SHA-1 of the index failed");
  return Own(std::string(reinterpret_cast<const char*>(hash), sizeof hash));
}

void Output::WriteTo(int fd, const std::string& name) const {
  // One writev for many segments: a split index's main file is mostly 64-byte entries.
  std::vector<iovec> pending;
  pending.reserve(std::min<size_t>(segments_.size(), IOV_MAX));
  size_t next = 0;
  while (next < segments_.size() || !pending.empty()) {
    for (; next < segments_.size() && pending.size() < IOV_MAX; ++next) {
      pending.push_back({const_cast<char*>(segments_[next].data()), segments_[next].size()});
    }
    ssize_t n = writev(fd, pending.data(), static_cast<int>(pending.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ThrowErrno("cannot write " + name);
    // Drops what was written, keeping the rest of a partly written segment.
    size_t done = static_cast<size_t>(n), first = 0;
    for (; first < pending.size() && done >= pending[first].iov_len; ++first) {
      done -= pending[first].iov_len;
    }
    pending.erase(pending.begin(), pending.begin() + static_cast<long>(first));
    if (!pending.empty()) {
      pending.front().iov_base = static_cast<char*>(pending.front().iov_base) + done;
      pending.front().iov_len -= done;
    }
  }
}

}  // namespace sijill::store::worktree::index_format
