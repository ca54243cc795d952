#include "nnsim/io/text_file.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <memory>

namespace nnsim {

std::string read_text_file(const std::string& path) {
  if (path == "-") {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    if (std::cin.bad()) throw input_error("cannot read standard input");
    return text;
  }
  errno = 0;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw input_error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  std::string text;
  std::array<char, 65536> buffer;
  while (true) {
    const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
    text.append(buffer.data(), got);
    if (got < buffer.size()) break;
  }
  // fopen succeeds on a directory; reading it fails with EISDIR.
  if (std::ferror(file.get())) throw input_error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  return text;
}

}  // namespace nnsim
