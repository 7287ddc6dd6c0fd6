#pragma once
/// Recorded facts about General Assembly sessions that win over the rules (rule 1 of the GA rules of procedure).
#include "gge/core/time.hpp"

#include <string>

namespace gge {

/// The actual opening day of GA regular session `session`, as recorded by a planner (e.g. a
/// postponed opening). Key: `session`. A record always wins over the Rule 1 computation.
struct GaOpening {
  int session = 0;     ///< GA regular session number, >= 1
  Date opening{};      ///< the day the session opened (or will open)
  std::string source;  ///< where the date comes from, e.g. "A/INF/60/1"; may be empty
  friend bool operator==(const GaOpening&, const GaOpening&) = default;
};

}  // namespace gge
