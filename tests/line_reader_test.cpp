// line_reader: lines as every loader splits them (LF, CRLF, lone CR, a byte
// order mark), handed out as soon as they arrive, and read errors.
#include "nnsim/io/line_reader.hpp"
#include "nnsim/support/error.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace nnsim;

namespace {

// A folder of this process alone (CTest runs the test cases in parallel),
// removed when the process ends.
struct scratch_folder {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("nnsim_line_reader_test." + std::to_string(::getpid()));
  scratch_folder() { std::filesystem::create_directories(path); }
  ~scratch_folder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

std::filesystem::path scratch_file(const std::string& name, const std::string& text) {
  static const scratch_folder folder;
  const auto path = folder.path / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::vector<std::string> lines_of(const std::string& text) {
  line_reader reader(scratch_file("lines.txt", text).string());
  std::vector<std::string> lines;
  std::string line;
  while (reader.next(line)) {
    lines.push_back(line);
    CHECK(reader.line_number() == lines.size());
  }
  return lines;
}

}  // namespace

TEST_CASE("a line reader splits lines as split_lines does", "[line_reader]") {
  for (const std::string& text : std::vector<std::string>{"", "\n", "a", "a\n", "a\r\nb\rc\nd", "a\r\r\nb\n\n", "\r",
                                                          "x\r\n\r\n", std::string("a\0b\nc", 5)}) {
    CAPTURE(text);
    std::vector<std::string> expected = split_lines(text);
    if (!expected.empty() && expected.back().empty()) expected.pop_back();  // no line after the last line end
    CHECK(lines_of(text) == expected);
  }
}

TEST_CASE("a line reader skips a byte order mark and counts it", "[line_reader]") {
  line_reader reader(scratch_file("bom.txt", "\xEF\xBB\xBFx1,x2\n1,0\n").string());
  std::string line;
  REQUIRE(reader.next(line));
  CHECK(line == "x1,x2");
  CHECK(reader.bom_length() == 3);
  REQUIRE(reader.next(line));
  CHECK(line == "1,0");
  CHECK_FALSE(reader.next(line));
  CHECK(lines_of("\xEF\xBB\xBF").empty());
  CHECK(lines_of("\xEF\xBB").size() == 1);
}

TEST_CASE("a CRLF split between two reads is one line end", "[line_reader]") {
  // The reader asks for 65536 bytes at a time.
  const std::string first(65535, 'a');
  CHECK(lines_of(first + "\r\nb\r\n") == std::vector<std::string>{first, "b"});
  CHECK(lines_of(first + "\r\rb") == std::vector<std::string>{first, "", "b"});
  const std::string longer(200000, 'z');
  CHECK(lines_of("1\n" + longer + "\n2") == std::vector<std::string>{"1", longer, "2"});
}

TEST_CASE("a line reader hands out a line before the writer goes on", "[line_reader]") {
  // The writer keeps the pipe open until the reader has its line (or gives
  // up after a minute, which the test then reports): a reader that waited
  // for a full buffer or for the end would not get it.
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::mutex mutex;
  std::condition_variable changed;
  bool got_line = false;
  bool gave_up = false;
  bool written = false;
  // Catch2's assertions are for the test's own thread.
  std::thread writer([&] {
    written = ::write(fds[1], "1,0\n", 4) == 4;
    std::unique_lock lock(mutex);
    gave_up = !changed.wait_for(lock, std::chrono::minutes(1), [&] { return got_line; });
    lock.unlock();
    written = written && ::write(fds[1], "2", 1) == 1;
    ::close(fds[1]);
  });
  {
    line_reader reader("/dev/fd/" + std::to_string(fds[0]));
    std::string line;
    REQUIRE(reader.next(line));
    {
      std::lock_guard lock(mutex);
      got_line = true;
    }
    changed.notify_one();
    CHECK(line == "1,0");
    REQUIRE(reader.next(line));
    CHECK(line == "2");
    CHECK_FALSE(reader.next(line));
  }
  writer.join();
  ::close(fds[0]);
  CHECK(written);
  CHECK_FALSE(gave_up);
}

TEST_CASE("a line reader reports what it cannot read", "[line_reader]") {
  CHECK_THROWS_WITH(line_reader("/no/such/file.csv"), "cannot read '/no/such/file.csv': No such file or directory");
  const auto dir = scratch_file("x", "").parent_path().string();
  line_reader folder(dir);
  std::string line;
  CHECK_THROWS_WITH(folder.next(line), "cannot read '" + dir + "': Is a directory");
  CHECK(line_reader("-").source_name() == "<stdin>");
  CHECK(folder.source_name() == dir);
}
