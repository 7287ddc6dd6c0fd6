#pragma once
/// The session planner (`gge plan`): place a mandate's remaining sessions, or say why
/// no placement exists. Pure: plain data in, plans out; no I/O, no clock; deterministic.
///
/// Conventions (one set, used by the solver, the explanation and the tests):
/// - Days are civil `Date`s; every range here is first and last day, inclusive.
/// - Which days a session may use is rules/session_days.hpp's definition, shared with the
///   checker: a session of `length` working days starts on a candidate day (a Monday, or any
///   weekday with `any_weekday_start`) and covers that many consecutive working days of its
///   station; it never starts or ends on a weekend or a closure; no day of it, weekends
///   included, may be blocked. Without `allow_stretch` no closure lies inside it; with it, at
///   most k_max_stretch_closures do (the session grows by a day per closure, its meetings skip
///   them).
/// - Gaps between consecutive sessions of a mandate (by number, held/confirmed ones included):
///     next.first - prev.first >= min_gap_days          (start to start, calendar days)
///     next.first - prev.first <= max_gap_days (if set) (start to start)
///     next.first - prev.last  >= min_end_gap_days      (end to start: the body's min_gap_days,
///                                                       as `gge check` measures it)
///   So "--min-gap 8w" means a session starts at least 56 days after the previous one started.
/// - Window: every placed session has `from <= first` and `last <= latest_end`.
/// - Rooms: a station with rooms needs, for each session there, a room with capacity >= the
///   mandate's `seats`, not booked on any of its days, and not given to another session of the
///   plan on an overlapping day. Rooms are assigned exactly (a re-assignment is searched when
///   the first free room runs out), so a plan is refused only when no assignment exists. A
///   station without rooms listed has no room limit.
/// - Experts and bodies: `busy` spans of a mandate are the sessions of other bodies that share
///   an expert with it (or of its own body); a session must be able to share experts with each
///   (session_days.hpp can_share_experts: no overlap, and a weekday between them for travel at
///   different stations; a span without a station only forbids its days). Two mandates that
///   share an expert (`shares_experts_with`, mutual) obey the same rule between their sessions.
///
/// Search (the same for any `top`): the mandates fall into independent groups (linked when
/// they share an expert, or may both use a station with rooms in overlapping windows), each
/// solved alone; the K best joint plans are the K best sums of one plan per group.
/// - One mandate: a depth-first branch and bound (sessions by number, candidates cheapest
///   completion first; a node's bound is its cost plus the cheapest completion of the rest).
/// - Several: a conflict-based search, best first. Each node holds every mandate's own best
///   plan under constraints (days, or starts, it may not use); their summed cost, plus the
///   least that clashes with no mandate in common must add (for two mandates sharing an
///   expert, what the same search over the two alone adds), is a lower bound of every plan in
///   its region. Two plans that clash (the travel rule; rooms on a day; an exact room
///   assignment over several days) are branched so that each valid joint plan stays in a
///   child; the first clash-free node taken is the best joint plan, and each plan found splits
///   its region so that the next best comes out next.
/// `optimal` true is a proof: no plan scores below the kept ones (and they are the best `top`
/// in order). When the node budget stops the conflict-based search first, the branch and bound
/// over the whole group searches for plans to offer (with a budget of its own); `optimal` is
/// false, the proven plans come first, and `bound` says how low an unexplored plan could still
/// score.
///
/// Objective: the joint score is the sum of every mandate's score. Each component is an integer
/// in its unit times its integer weight; lower is better, 0 = every preference met:
///   spacing:   |gap - target| in days, for every gap start to start between consecutive sessions
///              by number of which one at least is placed (held/confirmed included); target =
///              (latest_end - anchor) / sessions to place, anchor = the first day of the last
///              held/confirmed session numbered before the first one to place, else `from`
///   timing:    days from `from` to each session's first day (earliest), or from each session's
///              last day to `latest_end` (latest); none = 0
///   avoid:     calendar days first..last of each placed session, weekends included, that fall
///              in an avoided month
///   balance:   sessions: (most used - least used) over the stations any session of the mandate
///              to place may use, counting its held/confirmed sessions at them
///   published: days each session moved from its published first day, + 7 per station change
///   experts:   expert-days of clash with `soft_busy`: for each placed session, the number of
///              distinct (expert, calendar day) pairs, weekends included, with the day in
///              first..last and in one of that expert's soft busy spans
#include "gge/core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gge {

/// Days no session may use at a station, with why ("GA high-level week", "ECOSOC").
struct PlanBlock {
  Date first{};  ///< inclusive
  Date last{};   ///< inclusive
  std::string reason;
  /// Busy spans only: the station of the session that makes the days busy, for the travel rule
  /// ("" = the days alone are busy, at every station).
  std::string station;
  friend bool operator==(const PlanBlock&, const PlanBlock&) = default;
};

/// An expert's busy days that a session may use at a cost (`gge plan --experts soft`).
struct PlanSoftBusy {
  std::string expert;  ///< Expert::key: days of one expert count once however many spans cover them
  Date first{};        ///< inclusive
  Date last{};         ///< inclusive
  std::string reason;  ///< what makes the expert busy, for the explanation
  friend bool operator==(const PlanSoftBusy&, const PlanSoftBusy&) = default;
};

struct PlanRoom {
  std::string name;
  int capacity = 0;                 ///< seats
  std::vector<PlanBlock> booked;    ///< days already taken (other bodies' sessions)
  friend bool operator==(const PlanRoom&, const PlanRoom&) = default;
};

struct PlanStation {
  std::string code;                 ///< "NY"
  std::vector<Date> closures;       ///< holiday closures (observed days), any order
  std::vector<std::string> closure_names;  ///< parallel to closures (may be empty)
  std::vector<PlanBlock> blocked;   ///< blackouts, the GA high-level week, ...
  std::vector<PlanRoom> rooms;      ///< empty = no room limit at this station
  friend bool operator==(const PlanStation&, const PlanStation&) = default;
};

/// A session already held or confirmed: it does not move, but the gaps count from it.
struct FixedSession {
  int number = 0;
  Date first{}, last{};             ///< inclusive
  std::string station;
  friend bool operator==(const FixedSession&, const FixedSession&) = default;
};

/// A session to place.
struct PlanSession {
  int number = 0;                   ///< the session's number (order in time follows numbers)
  int length = 5;                   ///< working days, >= 1
  std::vector<std::string> stations;///< allowed venues, in order of preference (non-empty)
  std::optional<Date> published_first;  ///< where a published plan had it (stability)
  std::string published_station;
  std::string published_room;       ///< kept when it is free and fits at that station ("" = none)
  friend bool operator==(const PlanSession&, const PlanSession&) = default;
};

enum class Timing { none, earliest, latest };

struct PlanWeights {
  int spacing = 1;    ///< per day away from the target gap
  int timing = 1;     ///< per day (with Timing::earliest / latest)
  int avoid = 10;     ///< per session day in an avoided month
  int balance = 20;   ///< per session of imbalance between venues
  int published = 10; ///< per day moved from the published plan (+7 days per station change)
  int experts = 20;   ///< per expert-day a session clashes with `soft_busy`
  friend bool operator==(const PlanWeights&, const PlanWeights&) = default;
};

/// One mandate's part of a problem.
struct PlanMandate {
  std::string key;                  ///< Mandate::key
  std::string body;                 ///< its body's symbol: sessions are named "BODY#N" in text;
                                    ///< empty = named "KEY#N"
  std::vector<FixedSession> fixed;  ///< held / confirmed sessions of the mandate's body
  std::vector<PlanSession> sessions;///< to place, by number
  Date from{};                      ///< first day a session may start, inclusive
  Date latest_end{};                ///< last day a session may end, inclusive
  int min_gap_days = 0;             ///< start to start, >= 0
  std::optional<int> max_gap_days;  ///< start to start
  int min_end_gap_days = 0;         ///< end to start (the body's min_gap_days)
  int seats = 0;                    ///< room capacity needed; 0 = any room
  std::vector<PlanBlock> busy;      ///< days the body or an expert is taken (all stations)
  std::vector<PlanSoftBusy> soft_busy;  ///< experts' busy days allowed at a cost ("experts")
  std::vector<std::string> shares_experts_with;  ///< other mandates' keys (joint planning; mutual)
  Timing timing = Timing::none;
  std::vector<unsigned> avoid_months;  ///< 1..12
  friend bool operator==(const PlanMandate&, const PlanMandate&) = default;
};

struct PlanProblem {
  std::vector<PlanStation> stations;
  std::vector<PlanMandate> mandates;  ///< one for `gge plan MANDATE`; several = joint planning
  PlanWeights weights{};
  bool allow_stretch = false;         ///< sessions may run over closures (see the header)
  bool any_weekday_start = false;     ///< false: sessions start on Mondays
  int top = 1;                        ///< best K plans wanted (>= 1): the same search for any K
  /// Search budget in nodes (per group, and again for the fallback search; the conflict-based
  /// search counts its own nodes, those of its searches over two mandates and those of every
  /// single-mandate search it runs); `optimal` says if it was enough. The 50-mandate benchmark
  /// (bench_plan) is proved in about 22,000 nodes (seconds); a harder problem stops here with
  /// a plan and a bound, so `gge plan` over many tightly linked mandates answers in seconds.
  std::uint64_t max_nodes = 30'000;
  friend bool operator==(const PlanProblem&, const PlanProblem&) = default;
};

/// One placed session.
struct PlacedSession {
  std::string mandate;
  std::string body;      ///< PlanMandate::body
  int number = 0;
  Date first{}, last{};  ///< inclusive
  std::string station;
  std::string room;      ///< "" when the station has no rooms listed
  friend bool operator==(const PlacedSession&, const PlacedSession&) = default;
};

/// A score by preference (already weighted); `total` is their sum. Lower is better.
struct ScoreBreakdown {
  std::int64_t spacing = 0, timing = 0, avoid = 0, balance = 0, published = 0, experts = 0;
  [[nodiscard]] std::int64_t total() const {
    return spacing + timing + avoid + balance + published + experts;
  }
  friend bool operator==(const ScoreBreakdown&, const ScoreBreakdown&) = default;
};

struct Plan {
  std::vector<PlacedSession> sessions;  ///< by mandate (problem order), then number
  ScoreBreakdown score;
  friend bool operator==(const Plan&, const Plan&) = default;
};

struct PlanResult {
  std::vector<Plan> plans;     ///< best first by score (ties in the search's fixed order); empty = no plan
  bool optimal = true;         ///< true: proven (no plan scores below the kept ones); false: the
                               ///< node budget ran out first
  std::int64_t bound = 0;      ///< no plan scores below this: plans[0]'s score when optimal
  std::uint64_t nodes = 0;     ///< search nodes visited
};

/// The best `problem.top` plans. Throws InputError on a malformed problem (unknown station,
/// length < 1, no stations for a session, month outside 1..12, latest_end before from, negative
/// gaps, max gap below min gap, top < 1).
PlanResult solve_plan(const PlanProblem& problem);

/// Whether `plan` meets every hard constraint of `problem` ("" when it does, else the first
/// violation in words). Independent of the search: used by tests and `--apply`.
std::string plan_violation(const PlanProblem& problem, const Plan& plan);

/// The score of a complete `plan` (no feasibility check).
ScoreBreakdown score_plan(const PlanProblem& problem, const Plan& plan);

/// The expert-days a session of `m` on [first, last] (inclusive) clashes with `m.soft_busy`
/// (the "experts" part of the score, unweighted), and the reasons of the spans it meets.
struct ExpertClash {
  int expert_days = 0;
  std::vector<std::string> reasons;  ///< in soft_busy order, each once
};
ExpertClash expert_clash(const PlanMandate& m, Date first, Date last);

/// Why no plan exists, for a planner.
struct PlanExplanation {
  std::string summary;                  ///< "3 five-day sessions at least 8 weeks apart ..."
  std::vector<std::string> conflicts;   ///< the smallest set of constraints that cannot hold
  std::vector<std::string> relaxations; ///< single changes that make it feasible (re-solved)
};

/// Explains an infeasible single-mandate problem (mandate 0) by re-solving relaxed problems:
/// fewer sessions, a smaller minimum gap, a later end, stretching over closures, other venues,
/// no maximum gap. For a feasible problem, the summary says so and the lists are empty.
PlanExplanation explain_infeasible(const PlanProblem& problem);

/// Explains a joint problem (several mandates) that has no plan although each mandate has one
/// alone: `conflicts` names the smallest set of mandates that cannot be planned together (a
/// deletion filter over the mandates, each step re-solved) and what ties them (shared experts,
/// the rooms of the stations they may both use); `relaxations` the mandates whose removal lets
/// the others be planned. For a feasible problem, the summary says so and the lists are empty.
PlanExplanation explain_joint_infeasible(const PlanProblem& problem);

}  // namespace gge
