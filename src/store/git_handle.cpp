#include "store/git_handle.h"

#include <atomic>
#include <mutex>

#include "sijill/error.h"

namespace {
std::atomic<int> declined_ca_bundle_loads{0};
}  // namespace

// libgit2 1.5 as Debian builds it (HTTPS through mbedTLS) parses the whole system CA bundle,
// ~140 certificates, inside git_libgit2_init, in case an HTTPS remote is used later: ~4 ms of
// CPU, an eighth of a `sijill status` at 2,000 reports (bench/RESULTS.md). sijill never talks to
// a remote, and libgit2 has no option to skip it. An executable's definition comes first in the
// dynamic linker's lookup, so libgit2's call binds to this one, which declines as if the file
// could not be read (MBEDTLS_ERR_X509_FILE_IO_ERROR). libgit2 then has no CA chain: an HTTPS
// connection would fail its certificate check, never pass unchecked. It lives in this file
// because the linker takes an archive member only when something in it is used, and
// EnsureInit always is.
extern "C" int mbedtls_x509_crt_parse_file(void* /*chain*/, const char* /*path*/) {
  declined_ca_bundle_loads.fetch_add(1, std::memory_order_relaxed);
  return -0x2900;
}

// libgit2 calls GSSAPI only to answer an HTTP server's "Negotiate" (Kerberos) challenge, and
// sijill never talks to a remote; yet loading libgssapi_krb5 and the six libraries it brings
// (krb5, k5crypto, com_err, krb5support, keyutils, resolv) took ~5 ms of every start of a
// binary with libgit2 linked from its archive (bench/RESULTS.md): these definitions satisfy
// libgit2's references instead, so the binary does not ask for them. Each fails as GSSAPI
// fails (GSS_S_FAILURE, minor status 0): a Negotiate challenge would be declined, never
// half-answered. Where libgit2 is a shared library (a sanitizer build) they take precedence
// over libgssapi's, with the same effect.
extern "C" {
void* GSS_C_NT_HOSTBASED_SERVICE = nullptr;
#define SIJILL_GSS_DECLINE(name)                    \
  unsigned name(unsigned* minor_status, ...) {      \
    if (minor_status != nullptr) *minor_status = 0; \
    return 13u << 16; /* GSS_S_FAILURE */           \
  }
SIJILL_GSS_DECLINE(gss_delete_sec_context)
SIJILL_GSS_DECLINE(gss_display_status)
SIJILL_GSS_DECLINE(gss_import_name)
SIJILL_GSS_DECLINE(gss_indicate_mechs)
SIJILL_GSS_DECLINE(gss_init_sec_context)
SIJILL_GSS_DECLINE(gss_release_buffer)
SIJILL_GSS_DECLINE(gss_release_name)
SIJILL_GSS_DECLINE(gss_release_oid_set)
#undef SIJILL_GSS_DECLINE
}

namespace sijill::store::git {

int DeclinedCaBundleLoads() { return declined_ca_bundle_loads.load(std::memory_order_relaxed); }

void EnsureInit() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    // Trees up to 1 MB stay parsed in memory: a records tree of 2,000 reports is ~100 KB and is
    // read on every commit and history step (libgit2 caches only trees under 4 KB by default).
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, size_t{1} << 20);
    // ... but not without end: libgit2 keeps the objects it parses up to 256 MB by default, so
    // the service grew by the new trees of every commit (~5 KB a follow-up; the soak's RSS rose
    // 12 % in 800 commits). The bound counts raw object bytes; parsed trees take about twice
    // that, and the cache fills with trees of past commits that are never read again (with 4 MB
    // the soak's RSS still rose 14-16 % after warm-up, and by 1 % with the cache off:
    // docs/reliability.md). What is read again and again — the root, recommendations/ and
    // corpus/ trees of HEAD, ~300 KB at 2,000 reports — fits in 1 MB.
    git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, ssize_t{1} << 20);
    // Pack files are read through mmap windows (1 GB each by default, 8 GB mapped at most), and
    // every page a read touches stays in the process's memory while mapped: reading every blob
    // of a repository (the record, the site) mapped the whole pack, and a long-running service
    // grew as it touched more of it. Small windows under a bound keep it flat; the kernel's page
    // cache still holds the pack, so mapping a window again is cheap.
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, size_t{8} << 20);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, size_t{32} << 20);
    // git itself trusts its object store on read and checks hashes in fsck; so do we.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    // Every tree entry, commit tree, parent and ref target sijill writes is an object it has
    // just written or read, so libgit2's check that each exists (one lookup, often a read, per
    // object: ~30 syscalls of a `sijill status`) proves nothing here; git does not check either.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
  });
}

int Check(int rc) {
  if (rc >= 0) return rc;
  const git_error* last = git_error_last();
  std::string message =
      last != nullptr && last->message != nullptr ? last->message : "libgit2 error";
  Error::Kind kind = Error::Kind::kIo;
  if (rc == GIT_ENOTFOUND) kind = Error::Kind::kNotFound;
  if (rc == GIT_EMODIFIED || rc == GIT_ELOCKED || rc == GIT_EEXISTS) kind = Error::Kind::kConflict;
  git_error_clear();
  throw Error(kind, message);
}

std::string Hex(const git_oid& id) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof buffer, &id);
  return buffer;
}

std::string ShortHex(const git_oid& id) { return Hex(id).substr(0, 7); }

}  // namespace sijill::store::git
