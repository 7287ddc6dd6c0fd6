#pragma once
// Shared by the planner's tests: ISO days, day arithmetic and a seeded random source for the
// random instances (deterministic: the same seed gives the same instance on every machine).
#include "gge/core/parse.hpp"
#include "gge/rules/check/check.hpp"
#include "gge/rules/plan/plan.hpp"

#include <random>
#include <string>
#include <vector>

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

/// The closures of `p`'s stations as the checker's lookup (`p` must outlive it).
inline ClosureLookup closure_lookup(const PlanProblem& p) {
  return [&p](const std::string& station, Date d) -> std::optional<std::string> {
    for (const auto& st : p.stations)
      if (st.code == station)
        for (std::size_t k = 0; k < st.closures.size(); ++k)
          if (st.closures[k] == d) return st.closure_names[k];
    return std::nullopt;
  };
}

/// One "code: reason" line per finding, for a failing test's INFO (the planner-facing text is
/// report/check_text).
inline std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += f.code + ": " + f.reason + "\n";
  return out;
}

}  // namespace gge::test
