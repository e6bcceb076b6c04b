// sijill::ReplaceFile and ReadWholeFile: how the store, the records and the site read and
// replace a file whole.
#include "sijill/whole_file.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sijill/error.h"
#include "support/test_repo.h"

namespace sijill {

namespace fs = std::filesystem;

namespace {

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

size_t FilesIn(const fs::path& dir) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)
BOOST_AUTO_TEST_SUITE(whole_file)

BOOST_AUTO_TEST_CASE(TheNewContentReplacesTheOldAndNoTemporaryIsLeft) {
  testing::TestRepo holder;
  fs::path dir = fs::path(holder.root()) / "out";
  fs::create_directories(dir);
  std::string path = (dir / "page.html").string();
  ReplaceFile(path, "old");
  ReplaceFile(path, std::string(100000, 'n'));
  BOOST_TEST(Slurp(path) == std::string(100000, 'n'));
  ReplaceFile(path, "");
  BOOST_TEST(Slurp(path).empty());
  BOOST_TEST(FilesIn(dir) == 1u);
}

BOOST_AUTO_TEST_CASE(AFailureNamesTheFileAndKeepsWhatWasThere) {
  testing::TestRepo holder;
  fs::path dir = fs::path(holder.root()) / "out";
  fs::create_directories(dir / "taken" / "inside");
  // A directory where the file should go: the rename fails, the directory stays as it was.
  try {
    ReplaceFile((dir / "taken").string(), "bytes");
    BOOST_FAIL("replaced a directory");
  } catch (const Error& error) {
    BOOST_TEST(error.kind() == Error::Kind::kIo);
    BOOST_TEST(std::string(error.what()).find((dir / "taken").string()) != std::string::npos,
               error.what());
  }
  BOOST_TEST(fs::is_directory(dir / "taken" / "inside"));
  BOOST_TEST(FilesIn(dir) == 1u);  // no temporary left beside it
  // No such directory: the temporary cannot be made.
  BOOST_CHECK_THROW(ReplaceFile((dir / "missing" / "page.html").string(), "x"), Error);
}

BOOST_AUTO_TEST_CASE(ReadWholeFileGivesTheBytesOrNothing) {
  testing::TestRepo holder;
  std::string path = holder.root() + "/bytes.bin";
  std::string bytes(70000, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
  ReplaceFile(path, bytes);
  BOOST_TEST((ReadWholeFile(path) == bytes));
  BOOST_TEST(!ReadWholeFile(holder.root() + "/missing").has_value());
  BOOST_TEST(!ReadWholeFile(holder.root()).has_value());  // a directory
}

BOOST_AUTO_TEST_CASE(ANewFileIsCreatedOnlyWhereNothingIs) {
  testing::TestRepo holder;
  fs::path dir = fs::path(holder.root()) / "out";
  fs::create_directories(dir / "taken");
  std::string path = (dir / "page.html").string();
  BOOST_TEST(CreateNewFile(path, std::string(100000, 'n')));
  BOOST_TEST(Slurp(path) == std::string(100000, 'n'));
  // Something there already (a file, a directory): nothing written, false.
  BOOST_TEST(!CreateNewFile(path, "other"));
  BOOST_TEST(Slurp(path) == std::string(100000, 'n'));
  BOOST_TEST(!CreateNewFile((dir / "taken").string(), "bytes"));
  BOOST_TEST(fs::is_directory(dir / "taken"));
  BOOST_TEST(CreateNewFile((dir / "empty.html").string(), ""));
  BOOST_TEST(Slurp(dir / "empty.html").empty());
  BOOST_TEST(FilesIn(dir) == 3u);  // no temporary
}

BOOST_AUTO_TEST_CASE(ANewFileInAMissingDirectoryFailsNamingIt) {
  testing::TestRepo holder;
  fs::path path = fs::path(holder.root()) / "missing" / "page.html";
  try {
    CreateNewFile(path.string(), "bytes");
    BOOST_FAIL("wrote into a missing directory");
  } catch (const Error& error) {
    BOOST_TEST(error.kind() == Error::Kind::kIo);
    BOOST_TEST(std::string(error.what()).find(path.string()) != std::string::npos, error.what());
  }
  BOOST_TEST(!fs::exists(path.parent_path()));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill
