#pragma once
// The planner's problem compiled for the search (private to src/rules/plan_*.cpp): days as
// integers (days since 1970-01-01), candidates pre-filtered by everything that does not depend
// on another placed session, and their independent costs.
#include "gge/rules/plan/plan.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace gge::detail {

/// One way to hold a session: days [first, last] inclusive at a station.
struct PlanCand {
  int first = 0, last = 0;
  int station = 0;              // index into PlanProblem::stations
  std::int64_t cost =
      0;  // weighted timing + avoid + published + experts + spacing to fixed sessions
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
  std::vector<int> partners;          // the mandates it shares experts with
  std::int64_t alone = 0;             // its best cost alone (k_no_rest: none), no balance
};

/// The capacities of each station's rooms not booked on each day of a problem's horizon (the
/// union of its mandates' windows), largest first: the one-day room test of the searches.
struct RoomDays {
  int first_day = 0;                                // the horizon's first day (day number)
  std::vector<std::vector<std::vector<int>>> caps;  // [station][day - first_day]
  [[nodiscard]] const std::vector<int>& at(int station, int day) const {
    return caps[static_cast<std::size_t>(station)][static_cast<std::size_t>(day - first_day)];
  }
};

/// RoomDays of `p`.
RoomDays room_days(const PlanProblem& p);

struct CompiledPlan {
  std::vector<PlanItem> items;
  std::vector<PlanMandateInfo> mandates;
  /// rest[k][i]: the least cost of the mandate's items after k when item k takes candidate i,
  /// ignoring other mandates and the balance (k_no_rest when no completion fits): a bound.
  std::vector<std::vector<std::int64_t>> rest;
  std::vector<std::vector<int>> sorted_sessions;  // per mandate: session indexes by number
  std::shared_ptr<const RoomDays> free;           // shared by restricted copies
};

inline constexpr std::int64_t k_no_rest = INT64_MAX / 4;

inline int day_number(Date d) { return static_cast<int>(d.time_since_epoch().count()); }
inline Date from_day_number(int n) { return Date{date::days{n}}; }

/// A start the joint search forbids (plan_joint.cpp): session `number` at station index
/// `station` starting on day `first`.
struct CandBan {
  int number = 0, station = 0, first = 0;
  friend auto operator<=>(const CandBan&, const CandBan&) = default;
};

/// Validates `p` (InputError on a malformed problem): every check compile_plan makes.
void validate_plan(const PlanProblem& p);

/// Validates `p` and compiles it; candidates matching a ban in `banned` (for any mandate: the
/// joint search passes one-mandate problems) are left out.
CompiledPlan compile_plan(const PlanProblem& p, const std::vector<CandBan>& banned = {});

/// The first phase of compile_plan (validation included): every candidate, by cost then first
/// day, before the completion costs (`rest` empty, every `alone` 0) drop those with none.
CompiledPlan compile_candidates(const PlanProblem& p);

/// compile_plan of `p` with the candidates `keep(item, candidate)` refuses left out, from
/// `raw` = compile_candidates(p): the same result as compiling `p` with them banned, without
/// working out the calendars, costs and rooms again (the joint search re-solves one mandate
/// under many sets of bans).
CompiledPlan restrict_compiled(const PlanProblem& p, const CompiledPlan& raw,
                               const std::function<bool(const PlanItem&, const PlanCand&)>& keep);

/// The rooms of station `st` that fit `seats` and are free on days [first, last], smallest
/// first (by capacity, then name); session `s`'s published room first when it is among them.
std::vector<int> fitting_rooms(const PlanStation& st, const PlanSession& s, int seats, int first,
                               int last);

/// The best `p.top` plans of two or more mandates that interact, by conflict-based search
/// (plan_joint.cpp).
PlanResult solve_joint(const PlanProblem& p);

/// solve_plan without splitting the mandates into independent groups (plan_groups.cpp): the
/// same answer, for tests that compare the two.
PlanResult solve_undivided(const PlanProblem& p);

/// The best `p.top` plans of a compiled problem by branch and bound (plan_search.cpp).
PlanResult solve_compiled(const PlanProblem& p, const CompiledPlan& c);

/// The least completion cost of item k's mandate from each candidate of item k (k_no_rest when
/// none): the candidates `usable(item, candidate)` refuses are left out, `next_rest` is the
/// same for item k + 1 (nullptr when k is the mandate's last item), and `next_bound` a lower
/// bound of it by which item k + 1's candidates are sorted (with their cost).
std::vector<std::int64_t> completion_costs(const PlanProblem& p, const CompiledPlan& c, int k,
                                           const std::vector<std::int64_t>* next_rest,
                                           const std::vector<std::int64_t>& next_bound,
                                           const std::function<bool(int, std::size_t)>& usable);

/// Whether two mandates share an expert (either names the other: sharing is mutual).
bool mandates_share(const PlanMandate& a, const PlanMandate& b);

/// The spacing target of mandate `m` in days, start to start (plan.hpp, "spacing").
int spacing_target(const PlanMandate& m);

/// The spacing cost (weighted) of a gap of `gap` days against `target`.
inline std::int64_t spacing_cost(const PlanProblem& p, int gap, int target) {
  return static_cast<std::int64_t>(p.weights.spacing) * (gap > target ? gap - target : target - gap);
}

/// Weighted balance cost of a mandate given station counts (fixed + placed) over its stations.
std::int64_t balance_cost(const PlanProblem& p, const std::vector<int>& counts);

/// Whether a session of mandate `m` starting on nf may follow one on [pf, pl] (the gaps, and a
/// weekday between for travel unless both are at the same station).
bool gap_ok(const PlanMandate& m, int pf, int pl, int nf, bool same_station);

}  // namespace gge::detail
