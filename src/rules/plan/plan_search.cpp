// The exact search: depth-first branch and bound over the compiled candidates, one session at a
// time (mandates in order, sessions by number). Gaps to the previous session of the mandate are
// propagated as a day range; rooms and shared experts are checked against the sessions already
// placed; the bound is the cost so far plus every later session's cheapest candidate.
#include "plan_compiled.hpp"

#include <algorithm>

namespace gge {
namespace detail {
namespace {

struct Placed {
  int first = 0, last = 0, station = 0, room = -1;
  const PlanCand* cand = nullptr;
};

struct Kept {
  std::int64_t cost = 0;
  std::vector<Placed> placed;
};

class Search {
public:
  Search(const PlanProblem& p, const CompiledPlan& c) : m_p(p), m_c(c), m_placed(c.items.size()) {
    // Each mandate's own best, other mandates ignored: a bound on its cost.
    for (std::size_t mi = 0; mi < c.mandates.size(); ++mi)
      m_opt.push_back(c.suffix_opt[mi] - c.suffix_opt[mi + 1]);
  }

  void run() { visit(0, 0); }
  [[nodiscard]] bool complete() const { return !m_out_of_budget; }
  [[nodiscard]] std::uint64_t nodes() const { return m_nodes; }
  [[nodiscard]] const std::vector<Kept>& kept() const { return m_kept; }

private:
  // The room the candidate gets, given the sessions placed before it (-1 when none is free;
  // -2 when the station has no rooms listed).
  int room_for(std::size_t k, const PlanCand& cand) const {
    if (m_p.stations[static_cast<std::size_t>(cand.station)].rooms.empty()) return -2;
    for (int r : cand.rooms) {
      bool taken = false;
      for (std::size_t j = 0; j < k && !taken; ++j) {
        const auto& q = m_placed[j];
        taken = q.station == cand.station && q.room == r && q.first <= cand.last && cand.first <= q.last;
      }
      if (!taken) return r;
    }
    return -1;
  }

  bool experts_free(std::size_t k, const PlanCand& cand) const {
    const auto& shares = m_c.mandates[static_cast<std::size_t>(m_c.items[k].mandate)].shares;
    for (std::size_t j = 0; j < k; ++j) {
      const auto& q = m_placed[j];
      if (shares[static_cast<std::size_t>(m_c.items[j].mandate)] && q.first <= cand.last && cand.first <= q.last)
        return false;
    }
    return true;
  }

  [[nodiscard]] std::int64_t worst_kept() const { return m_kept.back().cost; }
  [[nodiscard]] bool full() const { return static_cast<int>(m_kept.size()) >= m_p.top; }

  void keep(std::int64_t cost) {
    Kept k{cost, m_placed};
    auto at = std::upper_bound(m_kept.begin(), m_kept.end(), cost,
                               [](std::int64_t v, const Kept& x) { return v < x.cost; });
    m_kept.insert(at, std::move(k));
    if (static_cast<int>(m_kept.size()) > m_p.top) m_kept.pop_back();
  }

  void visit(std::size_t k, std::int64_t cost) {
    if (m_out_of_budget) return;
    if (++m_nodes > m_p.max_nodes) {
      m_out_of_budget = true;
      return;
    }
    if (k == m_c.items.size()) {
      keep(cost);
      return;
    }
    const auto& item = m_c.items[k];
    const auto& m = m_p.mandates[static_cast<std::size_t>(item.mandate)];
    const auto& info = m_c.mandates[static_cast<std::size_t>(item.mandate)];
    const bool closes_mandate = static_cast<int>(k) + 1 == info.end_item;
    const auto& rest = m_c.rest[k];
    std::int64_t later = 0;
    for (std::size_t mi = static_cast<std::size_t>(item.mandate) + 1; mi < m_opt.size(); ++mi) later += m_opt[mi];
    for (std::size_t ci = 0; ci < item.cands.size(); ++ci) {
      const auto& cand = item.cands[ci];
      std::int64_t c = cost + cand.cost;
      if (item.after_placed) {
        const auto& prev = m_placed[k - 1];
        if (!gap_ok(m, prev.first, prev.last, cand.first)) continue;
        c += spacing_cost(m_p, cand.first - prev.first, info.target_gap);
      }
      // The bound: this mandate's cheapest completion from here plus every later mandate's own best.
      if (full() && c + rest[ci] + later >= worst_kept()) continue;
      if (!experts_free(k, cand)) continue;
      const int room = room_for(k, cand);
      if (room == -1) continue;
      m_placed[k] = {cand.first, cand.last, cand.station, room, &cand};
      if (closes_mandate) c += balance_of(item.mandate, k);
      if (full() && c + rest[ci] + later >= worst_kept()) continue;
      visit(k + 1, c);
      if (m_out_of_budget) return;
    }
  }

  std::int64_t balance_of(int mandate, std::size_t k) const {
    const auto& info = m_c.mandates[static_cast<std::size_t>(mandate)];
    if (info.stations.size() < 2) return 0;
    auto counts = info.fixed_counts;
    for (int j = info.first_item; j <= static_cast<int>(k); ++j)
      for (std::size_t s = 0; s < info.stations.size(); ++s)
        if (info.stations[s] == m_placed[static_cast<std::size_t>(j)].station) ++counts[s];
    return balance_cost(m_p, counts);
  }

  const PlanProblem& m_p;
  const CompiledPlan& m_c;
  std::vector<Placed> m_placed;
  std::vector<Kept> m_kept;
  std::vector<std::int64_t> m_opt;  // per mandate: a lower bound of its cost
  std::uint64_t m_nodes = 0;
  bool m_out_of_budget = false;
};

Plan to_plan(const PlanProblem& p, const CompiledPlan& c, const std::vector<Placed>& placed) {
  Plan plan;
  for (std::size_t k = 0; k < c.items.size(); ++k) {
    const auto& item = c.items[k];
    const auto& m = p.mandates[static_cast<std::size_t>(item.mandate)];
    const auto& st = p.stations[static_cast<std::size_t>(placed[k].station)];
    plan.sessions.push_back({m.key, m.body, m.sessions[static_cast<std::size_t>(item.session)].number,
                             from_day_number(placed[k].first), from_day_number(placed[k].last), st.code,
                             placed[k].room >= 0 ? st.rooms[static_cast<std::size_t>(placed[k].room)].name
                                                 : std::string{}});
  }
  plan.score = score_plan(p, plan);
  return plan;
}

}  // namespace

PlanResult solve_compiled(const PlanProblem& p, const CompiledPlan& c) {
  PlanResult result;
  for (const auto& item : c.items)
    if (item.cands.empty()) return result;  // a session has nowhere to go: no search needed
  Search search(p, c);
  search.run();
  result.nodes = search.nodes();
  result.optimal = search.complete();
  for (const auto& k : search.kept()) result.plans.push_back(to_plan(p, c, k.placed));
  return result;
}

}  // namespace detail

PlanResult solve_plan(const PlanProblem& problem) {
  const auto compiled = detail::compile_plan(problem);  // validates even when solved separately
  if (problem.mandates.size() > 1 && problem.top == 1)
    if (auto r = detail::solve_joint(problem)) return *r;
  return detail::solve_compiled(problem, compiled);
}

}  // namespace gge
