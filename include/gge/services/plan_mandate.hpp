#pragma once
/// `gge plan` as a use case: build the planner's problem for one mandate from the store, solve
/// it, explain when no plan exists, and write the chosen plan (rules/plan/plan.hpp for the rules).
#include "gge/model/finding.hpp"
#include "gge/rules/plan/plan.hpp"
#include "gge/store/store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gge {

/// What the planner asks for. Unset values take the defaults documented per field.
struct PlanRequest {
  std::string mandate;                ///< Mandate::key (InputError when unknown)
  /// More mandates to plan jointly with `mandate`, with the same options (their bodies' planned
  /// sessions are re-planned too, so they do not block each other; shared experts and rooms do).
  std::vector<std::string> jointly;
  /// Total sessions of the mandate, held and confirmed ones included; default: the mandate's
  /// sessions_entitled, else its highest stored session number. Sessions numbered 1..N that are
  /// not held or confirmed are placed (a stored planned one is moved; a missing one is added).
  std::optional<int> sessions;
  int days = 5;                       ///< working days per session placed
  /// Venue of session number i = entry (i-1) mod size; an entry "NY|GVA" allows either.
  /// Empty: every station of the store.
  std::vector<std::vector<std::string>> venues;
  int min_gap_days = 0;               ///< start to start; the body's min_gap_days applies too
  std::optional<int> max_gap_days;    ///< start to start
  std::vector<unsigned> avoid_months; ///< 1..12
  std::optional<Date> from;           ///< first day; default (and never before) the mandate start
  Timing timing = Timing::none;
  bool allow_stretch = false;
  bool any_weekday_start = false;
  /// Imported busy time of the bodies' experts: false = hard (no session on its days); true =
  /// a cost, weights.experts per clashing expert-day (`gge plan --experts soft`).
  bool experts_soft = false;
  int top = 5;
  PlanWeights weights{};
};

/// The problem built, the answer, and (when there is no plan) why.
struct PlanOutcome {
  PlanProblem problem;
  PlanResult result;
  /// Set when `result.plans` is empty: for one mandate, why; for several, the first mandate that
  /// cannot be planned alone, else explain_joint_infeasible (which of them cannot go together).
  std::optional<PlanExplanation> explanation;
  std::vector<int> numbers;                    ///< the session numbers placed (of `mandate`)
  /// Stations and years of the plans' sessions for which gge has no holidays (no rule covers
  /// the year, no dated holiday in it): planned there as Monday to Friday, closures unknown.
  /// Sorted by station, then year.
  std::vector<std::pair<std::string, int>> unknown_closures;
};

/// Builds the problem for `request.mandate` and every mandate of `request.jointly` from the
/// store (mandates sorted by key, so naming order does not matter; stations' calendars built
/// once over the union of their windows). Per mandate: the window from the mandate start (or the
/// resolution's adoption, or `from`, whichever is latest) to the latest end day of its deadline
/// chain; fixed = its body's held and confirmed sessions; the sessions to place (a stored planned
/// one is published); seats = the body's members. Stations: closures from the holiday
/// calendars, blocked = blackouts (every severity) and the GA high-level weeks, rooms. Every
/// stored active session that stays (any held or confirmed one; a planned one of a body not
/// being planned) holds its room and makes its days busy, with its station, for the mandates
/// whose bodies share an expert with its body. Imported busy time: a station's blocks its days, a
/// room's books the room, a body's and its experts' make its mandate busy (an expert's is a cost
/// with `experts_soft`), by model/busy_days.hpp's days. Bad requests (unknown mandate or station, a
/// mandate named twice, more sessions or days than entitled, nothing left to place) throw
/// InputError naming the option. `numbers` receives the session numbers of `request.mandate`.
PlanProblem build_plan_problem(const Store& store, const PlanRequest& request, std::vector<int>* numbers = nullptr);

/// Builds, solves, and explains when there is no plan. With `request.jointly`, one problem of
/// every mandate named (each built as above), mandates whose bodies share an expert marked as
/// sharing. A mandate named twice is an InputError. Reads only.
PlanOutcome plan_mandate(const Store& store, const PlanRequest& request);

/// Writes `plan` (every placed session as a planned session of its mandate's body, with its room;
/// a stored session of the same number is moved there, its meetings with it) in one transaction,
/// runs `gge check` on the result and returns its findings about those bodies. When the check
/// reports an error about them, or any finding about them it did not report before the plan
/// (by code and subjects; `unknown-closures` aside, which `gge plan` notes itself), nothing is
/// written and RefusedByFindings (exit 1) is thrown naming them.
std::vector<Finding> apply_plan(Store& store, const Plan& plan);

/// The longest gap between sessions a request may ask for, in days (10 years of weeks).
inline constexpr int k_max_gap_days = 520 * 7;

}  // namespace gge
