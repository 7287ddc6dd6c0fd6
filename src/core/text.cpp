#include "gge/core/text.hpp"

#include <fmt/format.h>

namespace gge {

std::string counted(long long n, std::string_view one, std::string_view many) {
  if (n == 1) return fmt::format("1 {}", one);
  if (many.empty()) return fmt::format("{} {}s", n, one);
  return fmt::format("{} {}", n, many);
}

}  // namespace gge
