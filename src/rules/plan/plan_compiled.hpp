#pragma once
// The planner's problem compiled for the search (private to src/rules/plan_*.cpp): days as
// integers (days since 1970-01-01), candidates pre-filtered by everything that does not depend
// on another placed session, and their independent costs.
#include "gge/rules/plan/plan.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace gge::detail {

/// One way to hold a session: days [first, last] inclusive at a station.
struct PlanCand {
  int first = 0, last = 0;
  int station = 0;              // index into PlanProblem::stations
  std::int64_t cost = 0;        // weighted timing + avoid + published + spacing to fixed sessions
  std::vector<int> rooms;       // rooms free on all its days with enough seats, smallest first
};

/// A session to place, in search order (mandates in order, sessions by number).
struct PlanItem {
  int mandate = 0;              // index into PlanProblem::mandates
  int session = 0;              // index into PlanMandate::sessions (sorted by number)
  bool after_placed = false;    // the previous session by number is the previous item
  std::vector<PlanCand> cands;  // by cost + cheapest completion (then first day, station order)
};

struct PlanMandateInfo {
  int first_item = 0, end_item = 0;   // items [first_item, end_item)
  int target_gap = 0;                 // days, start to start
  std::vector<int> stations;          // allowed stations (union over sessions), for balance
  std::vector<int> fixed_counts;      // fixed sessions per entry of `stations`
  std::vector<bool> shares;           // shares experts with mandate j (joint planning)
};

struct CompiledPlan {
  std::vector<PlanItem> items;
  std::vector<PlanMandateInfo> mandates;
  /// rest[k][i]: the least cost of the mandate's items after k when item k takes candidate i,
  /// ignoring other mandates and the balance (k_no_rest when no completion fits): a bound.
  std::vector<std::vector<std::int64_t>> rest;
  /// suffix_opt[m]: the sum over mandates m.. of their best cost on their own (same relaxation).
  std::vector<std::int64_t> suffix_opt;
  std::vector<std::vector<int>> sorted_sessions;  // per mandate: session indexes by number
};

inline constexpr std::int64_t k_no_rest = INT64_MAX / 4;

inline int day_number(Date d) { return static_cast<int>(d.time_since_epoch().count()); }
inline Date from_day_number(int n) { return Date{date::days{n}}; }

/// Validates `p` (InputError on a malformed problem) and compiles it.
CompiledPlan compile_plan(const PlanProblem& p);

/// The best `p.top` plans of a compiled problem by branch and bound (plan_search.cpp).
PlanResult solve_compiled(const PlanProblem& p, const CompiledPlan& c);

/// Several mandates, best plan only, by conflict-based search (plan_joint.cpp): nullopt when it
/// cannot answer (room conflicts, or its budget ran out) and the joint branch and bound must.
std::optional<PlanResult> solve_joint(const PlanProblem& p);

/// The spacing cost (weighted) of a gap of `gap` days against `target`.
inline std::int64_t spacing_cost(const PlanProblem& p, int gap, int target) {
  return static_cast<std::int64_t>(p.weights.spacing) * (gap > target ? gap - target : target - gap);
}

/// Weighted balance cost of a mandate given station counts (fixed + placed) over its stations.
std::int64_t balance_cost(const PlanProblem& p, const std::vector<int>& counts);

/// Whether a session of mandate `m` may follow `prev` ([pf, pl]) with `next` ([nf, nl]).
bool gap_ok(const PlanMandate& m, int pf, int pl, int nf);

}  // namespace gge::detail
