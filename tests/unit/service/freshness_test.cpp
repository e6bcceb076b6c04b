// Reads follow HEAD (issue 6 item 7): the service answers HEAD from the stat() of the ref files
// (store/head_cache_internal.h) and shares one snapshot between threads, yet a commit made
// outside the service is seen by the next request, a write through it right after, and readers
// racing a writer never see a record of one commit with the ETag of another.
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "api_fixture.h"
#include "sijill/store/repository.h"

namespace sijill::service::testing {

BOOST_AUTO_TEST_SUITE(service)
BOOST_AUTO_TEST_SUITE(freshness)

namespace {

const std::string kP1Path = "recommendations/ctoc-cop-wg.4-2013-5/p1.yaml";
const std::string kP1Api = std::string("/api/recommendations/") + kP1;
const std::string kP1Page = std::string("/recommendations/") + kP1 + "?lang=en";

// The ref files an hour old, as on a server where the last commit was a while ago: the next
// stamp of them is trusted, so the following requests take the path that asks git nothing.
void AgeRefFiles(ApiFixture& fixture) {
  namespace fs = std::filesystem;
  auto hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const char* file : {"/.git/HEAD", "/.git/refs/heads/main", "/.git/packed-refs"}) {
    std::error_code absent;
    fs::last_write_time(fixture.repo().root() + file, hour_ago, absent);
  }
}

std::string BlobAtHead(ApiFixture& fixture) {
  std::string blob = fixture.Git("rev-parse HEAD:" + kP1Path);
  blob.pop_back();
  return "\"" + blob + "\"";
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string P1WithStatus(const std::string& status) {
  std::string text = sijill::testing::ParseFiles(kApiFiles).at(kP1Path);
  text.replace(text.find("status: open"), 12, "status: " + status);
  return text;
}

// Requests until the snapshot is loaded and the stamp of the (aged) ref files trusted.
void Warm(ApiFixture& fixture) {
  AgeRefFiles(fixture);
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(fixture.Get(kP1Api).status == 200);
    BOOST_TEST(fixture.Get(kP1Page).status == 200);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(ACommitMadeOutsideTheServiceIsSeenByTheNextRequest) {
  ApiFixture fixture;
  std::string etag = fixture.Get(kP1Api).Header("ETag");
  BOOST_TEST(etag == BlobAtHead(fixture));
  Warm(fixture);
  BOOST_TEST(Has(fixture.Get(kP1Page).body, "status status-open"));

  // `git commit` at a shell.
  fixture.repo().Write(kP1Path, P1WithStatus("implemented"));
  fixture.Git("commit -q -a -m 'implemented, by hand'");
  Response api = fixture.Get(kP1Api);
  BOOST_TEST(api.Header("ETag") != etag);
  BOOST_TEST(api.Header("ETag") == BlobAtHead(fixture));
  BOOST_TEST(nlohmann::json::parse(api.body)["status"] == "implemented");
  std::string page = fixture.Get(kP1Page).body;
  BOOST_TEST(Has(page, "status status-implemented"));
  BOOST_TEST(Has(page, "sijill tests"));

  // `sijill status` from a shell: its own Repository over the same directory.
  Warm(fixture);
  store::Repository shell = store::Repository::Open(fixture.repo().root());
  shell.Commit({"", {{kP1Path, P1WithStatus("closed")}}}, sijill::testing::TestAuthor(),
               "status: closed");
  api = fixture.Get(kP1Api);
  BOOST_TEST(api.Header("ETag") == BlobAtHead(fixture));
  BOOST_TEST(nlohmann::json::parse(api.body)["status"] == "closed");
  BOOST_TEST(Has(fixture.Get(kP1Page).body, "status status-closed"));
}

BOOST_AUTO_TEST_CASE(AWriteThroughTheServiceIsSeenRightAfter) {
  ApiFixture fixture;
  Warm(fixture);
  std::string etag = fixture.Get(kP1Api).Header("ETag");
  Call post{.method = "POST",
            .target = kP1Api + "/followup",
            .body = R"({"status": "in-progress", "note": "a law was drafted"})",
            .token = fixture.secretariat_token};
  post.headers["if-match"] = etag;
  Response written = fixture.Send(post);
  BOOST_TEST(written.status == 201);
  Response api = fixture.Get(kP1Api);
  BOOST_TEST(api.Header("ETag") == written.Header("ETag"));
  BOOST_TEST(api.Header("ETag") == BlobAtHead(fixture));
  BOOST_TEST(nlohmann::json::parse(api.body)["status"] == "in-progress");
  std::string page = fixture.Get(kP1Page).body;
  BOOST_TEST(Has(page, "a law was drafted"));
  BOOST_TEST(Has(page, "status status-in-progress"));
}

BOOST_AUTO_TEST_CASE(ReadersDuringWritesNeverSeeAHalfUpdatedRecord) {
  ApiFixture fixture;
  Warm(fixture);
  constexpr int kWrites = 8;
  constexpr int kReaders = 4;

  // What each commit holds: its ETag and the number of follow-ups, written down by the writer.
  std::mutex mutex;
  std::map<std::string, std::pair<std::string, size_t>> written;  // commit → (etag, follow-ups)
  {
    nlohmann::json first = nlohmann::json::parse(fixture.Get(kP1Api).body);
    written[first["commit"]] = {first["etag"], first["followup"].size()};
  }
  struct Seen {
    std::string commit, etag, header;
    size_t followups;
  };
  std::vector<std::vector<Seen>> seen(kReaders);
  std::atomic<bool> done{false};
  std::atomic<int> bad_status{0};

  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      while (!done) {
        Response api = fixture.Get(kP1Api);
        if (api.status != 200) ++bad_status;
        nlohmann::json body = nlohmann::json::parse(api.body);
        seen[r].push_back(
            {body["commit"], body["etag"], api.Header("ETag"), body["followup"].size()});
        if (fixture.Get(kP1Page).status != 200) ++bad_status;
      }
    });
  }
  for (int i = 0; i < kWrites; ++i) {
    std::string etag = fixture.Get(kP1Api).Header("ETag");
    Call post{.method = "POST",
              .target = kP1Api + "/followup",
              .body = R"({"status": "in-progress", "note": "step )" + std::to_string(i) + "\"}",
              .token = fixture.secretariat_token};
    post.headers["if-match"] = etag;
    Response answer = fixture.Send(post);
    BOOST_REQUIRE(answer.status == 201);
    nlohmann::json body = nlohmann::json::parse(answer.body);
    std::lock_guard lock(mutex);
    written[body["commit"]] = {body["etag"], body["followup"].size()};
  }
  done = true;
  for (std::thread& reader : readers) reader.join();

  BOOST_TEST(bad_status == 0);
  BOOST_TEST(written.size() == static_cast<size_t>(kWrites + 1));
  size_t checked = 0;
  for (const std::vector<Seen>& one_reader : seen) {
    size_t last = 0;
    for (const Seen& read : one_reader) {
      auto known = written.find(read.commit);
      BOOST_REQUIRE(known != written.end());
      BOOST_TEST(read.etag == known->second.first);
      BOOST_TEST(read.header == "\"" + read.etag + "\"");
      BOOST_TEST(read.followups == known->second.second);
      BOOST_TEST(read.followups >= last);  // one reader never goes back in time
      last = read.followups;
      ++checked;
    }
  }
  BOOST_TEST(checked > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::service::testing
