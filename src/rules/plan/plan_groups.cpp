// solve_plan: the mandates split into independent groups, each solved on its own, and the K best
// joint plans merged from the groups' K best. Two mandates are linked when they share an expert,
// or when both may use a station with rooms listed and their windows overlap (they may compete
// for a room); nothing else ties two mandates' plans (each one's busy days, fixed sessions and
// score are its own). A group of one is the single-mandate branch and bound (plan_search.cpp);
// a larger one the conflict-based search (plan_joint.cpp). The joint score being a sum over
// mandates, the K best joint plans are the K best sums of one plan per group.
#include "plan_compiled.hpp"

#include <algorithm>
#include <numeric>
#include <queue>
#include <set>

namespace gge {
namespace detail {
namespace {

bool compete_for_rooms(const PlanProblem& p, const PlanMandate& a, const PlanMandate& b) {
  if (b.latest_end < a.from || a.latest_end < b.from) return false;
  const auto uses = [](const PlanMandate& m, const std::string& code) {
    return std::any_of(m.sessions.begin(), m.sessions.end(), [&](const PlanSession& s) {
      return std::find(s.stations.begin(), s.stations.end(), code) != s.stations.end();
    });
  };
  return std::any_of(p.stations.begin(), p.stations.end(), [&](const PlanStation& st) {
    return !st.rooms.empty() && uses(a, st.code) && uses(b, st.code);
  });
}

/// The groups of linked mandates (indexes in problem order), by their first mandate.
std::vector<std::vector<std::size_t>> groups_of(const PlanProblem& p) {
  std::vector<std::size_t> parent(p.mandates.size());
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  const auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (std::size_t i = 0; i < p.mandates.size(); ++i)
    for (std::size_t j = i + 1; j < p.mandates.size(); ++j)
      if (mandates_share(p.mandates[i], p.mandates[j]) ||
          compete_for_rooms(p, p.mandates[i], p.mandates[j]))
        parent[root(j)] = root(i);
  std::vector<std::vector<std::size_t>> out;
  std::vector<int> at(p.mandates.size(), -1);
  for (std::size_t i = 0; i < p.mandates.size(); ++i) {
    auto& slot = at[root(i)];
    if (slot < 0) {
      slot = static_cast<int>(out.size());
      out.emplace_back();
    }
    out[static_cast<std::size_t>(slot)].push_back(i);
  }
  return out;
}

/// Whether two plans place every session on the same days at the same station (rooms aside).
bool same_days(const Plan& a, const Plan& b) {
  return std::equal(a.sessions.begin(), a.sessions.end(), b.sessions.begin(), b.sessions.end(),
                    [](const PlacedSession& x, const PlacedSession& y) {
                      return std::tie(x.mandate, x.number, x.first, x.station) ==
                             std::tie(y.mandate, y.number, y.first, y.station);
                    });
}

/// One group. When the conflict-based search stops at the budget short of `top` plans, the
/// branch and bound (plan_search.cpp) runs with a budget of its own for plans to offer: the
/// proven plans come first, the bound is the higher of the two searches' bounds.
PlanResult solve_group(const PlanProblem& p) {
  if (p.mandates.size() == 1) return solve_compiled(p, compile_plan(p));
  auto out = solve_joint(p);
  if (out.optimal) return out;
  auto more = solve_compiled(p, compile_plan(p));
  out.nodes += more.nodes;
  if (more.optimal) {
    more.nodes = out.nodes;
    return more;
  }
  out.bound = std::max(out.bound, more.bound);
  for (auto& plan : more.plans)
    if (std::none_of(out.plans.begin(), out.plans.end(),
                     [&](const Plan& x) { return same_days(x, plan); }))
      out.plans.push_back(std::move(plan));
  std::stable_sort(out.plans.begin(), out.plans.end(),
                   [](const Plan& a, const Plan& b) { return a.score.total() < b.score.total(); });
  if (static_cast<int>(out.plans.size()) > p.top) out.plans.resize(static_cast<std::size_t>(p.top));
  return out;
}

/// The K best plans made of one plan per group (each group's plans best first), best first;
/// ties by the groups' own orders.
std::vector<Plan> merge_best(const PlanProblem& p,
                             const std::vector<std::vector<std::size_t>>& groups,
                             const std::vector<PlanResult>& parts) {
  using Pick = std::vector<std::size_t>;  // one plan index per group
  const auto cost = [&](const Pick& pick) {
    std::int64_t c = 0;
    for (std::size_t g = 0; g < pick.size(); ++g) c += parts[g].plans[pick[g]].score.total();
    return c;
  };
  std::priority_queue<std::pair<std::int64_t, Pick>, std::vector<std::pair<std::int64_t, Pick>>,
                      std::greater<>>
      open;
  std::set<Pick> seen;
  const Pick first(parts.size(), 0);
  open.emplace(cost(first), first);
  seen.insert(first);
  std::vector<Plan> out;
  while (!open.empty() && static_cast<int>(out.size()) < p.top) {
    const auto [c, pick] = open.top();
    open.pop();
    // The sessions by mandate in problem order, then number (each group's plan is so).
    std::vector<std::vector<PlacedSession>> of_mandate(p.mandates.size());
    for (std::size_t g = 0; g < groups.size(); ++g)
      for (const auto& s : parts[g].plans[pick[g]].sessions)
        for (std::size_t mi : groups[g])
          if (p.mandates[mi].key == s.mandate) of_mandate[mi].push_back(s);
    Plan plan;
    for (auto& list : of_mandate)
      plan.sessions.insert(plan.sessions.end(), list.begin(), list.end());
    plan.score = score_plan(p, plan);
    out.push_back(std::move(plan));
    for (std::size_t g = 0; g < pick.size(); ++g) {
      Pick next = pick;
      if (++next[g] >= parts[g].plans.size() || !seen.insert(next).second) continue;
      open.emplace(cost(next), next);
    }
  }
  return out;
}

}  // namespace

PlanResult solve_undivided(const PlanProblem& p) {
  validate_plan(p);
  return solve_group(p);
}

}  // namespace detail

PlanResult solve_plan(const PlanProblem& problem) {
  using namespace detail;
  validate_plan(problem);
  const auto groups = groups_of(problem);
  if (groups.size() <= 1) return solve_group(problem);
  std::vector<PlanResult> parts;
  PlanResult out;
  for (const auto& group : groups) {
    PlanProblem part = problem;
    part.mandates.clear();
    for (std::size_t mi : group) part.mandates.push_back(problem.mandates[mi]);
    parts.push_back(solve_group(part));
    const auto& r = parts.back();
    out.nodes += r.nodes;
    out.optimal = out.optimal && r.optimal;
    out.bound += r.bound;
    if (r.plans.empty()) {  // no plan for this group: none jointly
      out.bound = 0;
      return out;
    }
  }
  out.plans = merge_best(problem, groups, parts);
  return out;
}

}  // namespace gge
