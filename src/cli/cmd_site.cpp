#include <ostream>

#include "cli/common.h"
#include "sijill/error.h"
#include "sijill/site/site.h"

namespace sijill::cli {

int RunSite(Context& context, const Args& args) {
  args.ExpectPositionals(0, 0, "");
  site::BuildOptions options;
  options.out = args.Value("out").value_or("_site");
  options.base_url = args.Value("base-url").value_or("");
  options.rev = args.Value("rev").value_or("HEAD");
  if (auto threads = args.Value("threads")) {
    try {
      options.threads = static_cast<unsigned>(std::stoul(*threads));
    } catch (const std::exception&) {
      throw Error(Error::Kind::kUsage, "--threads takes a number, not '" + *threads + "'");
    }
  }
  // The process ends when the command returns: freeing what the build read is wasted time.
  options.free_at_end = false;
  bool json = args.Flag("json");
  store::Repository repository = OpenRepository(context);
  // Progress on a terminal only: a piped or logged run stays quiet.
  if (context.err_is_terminal && !json) {
    options.progress = [&context](size_t done, size_t total) {
      context.err << "\rsite: " << done << "/" << total << " pages" << std::flush;
      if (done == total) context.err << "\r\033[K" << std::flush;
    };
  }
  site::BuildStats stats = site::Build(repository, options);
  if (!stats.cache_note.empty()) context.err << "site: " << stats.cache_note << "\n";
  if (json) {
    PrintJson(context, {{"out", options.out},
                        {"pages", stats.pages},
                        {"rendered", stats.rendered},
                        {"written", stats.written},
                        {"removed", stats.removed},
                        {"parsed", stats.parsed},
                        {"unchanged", stats.unchanged},
                        {"written_paths", stats.written_paths}});
    return 0;
  }
  context.out << "site: " << stats.pages << " files in " << options.out << " (" << stats.rendered
              << " rendered, " << stats.written << " written, " << stats.removed
              << " removed" << (stats.unchanged ? "; nothing changed since the last build" : "")
              << ")\n";
  return 0;
}

}  // namespace sijill::cli
