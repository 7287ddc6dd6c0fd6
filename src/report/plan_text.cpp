// A plan as a planner reads it: rank, score by preference, one line per session.
#include "gge/report/plan_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace gge {

std::string to_text(const Plan& plan, int rank, const PlanProblem* problem) {
  const auto& b = plan.score;
  std::string s = fmt::format(
      "Plan {}  score {} (spacing {}, timing {}, avoid {}, balance {}, published {}{})\n", rank,
      b.total(), b.spacing, b.timing, b.avoid, b.balance, b.published,
      b.experts ? fmt::format(", experts {}", b.experts) : std::string{});
  for (const auto& p : plan.sessions) {
    s += fmt::format("  {}#{}  {:<4} {:<20} {}  ({} .. {})\n", p.body.empty() ? p.mandate : p.body, p.number, p.station,
                     p.room.empty() ? "-" : p.room, to_un_range(p.first, p.last), to_iso(p.first), to_iso(p.last));
    if (!problem) continue;
    for (const auto& m : problem->mandates) {
      if (m.key != p.mandate) continue;
      const auto clash = expert_clash(m, p.first, p.last);
      if (clash.expert_days > 0)
        s += fmt::format("    experts busy {} expert-day{}: {}\n", clash.expert_days,
                         clash.expert_days == 1 ? "" : "s", fmt::join(clash.reasons, "; "));
    }
  }
  return s;
}

}  // namespace gge
