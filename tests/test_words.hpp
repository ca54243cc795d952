// The binary words the tests run networks on.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

// Every word over {0, 1} of length 0 ... `length`, in shortlex order.
inline std::vector<std::string> words_up_to(std::size_t length) {
  std::vector<std::string> words{""};
  for (std::size_t i = 0; i < words.size() && words[i].size() < length; ++i) {
    words.push_back(words[i] + "0");
    words.push_back(words[i] + "1");
  }
  return words;
}
