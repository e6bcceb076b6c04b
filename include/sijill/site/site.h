// The static site (issue 7): `sijill site [--out DIR] [--base-url URL]`.
//
// Reads one commit through records::LoadSnapshot and writes plain files any web server or CDN
// can host: a home page, one page per report (paragraph anchors id="p<N>", DESIGN.md ⚑), per
// recommendation (status and follow-up history), per published brief, the consolidated record,
// list pages by topic, addressee, status and year, Atom feeds, sitemap.xml, 404.html and an
// offline search index (search/, see search_index.h). Pages come from Mustache templates:
// the project's theme (site/theme/) unless the repository has its own site/theme/<name>.mustache.
//
// Incremental: OUT/.sijill-site-manifest keeps, for every page, a key of everything the page was
// made from (blob ids, theme, options) and a hash of what was written. A page whose key did not
// change is neither rendered nor written; a page rendered again is written only if its bytes
// changed. So a second build with no change writes no file, and one follow-up rewrites only
// the pages that show that record. OUT/.sijill-site-cache/ keeps what the build parsed from each
// file (by path and blob id), so a rebuild parses only the files changed since
// (src/site/snapshot_cache_internal.h); a cache that cannot be used means a full read, never
// different output.
// Thread-safety: Build renders on `threads` threads (store::Repository allows concurrent reads).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sijill/store/repository.h"

namespace sijill::site {

struct BuildOptions {
  std::string out = "_site";
  std::string base_url;     // absolute URL of the site root for feeds and sitemap ("" = relative)
  std::string rev = "HEAD";
  std::string theme_dir;    // the default theme; "" = DefaultThemeDir()
  unsigned threads = 0;     // 0 = hardware concurrency
  // Called now and then with (pages done, pages total); may be empty.
  std::function<void(size_t, size_t)> progress;
  // false: what the build read (the snapshot, the pages' list, the manifest) is left allocated
  // when Build returns, for a process that exits right after (the command): freeing ~100,000
  // records one by one was ~0.3 s of a 20,000-report rebuild. It stays reachable, so leak
  // checkers do not count it; a library caller keeps the default.
  bool free_at_end = true;
};

struct BuildStats {
  size_t pages = 0;      // every file the site consists of
  size_t rendered = 0;   // pages whose inputs changed (or were new) and were rendered
  size_t written = 0;    // files actually written (content differed or file was missing)
  size_t removed = 0;    // files of an earlier build that are no longer part of the site
  std::vector<std::string> written_paths;  // relative to out, sorted
  size_t parsed = 0;       // repository files parsed (the others came from the build cache)
  // Set when the build cache of `out` could not be used (damaged, of another version or
  // repository) and every file was read again, or could not be written: for the user to see.
  std::string cache_note;
  // The build stopped early: the commit, theme, --base-url, output directory and manifest were
  // those of the last complete build and every page was there (src/site/build_stamp_internal.h).
  bool unchanged = false;
};

// The project's own theme: $SIJILL_THEME_DIR, else <source dir>/site/theme.
std::string DefaultThemeDir();

// Builds the site. Throws Error kNotFound for an unknown rev, kIo when out cannot be written.
BuildStats Build(store::Repository& repository, const BuildOptions& options);

}  // namespace sijill::site
