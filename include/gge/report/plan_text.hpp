#pragma once
/// A plan as a planner reads it, as text (the planner itself: rules/plan/plan.hpp).
#include "gge/rules/plan/plan.hpp"

#include <string>

namespace gge {

/// "Plan 1  score 42 (spacing 12, timing 0, avoid 30, balance 0, published 0)" then one line
/// per session: "  GGE#2  GVA Room XII  11 to 15 April 2005". ", experts N" is shown only when
/// that part is not 0; with `problem` (the one solved), a session that meets while experts are
/// busy (`--experts soft`) gets a line "    experts busy 3 expert-days: REASON; ...".
std::string to_text(const Plan& plan, int rank, const PlanProblem* problem = nullptr);

}  // namespace gge
