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

/// Builds the problem for `request.mandate` from the store: window from the mandate start (or the
/// resolution's adoption, or `from`, whichever is latest) to the latest end day of its deadline
/// chain; fixed = its body's held and confirmed sessions; closures from the stations' holiday
/// calendars; blocked = blackouts (every severity) and the GA high-level weeks; busy = the active
/// sessions of other bodies that share an expert with it (one weekday either side for travel);
/// rooms with the active sessions of other bodies booked in them; seats = the body's members.
/// Bad requests (unknown mandate or station, more sessions or days than entitled, nothing left
/// to place) throw InputError naming the option.
/// `request.jointly` is ignored here (see plan_mandate); `replanned` lists bodies whose planned
/// sessions are being re-planned too (they neither block rooms nor make experts busy).
PlanProblem build_plan_problem(const Store& store, const PlanRequest& request,
                               std::vector<int>* numbers = nullptr,
                               const std::vector<std::string>& replanned = {});

/// Builds, solves, and explains when there is no plan. With `request.jointly`, one problem of
/// every mandate named (each built as above), mandates whose bodies share an expert marked as
/// sharing. A mandate named twice is an InputError. Reads only.
PlanOutcome plan_mandate(const Store& store, const PlanRequest& request);

/// Writes `plan` (every placed session as a planned session of its mandate's body, with its room;
/// a stored session of the same number is moved there, its meetings with it) in one transaction,
/// runs `gge check` on the result and returns its findings about those bodies. When the check
/// reports an error, nothing is written and RefusedByFindings (exit 1) is thrown naming them.
std::vector<Finding> apply_plan(Store& store, const Plan& plan);

}  // namespace gge
