#pragma once
/// The time vocabulary of gge, aliased once (DESIGN.md "Time").
///
/// - `Date`: a civil day with no zone (sessions, deadlines, holidays). Days since 1970-01-01.
/// - `Minutes`: a wall-clock time of day in a duty station's zone, minutes after local midnight,
///   in [0, 1440]. 1440 means the midnight that ends the day (a meeting may end there).
/// - `Instant`: a real UTC instant, only where one is meant (the change log, DTSTAMP).
#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <string>

namespace gge {

using Date = date::sys_days;
using Minutes = std::chrono::minutes;
using Instant = date::sys_seconds;
using date::local_days;
using date::local_seconds;

inline constexpr Minutes k_day_minutes{1440};

/// "2004-07-12". Always ISO 8601 extended, four-digit year.
std::string to_iso(Date d);
/// "10:00". `m` in [0, 1440]; 1440 prints "24:00".
std::string to_hhmm(Minutes m);
/// "2026-11-28T15:17:09Z", second precision, UTC.
std::string to_iso(Instant t);

/// "12 July 2004", as UN documents write a day.
std::string to_un_long(Date d);
/// "12 to 16 July 2004", "29 August to 2 September 2016", "28 December 2015 to 8 January 2016":
/// an inclusive range of days written as UN documents write it. `first <= last`.
std::string to_un_range(Date first, Date last);

/// Day of the week of `d` (date::Monday ... date::Sunday).
inline date::weekday weekday_of(Date d) { return date::weekday{d}; }
/// Saturday or Sunday.
inline bool is_weekend(Date d) {
  auto w = weekday_of(d);
  return w == date::Saturday || w == date::Sunday;
}

}  // namespace gge
