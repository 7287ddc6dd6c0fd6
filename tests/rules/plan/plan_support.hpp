#pragma once
// Shared by the planner's tests: ISO days, day arithmetic and a seeded random source for the
// random instances (deterministic: the same seed gives the same instance on every machine).
#include "gge/core/parse.hpp"

#include <random>

namespace gge::test {

inline Date day(const char* iso) { return parse_date(iso, "test"); }
inline Date add(Date d, long n) { return d + date::days{n}; }

struct Rng {
  std::mt19937 gen;
  explicit Rng(unsigned seed) : gen(seed) {}
  /// Uniform enough in [0, n), n >= 1.
  int below(int n) { return static_cast<int>(gen() % static_cast<unsigned>(n)); }
  bool chance(int percent) { return below(100) < percent; }
};

}  // namespace gge::test
