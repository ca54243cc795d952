// What every fuzz target of this folder shares: the input as text, the one
// way a target reports a broken property (a message, then abort(), which
// libFuzzer records as a crash with the input that caused it), and the check
// that an error the library reports can be printed.
#pragma once

#include "nnsim/support/error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace nnsim::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Stops the run: `what` is a property the input broke.
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "property broken: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

inline void require(bool holds, const std::string& what) {
  if (!holds) fail(what);
}

// The front end prints every input_error through diagnostic(): building it
// must work for any message and place the parsers produce.
inline void check_diagnostic(const input_error& error) {
  const std::string text = error.diagnostic();
  require(!text.empty(), "an input_error with an empty diagnostic");
}

}  // namespace nnsim::fuzz
