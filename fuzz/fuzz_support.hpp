#pragma once
// What every fuzz target asserts about a refusal: an InputError whose message, as the CLI prints
// it, is exactly one line of printable text. Any other exception escapes the target and is a
// finding (libFuzzer reports it as a crash).
#include "gge/core/error.hpp"
#include "gge/core/text.hpp"

#include <cstdlib>
#include <string>

namespace gge::fuzz {

inline void check_refusal(const InputError& e) {
  const std::string line = printable(e.what());
  for (const char c : line)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) std::abort();
  if (printable(line) != line) std::abort();  // escaping twice changes nothing
}

}  // namespace gge::fuzz
