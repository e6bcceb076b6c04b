// sijill serve [--bind 127.0.0.1] [--port 8080] [--users FILE] [--no-anonymous-read]
//              [--threads N] [--access-log FILE]
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/common.h"
#include "sijill/error.h"
#include "sijill/service/app.h"
#include "sijill/service/server.h"

namespace sijill::cli {

namespace {

// SIJILL_TEST_PAUSE_WRITES=FILE: each write creates FILE and waits until it is removed, so a
// test can send SIGTERM while a write is provably in progress.
std::function<void()> TestPauseHook() {
  const char* path = std::getenv("SIJILL_TEST_PAUSE_WRITES");
  if (!path || !*path) return {};
  std::string file = path;
  return [file] {
    std::ofstream(file) << "paused\n";
    while (std::filesystem::exists(file))
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  };
}

uint16_t ParsePort(const std::string& text) {
  size_t port = ParseCount("--port", text);
  if (port > 65535) throw Error(Error::Kind::kUsage, "--port must be at most 65535");
  return static_cast<uint16_t>(port);
}

}  // namespace

int RunServe(Context& context, const Args& args) {
  args.ExpectPositionals(0, 0, "nothing");
  // glibc gives each thread that allocates its own heap, up to 8 per core: the pool's threads
  // kept ~30 MB of freed, fragmented memory between them (the soak: 69 MB with the default,
  // 38 MB with two arenas, at the same throughput). One per core is enough for our threads,
  // which spend their time in Xapian, git and the kernel rather than in malloc.
  mallopt(M_ARENA_MAX, static_cast<int>(std::max(2u, std::thread::hardware_concurrency())));
  service::ServerOptions server_options;
  server_options.bind = args.Value("bind").value_or("127.0.0.1");
  if (auto port = args.Value("port")) server_options.port = ParsePort(*port);
  if (auto threads = args.Value("threads"))
    server_options.threads = static_cast<int>(ParseCount("--threads", *threads));

  std::ofstream log_file;
  std::string log = args.Value("access-log").value_or("-");
  if (log == "-") {
    server_options.access_log = &context.out;
  } else if (log != "none") {
    log_file.open(log, std::ios::app);
    if (!log_file) throw Error(Error::Kind::kIo, log + ": cannot open the access log");
    server_options.access_log = &log_file;
  }

  // Signals are taken by sigwait below, so every thread started from here on blocks them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  service::AppOptions app_options;
  app_options.repo_root = context.repo;
  app_options.db_path = context.db;
  app_options.users_path = args.Value("users").value_or("");
  app_options.anonymous_read = !args.Flag("no-anonymous-read");
  app_options.before_write = TestPauseHook();
  service::App app(app_options);
  service::Server server(app, server_options);
  server.Start();
  context.err << "sijill: serving " << std::filesystem::absolute(context.repo).lexically_normal().string()
              << " on http://" << server_options.bind << ":" << server.port() << "/ (users: "
              << app.auth().users_path() << ")" << std::endl;

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  context.err << "sijill: " << (signal_number == SIGTERM ? "SIGTERM" : "SIGINT")
              << ": finishing requests in progress" << std::endl;
  bool drained = server.Stop();
  context.err << "sijill: stopped" << (drained ? "" : " (requests still running were cut off)")
              << std::endl;
  return drained ? 0 : 1;
}

}  // namespace sijill::cli
