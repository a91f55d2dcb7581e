// io/output: -o FILE writes a regular file whole or not at all, follows a link, and writes a
// device or FIFO in place instead of renaming a file over it.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "helpers.hpp"
#include "io/output.hpp"

using namespace kunde;

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("output: a regular file appears only when finished") {
  test::TempDir dir;
  auto path = dir.write("report.csv", "old\n");
  {
    auto out = io::file_output(path);
    out->stream() << "new\n";
  }  // not finished: the old file stays
  CHECK(read_all(path) == "old\n");
  auto out = io::file_output(path);
  out->stream() << "new\n";
  out->finish();
  CHECK(read_all(path) == "new\n");
}

TEST_CASE("output: a link is followed and stays a link") {
  test::TempDir dir;
  auto target = dir.write("real.csv", "old\n");
  auto link = dir.file("link.csv");
  std::filesystem::create_symlink(target, link);
  auto out = io::file_output(link);
  out->stream() << "new\n";
  out->finish();
  CHECK(std::filesystem::is_symlink(link));
  CHECK(read_all(target) == "new\n");
}

TEST_CASE("output: a FIFO (like /dev/null, not a regular file) is written in place, not replaced") {
  test::TempDir dir;
  auto fifo = dir.file("pipe");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // A reader first, so opening for writing does not wait.
  int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  auto out = io::file_output(fifo);
  out->stream() << "through\n";
  out->finish();
  char buf[32] = {};
  CHECK(::read(reader, buf, sizeof buf) == 8);
  CHECK(std::string(buf) == "through\n");
  ::close(reader);
  struct stat st {};
  REQUIRE(::stat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  // /dev/null itself is written in place too.
  auto null = io::file_output("/dev/null");
  null->stream() << "nothing\n";
  null->finish();
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}
