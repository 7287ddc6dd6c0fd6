// A plan as a planner reads it: rank, score by preference, one line per session.
#include "gge/report/plan_text.hpp"

#include <fmt/format.h>

namespace gge {

std::string to_text(const Plan& plan, int rank) {
  const auto& b = plan.score;
  std::string s = fmt::format("Plan {}  score {} (spacing {}, timing {}, avoid {}, balance {}, published {})\n", rank,
                              b.total(), b.spacing, b.timing, b.avoid, b.balance, b.published);
  for (const auto& p : plan.sessions)
    s += fmt::format("  {}#{}  {:<4} {:<20} {}  ({} .. {})\n", p.body.empty() ? p.mandate : p.body, p.number, p.station,
                     p.room.empty() ? "-" : p.room, to_un_range(p.first, p.last), to_iso(p.first), to_iso(p.last));
  return s;
}

}  // namespace gge
