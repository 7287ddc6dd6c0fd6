#pragma once
/// The conflict checker: every problem of a plan as data (`gge check`).
///
/// Pure: no I/O, no clock. The caller supplies what lives elsewhere (the GA high-level weeks,
/// rule-derived holidays) through `CheckInput`.
///
/// Conventions (documented once, used by every rule):
/// - Only *active* sessions count: planned, confirmed, held. Cancelled and postponed sessions and
///   their meetings are ignored for every rule.
/// - A session's days are inclusive `first..last`. A session "meets" on the days of its meetings;
///   a session without meetings is taken to meet on every working day (Mon-Fri) of its range.
/// - Weekend: a session whose first or last day is a Saturday or Sunday, or a meeting on one.
///   A session without meetings whose working days include a closure of its station is a
///   `holiday`; with meetings, only a meeting held on a closure is.
/// - Meeting days of a session (for `days_entitled`): the distinct dates of its meetings, or its
///   working days when it has no meetings.
/// - Meetings are wall-clock `[start, end)` in the session station's zone. Room double-booking
///   compares local times at one station; expert double-booking compares UTC instants (local time
///   converted with the station's IANA zone). Back-to-back meetings (one ends when the next
///   starts) do not overlap. A session without meetings occupies its whole days
///   `[first 00:00, last+1 00:00)` local, in its own room.
/// - Overlaps are reported once per pair of sessions (and room), with the overlapping days.
///   Both sessions confirmed or held: the family's code, an error. A planned session involved:
///   `tentative-overlap`, a warning, with `rule` naming the family. Two sessions of one body
///   sharing a room are one `body-overlap`, not also a room finding.
/// - The mandate of a session: the body's mandate with the latest `start` not after the
///   session's first day (else the body's earliest mandate).
/// - Travel: an expert on the sessions of two bodies (or one) at different stations needs at
///   least one working day (Mon-Fri) strictly between the end of one and the start of the next.
#include "gge/model/finding.hpp"
#include "gge/model/scenario.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gge {

/// Returns the closure's name when `station` is closed on `day`, nullopt when it is open.
using ClosureLookup = std::function<std::optional<std::string>(const std::string& station, Date day)>;

/// Which findings to report. Every rule still sees the whole plan (an overlap with a session of
/// another body is found); the filter selects the findings that involve the body / mandate and
/// whose days intersect `from..to` (inclusive).
struct CheckFilter {
  std::string body;          ///< Body::symbol; empty = every body
  std::string mandate;       ///< Mandate::key: its body's findings; empty = every mandate
  std::optional<Date> from;  ///< first day of interest, inclusive
  std::optional<Date> to;    ///< last day of interest, inclusive
};

struct CheckOptions {
  bool suggest_fixes = true;  ///< compute `Finding::fix` for session-level findings
  int fix_search_days = 366;  ///< how far (days, each way) the fix search looks
};

/// Everything `check_plan` reads. `scenario` must outlive the call.
struct CheckInput {
  const Scenario& scenario;
  /// GA high-level weeks (computed by the caller from the GA calendar), as blackouts with a
  /// station (normally "NY"; empty = every station). Reported as `high-level-week`.
  std::vector<Blackout> high_level_weeks{};
  /// Closures of a station; empty = every `scenario.holidays` row is a closure.
  ClosureLookup closure{};
  CheckFilter filter{};
  CheckOptions options{};
  /// Whether the caller has closure data (holiday rules or dated holidays) for `station` in
  /// `year`; empty = it has, everywhere. An active session in a year without it gets an
  /// `unknown-closures` warning: its closures were not checked.
  std::function<bool(const std::string& station, int year)> knows_closures{};
};

/// Every finding of the plan, sorted by `finding_less` (body, session, code, ...): byte-stable
/// for the same input. Throws InputError when a station's zone is not an IANA zone.
std::vector<Finding> check_plan(const CheckInput& input);

/// True when a finding is an error, or (with `strict`) any finding at all.
bool has_errors(const std::vector<Finding>& findings, bool strict);

}  // namespace gge
