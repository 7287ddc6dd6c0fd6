#pragma once
/// A duty station's office closures, computed from its holiday rules (data/holidays/*.toml) and
/// the confirmed dates of the yearly information circulars (DOMAIN.md "Holidays").
///
/// How a year is computed:
/// 1. Every rule of the station that applies in a year (`from_year`..`to_year`, inclusive, by the
///    year of the rule's own day) names its *actual* day(s): fixed, nth/last weekday (+ `offset`
///    days, so "the Thursday after the first Sunday of September" is nth_weekday 1 Sunday +4),
///    Easter + `offset`, or a tabular Hijri date (status *estimated*; 0, 1 or 2 per year).
/// 2. A stored `Holiday` of the station with status `confirmed` replaces the nearest occurrence
///    (within 45 days) of the rule with the same name: named "X" it gives the actual day (moved
///    by the rule's observance if it is a weekend day); named "X (observed)" it gives the closed
///    day itself. Confirmed holidays that match no rule are closures of their own. Stored rows
///    with another status (derived copies) are ignored.
/// 3. Closures on weekdays keep their day. Weekend days move by the rule's `Observance`, in order
///    of actual day; an observed day never lands on a weekend or on another closure: it keeps
///    moving the same way. `Observance::none` keeps the weekend day (no working day is lost).
/// A closure belongs to the year of its *observed* day (New Year 2022, a Saturday, observed on
/// Friday 31 December 2021 belongs to 2021). Two rules on the same weekday give two closures on
/// that day.
#include "gge/model/holiday.hpp"
#include "gge/model/holiday_rule.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gge {

/// One day a station is closed.
struct Closure {
  std::string name;        ///< "Independence Day"
  Date actual{};           ///< the day the rule (or the circular) names; may be a weekend day
  Date observed{};         ///< the day the office is closed
  HolidayStatus status = HolidayStatus::rule;  ///< rule, estimated (Hijri) or confirmed
  std::string source;      ///< the rule's or the record's source
  friend bool operator==(const Closure&, const Closure&) = default;
};

/// The days rule `r` names in Gregorian `year` before observance (empty when the rule does not
/// apply that year; a Hijri rule may give two). Ignores `r.station`. `year` outside 1900..2199
/// throws InputError naming the range; an invalid rule throws InputError (validate(HolidayRule)).
std::vector<Date> rule_days(const HolidayRule& r, int year);

/// The closures of `station` whose observed day is in years `first_year`..`last_year` (inclusive),
/// sorted by observed day then name. `rules` and `holidays` may hold other stations' rows (they are
/// skipped). Years outside 1900..2199 (or first_year > last_year) throw InputError naming the range.
std::vector<Closure> station_closures(std::string_view station, int first_year, int last_year,
                                      std::span<const HolidayRule> rules,
                                      std::span<const Holiday> holidays);

/// `station_closures` for one year.
std::vector<Closure> station_closures(std::string_view station, int year,
                                      std::span<const HolidayRule> rules,
                                      std::span<const Holiday> holidays);

/// The closures (sorted by observed day, as station_closures returns them) as storable rows:
/// date = observed day; a moved closure is named "X (observed)"; closures sharing a day become one
/// row "X / Y" (rows are keyed by station and date) with the least sure status
/// (estimated < rule < confirmed).
std::vector<Holiday> to_holidays(std::string_view station, std::span<const Closure> closures);

}  // namespace gge
