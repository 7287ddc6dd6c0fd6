#pragma once
/// Which days a session may use: one definition for the planner, the checker and the meeting
/// generator (the planner proposes nothing the checker refuses).
///
/// - A session's days are first..last, both inclusive. It *meets* on the station's working days
///   among them (Monday to Friday, not a closure): meeting_days. It never starts or ends on a
///   weekend or a closure.
/// - A *blocked day* is any calendar day, weekends included, covered by a blackout of the
///   session's station or of every station (blackout_applies), the GA high-level week among
///   them (a blackout at New York). No day of a session may be blocked, whatever the severity.
/// - Stretch: a session may run over at most k_max_stretch_closures closures strictly inside it
///   (never on its first or last day); its meetings skip them, so each one lengthens it by a
///   day. The checker always accepts such a session; the planner places one only when asked
///   (`gge plan --stretch`), and then counts its length in meeting days.
/// - Travel: two sessions of bodies that share an expert never overlap; at different stations a
///   weekday (Monday to Friday, closures or not) lies strictly between the last day of the
///   earlier and the first day of the later one, for the expert to travel
///   (can_share_experts). At the same station they may meet on consecutive days.
#include "gge/core/time.hpp"
#include "gge/model/blackout.hpp"
#include "gge/rules/calendar/working_days.hpp"

#include <string_view>
#include <vector>

namespace gge {

/// Closures a session may run over (strictly inside it); see the header.
inline constexpr int k_max_stretch_closures = 2;

/// Whether blackout `b` blocks days at `station` (its own station, or every station).
[[nodiscard]] bool blackout_applies(const Blackout& b, std::string_view station);

/// The days of [first, last] (inclusive) on which a session at `calendar`'s station meets.
[[nodiscard]] std::vector<Date> meeting_days(const WorkingCalendar& calendar, Date first, Date last);

/// Whether a weekday (Monday to Friday) lies strictly between `last` and `first` (`last` < `first`).
[[nodiscard]] bool weekday_between(Date last, Date first);

/// Whether sessions [a_first, a_last] at `a_station` and [b_first, b_last] at `b_station` (days
/// inclusive) can both be attended by one expert: they do not overlap, and at different stations
/// a weekday lies between them for travel.
[[nodiscard]] bool can_share_experts(Date a_first, Date a_last, std::string_view a_station, Date b_first,
                                     Date b_last, std::string_view b_station);

}  // namespace gge
