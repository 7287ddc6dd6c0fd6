#pragma once
/// The deadline chain of a mandate (DOMAIN.md "Documents and deadlines"), each step explained.
///
/// From a mandate that reports to GA session N:
///   consideration = the GA N opening (GaCalendar: record or Rule 1), or the planner's consider_on
///   submission    = consideration - submission_weeks   (default 10 weeks)
///   distribution  = consideration - distribution_weeks (default 6 weeks)
///   latest_end    = adoption_working_days working days before submission (default 10), the
///                   submission day not counted (working_days.hpp convention), at the NEW YORK
///                   calendar: the report is submitted to, processed and distributed by UNHQ.
///   member_states = the planner's member_states_by, when set
/// Weeks are calendar weeks (7 days); a week-based date is not rolled to a working day.
#include "gge/model/mandates.hpp"
#include "gge/rules/calendar/ga_calendar.hpp"
#include "gge/rules/calendar/working_days.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gge {

/// A default of the chain with where it comes from (data, overridable per mandate).
struct DeadlineDefault {
  int value = 0;
  std::string_view source;
};

inline constexpr std::string_view k_deadline_defaults_source =
    "DOMAIN.md \"Documents and deadlines\"";
/// Pre-session documents are submitted for processing at least 10 weeks before consideration.
inline constexpr DeadlineDefault k_default_submission_weeks{10, k_deadline_defaults_source};
/// ... and distributed in all six official languages at least 6 weeks before.
inline constexpr DeadlineDefault k_default_distribution_weeks{6, k_deadline_defaults_source};
/// Working days between the body's last session day and submission, to adopt and edit the report.
inline constexpr DeadlineDefault k_default_adoption_working_days{
    10, "gge's choice; DOMAIN.md \"Documents and deadlines\" leaves it configurable"};

/// One derived date and how it was derived.
struct DeadlineStep {
  std::string kind;         ///< "consideration", "submission", "distribution", "latest_end",
                            ///< "member_states"
  Date date{};
  std::string explanation;  ///< "= 2005-09-13 (GA 60 opening, rule 57/301, week 3) − 10 weeks ..."
  /// "2005-07-05  submission     = 2005-09-13 (...) − 10 weeks ...": the date, the kind padded,
  /// the explanation.
  [[nodiscard]] std::string line() const;
  friend bool operator==(const DeadlineStep&, const DeadlineStep&) = default;
};

/// The chain of `m`, in the order above. `ny` is the New York working calendar (pass the
/// GaCalendar's own to keep them consistent). Throws InputError when `m.report_to_session` is
/// outside 1..k_max_ga_session (and no consider_on is set), when an override is negative, or when
/// a count cannot be met inside the supported range.
std::vector<DeadlineStep> derive_deadlines(const Mandate& m, const GaCalendar& ga,
                                           const WorkingCalendar& ny);

/// The steps as storable deadlines of mandate `mandate` (source = the step's explanation).
std::vector<Deadline> to_deadlines(std::string_view mandate, std::span<const DeadlineStep> steps);

/// One difference between two computations of the same mandate's deadlines, by kind.
struct DeadlineChange {
  enum class What { added, removed, moved, reexplained };
  What what = What::moved;
  std::string kind;
  std::optional<Date> before;  ///< unset when added
  std::optional<Date> after;   ///< unset when removed
  std::string before_source;
  std::string after_source;
  /// "submission  2005-07-05 -> 2005-07-12  (= ...)", "member_states  added 2005-05-31", ...
  [[nodiscard]] std::string line() const;
  friend bool operator==(const DeadlineChange&, const DeadlineChange&) = default;
};

/// What changed from `before` to `after` (matched by kind; order of `after`, then removed kinds).
/// Unchanged deadlines (same date and source) are not listed.
std::vector<DeadlineChange> diff_deadlines(std::span<const Deadline> before,
                                           std::span<const Deadline> after);

}  // namespace gge
