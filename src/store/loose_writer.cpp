#include "store/loose_writer.h"

#include <fcntl.h>
#include <git2/sys/odb_backend.h>
#include <libdeflate.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <mutex>
#include <new>

#include "store/git_handle.h"

namespace sijill::store {

namespace {

std::atomic<size_t> objects_written{0};

struct LooseWriter {
  git_odb_backend parent;  // first, so that libgit2's pointer is ours
  std::string objects_dir;
  std::mutex mutex;  // a compressor is not thread-safe
  libdeflate_compressor* compressor = nullptr;
};

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// As libgit2's loose backend does: the compressed "<type> <size>\0<data>" goes to a temporary
// file in objects/, read-only, then is linked to objects/xx/yyyy… (an existing object there is
// the same object) and the temporary name removed.
int Write(git_odb_backend* backend, const git_oid* id, const void* data, size_t size,
          git_object_t type) {
  auto* writer = reinterpret_cast<LooseWriter*>(backend);
  std::string input = std::string(git_object_type2string(type)) + " " + std::to_string(size);
  input.push_back('\0');
  input.append(static_cast<const char*>(data), size);
  std::string compressed;
  {
    std::lock_guard guard(writer->mutex);
    compressed.resize(libdeflate_zlib_compress_bound(writer->compressor, input.size()));
    size_t n = libdeflate_zlib_compress(writer->compressor, input.data(), input.size(),
                                        compressed.data(), compressed.size());
    if (n == 0) return GIT_ERROR;
    compressed.resize(n);
  }
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, id);
  std::string dir = writer->objects_dir + "/" + std::string(hex, 2);
  std::string path = dir + "/" + (hex + 2);
  std::string temporary = writer->objects_dir + "/tmp_object_sijill_XXXXXX";
  int fd = mkstemp(temporary.data());
  if (fd < 0) return GIT_ERROR;
  bool ok = fchmod(fd, 0444) == 0 && WriteAll(fd, compressed.data(), compressed.size());
  ok = close(fd) == 0 && ok;
  if (ok && mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) ok = false;
  if (ok && link(temporary.c_str(), path.c_str()) != 0 && errno != EEXIST) ok = false;
  unlink(temporary.c_str());
  if (!ok) return GIT_ERROR;  // libgit2's loose backend tries next
  objects_written.fetch_add(1, std::memory_order_relaxed);
  return 0;
}

void Free(git_odb_backend* backend) {
  auto* writer = reinterpret_cast<LooseWriter*>(backend);
  libdeflate_free_compressor(writer->compressor);
  delete writer;
}

}  // namespace

void AddLooseObjectWriter(git_odb* odb, const std::string& objects_dir) {
  auto* writer = new LooseWriter();
  git_odb_init_backend(&writer->parent, GIT_ODB_BACKEND_VERSION);
  writer->parent.write = Write;
  writer->parent.free = Free;
  writer->objects_dir = objects_dir;
  writer->compressor = libdeflate_alloc_compressor(1);
  if (writer->compressor == nullptr) {
    delete writer;
    throw std::bad_alloc();
  }
  // Priority 3: above libgit2's loose (1) and pack (2) backends, which it leaves in place.
  if (git_odb_add_backend(odb, &writer->parent, 3) < 0) {
    Free(&writer->parent);
    git::Check(-1);
  }
}

size_t LooseObjectsWritten() { return objects_written.load(std::memory_order_relaxed); }

}  // namespace sijill::store
