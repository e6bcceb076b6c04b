#include <unistd.h>

#include <iostream>
#include <ostream>

#include "cli/command.h"
#include "sijill/error.h"

namespace sijill::cli {

namespace {
const OptionSpec kJson{"json", nullptr, "print one JSON document on stdout and nothing else"};
const OptionSpec kHelp{"help", nullptr, "show this help"};
}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      // In the order of the work: create, bring reports in, validate, search, follow up.
      {"init", "DIR [--sample] [--author \"Name <mail>\"]", "create a new records repository",
       {{"sample", nullptr, "fill it with the bundled sample corpus"},
        {"author", "\"Name <mail>\"", "author of the first commit"}}},
      {"import", "FILE... [--out DIR] [--meta FILE.yaml] [--json]",
       "UN text extraction -> Markdown report(s) with front matter",
       {{"out", "DIR", "where to write <slug>.md (default: corpus)"},
        {"meta", "FILE.yaml", "front-matter values that override the cover (symbol, date, slug, ...)"},
        kJson}},
      {"extract", "[--author \"Name <mail>\"] [--json]",
       "reports -> recommendation records, committed in one commit (idempotent)",
       {{"author", "\"NAME <MAIL>\"", "commit author (default: git config user.name/email)"},
        kJson}},
      {"check", "[--json]",
       "validate the repository at HEAD; list every problem as path:line:column: message",
       {kJson}},
      {"index", "[--db PATH] [--rebuild] [--json]", "build or catch up the search index",
       {{"rebuild", nullptr, "build the index again from scratch"}, kJson}},
      {"search", "QUERY [--json] [--limit N] [--filter key=value]... [--similar ID]",
       "search reports, paragraphs, recommendations and briefs",
       {kJson,
        {"limit", "N", "at most N results (default 10)"},
        {"filter", "KEY=VALUE",
         "only results with that type, symbol, addressee, topic, status, year, language or kind",
         true},
        {"similar", "ID", "more like this: documents similar to the one with that id"}}},
      {"show", "ID [--json] [--at REF|DATE]", "show one record with its follow-up",
       {kJson, {"at", "REF|DATE", "the record as it stood at a ref or date"}}},
      {"status",
       "ID STATUS [--note T] [--evidence SYMBOL#pN|URL]... [--author \"Name <mail>\"] [--date D]",
       "record a follow-up: append an entry, set the status, commit once",
       {{"note", "T", "what was done"},
        {"evidence", "SYMBOL#pN|URL", "a paragraph or page that shows it (repeatable)", true},
        {"author", "\"Name <mail>\"", "commit author (default: git config user.name/email)"},
        {"date", "YYYY-MM-DD", "date of the follow-up entry (default: today, UTC)"},
        kJson}},
      {"history", "ID [--json]", "every change to one record, from git", {kJson}},
      {"summary", "[--json]", "count the recommendations by status, source, addressee, topic",
       {kJson}},
      {"record",
       "[--format md|html|docx|csv] [--as-of DATE|REF] [--since DATE|REF] [--out FILE] "
       "[--no-lineage]",
       "the consolidated record of every recommendation, as the repository stood at one commit",
       {{"format", "md|html|docx|csv", "output format (default md)"},
        {"as-of", "DATE|REF", "the repository as it stood then (default HEAD)"},
        {"since", "DATE|REF", "add the table of what changed since then"},
        {"out", "FILE", "write FILE (atomically) instead of standard output"},
        {"no-lineage", nullptr,
         "leave out which earlier recommendations each one repeats (shown for HEAD only)"}}},
      {"suggest", "ID|--all [--json] [--limit N]",
       "candidate follow-up evidence: paragraphs of later documents, for a person to confirm",
       {{"all", nullptr, "suggestions for every recommendation"},
        {"limit", "N", "at most N suggestions per recommendation (default 5)"},
        kJson}},
      {"site", "[--out DIR] [--base-url URL] [--rev REF] [--json]",
       "build the static site (incremental: unchanged pages are not written again)",
       {{"out", "DIR", "output directory (default: _site)"},
        {"base-url", "URL", "absolute URL of the site, for feeds and sitemap"},
        {"rev", "REF|DATE", "build the site of a ref or date (default: HEAD)"},
        {"threads", "N", "render on N threads (default: all cores)"},
        kJson}},
      {"serve", "[--bind 127.0.0.1] [--port 8080] [--users FILE] [--no-anonymous-read]",
       "the HTTP service: JSON API and web UI; writes become commits",
       {{"bind", "ADDRESS", "address to listen on (default 127.0.0.1)"},
        {"port", "N", "port to listen on (default 8080; 0 = any free port)"},
        {"users", "FILE", "the users file (default: <repo>/.sijill/users.yaml)"},
        {"no-anonymous-read", nullptr, "every page needs a login (default: anyone may read)"},
        {"threads", "N", "connections served at once (default 128)"},
        {"access-log", "FILE", "one JSON line per request (default: standard output; none)"}}},
      {"user", "add NAME --role ROLE [--email E] | passwd NAME | remove NAME | list [--json]",
       "manage the service's users (password on standard input)",
       {{"role", "ROLE", "reader, secretariat, icat or admin"},
        {"email", "E", "the user's email, for the commits they make"},
        {"users", "FILE", "the users file (default: <repo>/.sijill/users.yaml)"},
        kJson}},
      {"token", "NAME [--users FILE]", "print a new bearer API token for that user",
       {{"users", "FILE", "the users file (default: <repo>/.sijill/users.yaml)"}}},
  };
  return kCommands;
}

namespace {

const Command* FindCommand(const std::string& name) {
  for (const Command& command : Commands())
    if (name == command.name) return &command;
  return nullptr;
}

RunFunction FindRunner(std::span<const Runner> runners, std::string_view name) {
  for (const Runner& runner : runners)
    if (name == runner.name) return runner.run;
  return nullptr;
}

void PrintOverview(std::ostream& out) {
  out << "usage: sijill [--repo DIR] [--db PATH] COMMAND [ARGS]\n\n"
         "sijill keeps the consolidated record of recommendations in a git repository.\n\n"
         "commands:\n";
  for (const Command& command : Commands()) {
    std::string name = command.name;
    out << "  " << name << std::string(name.size() < 10 ? 10 - name.size() : 1, ' ')
        << command.summary << "\n";
  }
  out << "\nglobal options:\n"
         "  --repo DIR   the records repository (default: the current directory)\n"
         "  --db PATH    the search index (default: inside the repository's .sijill/)\n"
         "\n'sijill COMMAND --help' describes one command. Exit codes: 0 success, 1 error in the\n"
         "data or the request, 2 bad usage.\n";
}

void PrintCommandHelp(const Command& command, std::ostream& out) {
  out << "usage: sijill " << command.name << " " << command.synopsis << "\n\n"
      << command.summary << "\n";
  if (command.options.empty()) return;
  out << "\noptions:\n";
  for (const OptionSpec& option : command.options) {
    std::string left = std::string("--") + option.name;
    if (option.value) left += std::string(" ") + option.value;
    out << "  " << left << std::string(left.size() < 24 ? 24 - left.size() : 1, ' ') << option.help
        << "\n";
  }
}

// Splits the global options off; they may come before or after the command name.
std::vector<std::string> TakeGlobalOptions(const std::vector<std::string>& argv,
                                           Context& context) {
  std::vector<std::string> rest;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    std::string* target = arg == "--repo" ? &context.repo : arg == "--db" ? &context.db : nullptr;
    if (target) {
      if (i + 1 >= argv.size()) throw Error(Error::Kind::kUsage, arg + " needs a value");
      *target = argv[++i];
    } else if (arg.rfind("--repo=", 0) == 0) {
      context.repo = arg.substr(7);
    } else if (arg.rfind("--db=", 0) == 0) {
      context.db = arg.substr(5);
    } else {
      rest.push_back(arg);
    }
  }
  return rest;
}

}  // namespace

int RunMain(const std::vector<std::string>& argv, Context& context,
            std::span<const Runner> runners, HandOver hand_over) {
  try {
    std::vector<std::string> rest = TakeGlobalOptions(argv, context);
    if (rest.empty()) {
      PrintOverview(context.err);
      return 2;
    }
    if (rest[0] == "--help" || rest[0] == "-h" || rest[0] == "help") {
      PrintOverview(context.out);
      return 0;
    }
    if (rest[0] == "--version") {
      context.out << "sijill " << SIJILL_VERSION << "\n";
      return 0;
    }
    const Command* command = FindCommand(rest[0]);
    if (!command) throw Error(Error::Kind::kUsage, "unknown command '" + rest[0] + "'");
    std::vector<std::string> args(rest.begin() + 1, rest.end());
    for (const std::string& arg : args) {
      if (arg == "--help" || arg == "-h") {
        PrintCommandHelp(*command, context.out);
        return 0;
      }
    }
    RunFunction run = FindRunner(runners, command->name);
    if (!run) {
      if (!hand_over) throw Error(Error::Kind::kIo, std::string("no runner for ") + command->name);
      return hand_over(command->name, argv);
    }
    std::vector<OptionSpec> specs = command->options;
    specs.push_back(kHelp);
    Args parsed(args, specs);
    return run(context, parsed);
  } catch (const Error& error) {
    context.err << "sijill: " << error.what() << "\n";
    if (error.kind() == Error::Kind::kUsage) context.err << "(see 'sijill --help')\n";
    return ExitCodeFor(error.kind());
  } catch (const std::exception& error) {
    context.err << "sijill: internal error: " << error.what() << "\n";
    return 1;
  }
}

int RunProcess(int argc, char** argv, std::span<const Runner> runners, HandOver hand_over) {
  std::ios::sync_with_stdio(false);
  Context context(std::cout, std::cerr, std::cin);
  context.out_is_terminal = isatty(STDOUT_FILENO) != 0;
  context.err_is_terminal = isatty(STDERR_FILENO) != 0;
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = RunMain(args, context, runners, hand_over);
  std::cout.flush();
  return code;
}

}  // namespace sijill::cli
