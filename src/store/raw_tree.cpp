#include "store/raw_tree.h"

#include <fcntl.h>
#include <libdeflate.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "sijill/error.h"
#include "store/git_handle.h"

namespace sijill::store {

namespace {

// Larger loose trees are left to libgit2 (none is near it: 20,000 entries are ~1 MB).
constexpr size_t kMaxLooseTree = size_t{1} << 30;

// Memory mapped with MAP_POPULATE: one call fills every page, where touching ~250 fresh pages
// one by one cost ~1.5 ms more per tree on this virtual machine (each fault is a trap).
struct Mapping {
  void* address = MAP_FAILED;
  size_t size = 0;

  Mapping() = default;
  Mapping(void* a, size_t s) : address(a), size(s) {}
  Mapping(Mapping&& other) noexcept : address(other.address), size(other.size) {
    other.address = MAP_FAILED;
  }
  Mapping& operator=(Mapping&& other) noexcept {
    if (this != &other) {
      Release();
      address = other.address;
      size = other.size;
      other.address = MAP_FAILED;
    }
    return *this;
  }
  ~Mapping() { Release(); }
  void Release() {
    if (address != MAP_FAILED) munmap(address, size);
    address = MAP_FAILED;
  }
  bool ok() const { return address != MAP_FAILED; }
  const unsigned char* bytes() const { return static_cast<const unsigned char*>(address); }
};

Mapping MapFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  struct stat info;
  Mapping mapping;
  if (fstat(fd, &info) == 0 && info.st_size > 0) {
    size_t size = static_cast<size_t>(info.st_size);
    mapping = Mapping(mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), size);
  }
  close(fd);
  return mapping;
}

// The size a loose object's header ("tree <size>\0") announces, and the header's length;
// nullopt when the object is not a tree or the header is damaged. Only the header is
// inflated here (zlib stops when its 64-byte output is full).
std::optional<std::pair<size_t, size_t>> LooseTreeHeader(const Mapping& input) {
  unsigned char header[64];
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return std::nullopt;
  stream.next_in = const_cast<unsigned char*>(input.bytes());
  stream.avail_in = static_cast<uInt>(std::min<size_t>(input.size, 1 << 16));
  stream.next_out = header;
  stream.avail_out = sizeof header;
  int rc = inflate(&stream, Z_SYNC_FLUSH);
  size_t produced = sizeof header - stream.avail_out;
  inflateEnd(&stream);
  if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) return std::nullopt;
  const unsigned char* nul = static_cast<const unsigned char*>(memchr(header, 0, produced));
  if (nul == nullptr || produced < 6 || memcmp(header, "tree ", 5) != 0) return std::nullopt;
  size_t size = 0;
  for (const unsigned char* digit = header + 5; digit < nul; ++digit) {
    if (*digit < '0' || *digit > '9' || size > kMaxLooseTree) return std::nullopt;
    size = size * 10 + static_cast<size_t>(*digit - '0');
  }
  if (nul == header + 5 || size > kMaxLooseTree) return std::nullopt;
  return std::make_pair(size, static_cast<size_t>(nul - header) + 1);
}

}  // namespace

struct RawTree::Storage {
  Mapping inflated;                  // a loose object: "tree <size>\0" and the entries
  git_odb_object* object = nullptr;  // or libgit2's copy of it

  ~Storage() {
    if (object != nullptr) git_odb_object_free(object);
  }
};

namespace {

// The loose object `id` inflated, or nullopt when there is none (it is packed, or in an
// alternate) or it cannot be read this way; libgit2 then reads it and reports what is wrong.
std::optional<Mapping> ReadLooseTree(git_repository* repo, const git_oid& id, size_t& offset) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  std::string path = std::string(git_repository_commondir(repo)) + "objects/" +
                     std::string(hex, 2) + "/" + (hex + 2);
  Mapping input = MapFile(path);
  if (!input.ok()) return std::nullopt;
  std::optional<std::pair<size_t, size_t>> header = LooseTreeHeader(input);
  if (!header) return std::nullopt;
  size_t total = header->first + header->second;
  Mapping output(mmap(nullptr, total, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0),
                 total);
  if (!output.ok()) return std::nullopt;
  libdeflate_decompressor* decompressor = libdeflate_alloc_decompressor();
  if (decompressor == nullptr) return std::nullopt;
  size_t actual = 0;
  libdeflate_result rc = libdeflate_zlib_decompress(decompressor, input.bytes(), input.size,
                                                    output.address, total, &actual);
  libdeflate_free_decompressor(decompressor);
  if (rc != LIBDEFLATE_SUCCESS || actual != total) return std::nullopt;
  offset = header->second;
  return output;
}

}  // namespace

git_oid RawTreeEntry::Id() const {
  git_oid oid;
  git_oid_fromraw(&oid, id);
  return oid;
}

int CompareTreeEntries(const RawTreeEntry& a, const RawTreeEntry& b) {
  size_t common = std::min(a.name.size(), b.name.size());
  if (int order = memcmp(a.name.data(), b.name.data(), common); order != 0) return order;
  auto next = [common](const RawTreeEntry& entry) -> unsigned {
    if (entry.name.size() > common) return static_cast<unsigned char>(entry.name[common]);
    return entry.IsTree() ? '/' : 0;
  };
  unsigned x = next(a), y = next(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}

RawTree::RawTree() = default;
RawTree::RawTree(RawTree&&) noexcept = default;
RawTree& RawTree::operator=(RawTree&&) noexcept = default;
RawTree::~RawTree() = default;

RawTree RawTree::Read(git_repository* repo, const git_oid& id) {
  RawTree tree;
  tree.name_ = git::Hex(id);
  tree.storage_ = std::make_unique<Storage>();
  size_t offset = 0;
  if (std::optional<Mapping> loose = ReadLooseTree(repo, id, offset)) {
    tree.storage_->inflated = std::move(*loose);
    tree.cursor_ = tree.storage_->inflated.bytes() + offset;
    tree.end_ = tree.storage_->inflated.bytes() + tree.storage_->inflated.size;
    return tree;
  }
  git_odb* odb = nullptr;
  git::Check(git_repository_odb(&odb, repo));
  int rc = git_odb_read(&tree.storage_->object, odb, &id);
  git_odb_free(odb);
  git::Check(rc);
  if (git_odb_object_type(tree.storage_->object) != GIT_OBJECT_TREE)
    throw Error(Error::Kind::kIo, "object " + tree.name_ + " is not a tree");
  tree.cursor_ = static_cast<const unsigned char*>(git_odb_object_data(tree.storage_->object));
  tree.end_ = tree.cursor_ + git_odb_object_size(tree.storage_->object);
  return tree;
}

bool RawTree::Next(RawTreeEntry& entry) {
  if (cursor_ == end_) return false;
  auto malformed = [this] { return Error(Error::Kind::kIo, "tree " + name_ + " is malformed"); };
  // "<octal mode> <name>\0<20-byte id>"
  uint32_t mode = 0;
  const unsigned char* at = cursor_;
  for (; at < end_ && *at != ' '; ++at) {
    if (*at < '0' || *at > '7' || mode > 0777777) throw malformed();
    mode = mode * 8 + static_cast<uint32_t>(*at - '0');
  }
  if (at == cursor_ || at == end_) throw malformed();
  const unsigned char* name = at + 1;
  const unsigned char* nul = static_cast<const unsigned char*>(memchr(name, 0, end_ - name));
  if (nul == nullptr || nul == name || end_ - (nul + 1) < GIT_OID_RAWSZ) throw malformed();
  entry.mode = mode;
  entry.name = std::string_view(reinterpret_cast<const char*>(name), nul - name);
  entry.id = nul + 1;
  cursor_ = nul + 1 + GIT_OID_RAWSZ;
  return true;
}

}  // namespace sijill::store
