#pragma once
/// Working-day arithmetic at one duty station (DESIGN.md "Working-day counts").
///
/// A working day is a Monday to Friday that is not a closure of the station. The calendar covers
/// the whole supported range, 1900-01-01 to 2199-12-31 inclusive, as one bit per day, so a lookup
/// is an index and a shift. A day outside that range throws InputError naming it.
///
/// The one convention, used by every function here and every explanation built on them:
///   "N working days after D" steps forward over N working days, D itself not counted;
///   "N working days before D" steps back over N working days, D itself not counted.
/// So the result is itself a working day (for N >= 1), D need not be one, and
///   count_working_days(D + 1 day, add_working_days(D, N)) == N       (N >= 1)
///   count_working_days(subtract_working_days(D, N), D - 1 day) == N  (N >= 1)
#include "gge/core/time.hpp"
#include "gge/rules/calendar/holiday_calendar.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gge {

/// What to do with a day that is not a working day.
enum class Roll {
  before,  ///< the latest working day on or before it
  after,   ///< the earliest working day on or after it
  error,   ///< throw InputError naming the day and why it is closed
};

class WorkingCalendar {
public:
  /// Monday to Friday, no closures (the calendar used when a station has no holiday data).
  WorkingCalendar();
  /// `station`'s calendar with the given closures (their observed days; days outside the
  /// supported range are ignored).
  WorkingCalendar(std::string station, std::span<const Closure> closures);

  /// The station code given at construction ("" for the plain Monday-to-Friday calendar).
  [[nodiscard]] const std::string& station() const noexcept { return m_station; }

  /// Monday to Friday and not a closure. Throws InputError outside 1900-01-01..2199-12-31.
  [[nodiscard]] bool is_working_day(Date d) const {
    const auto i = d.time_since_epoch().count() - m_first;
    if (static_cast<std::uint64_t>(i) >= m_days) out_of_range(d);
    return (m_bits[static_cast<std::size_t>(i) >> 6] >> (i & 63)) & 1U;
  }

  /// The closure observed on `d` (the first by name if several), or nullptr. Any date accepted.
  [[nodiscard]] const Closure* closure_on(Date d) const;
  /// The closures observed in [first, last], both inclusive, sorted by day.
  [[nodiscard]] std::vector<Closure> closures_between(Date first, Date last) const;

  /// The day `n` working days after `d` (`n` < 0: before), `d` not counted; `n` == 0 gives `d`.
  /// Throws InputError when the count cannot be met inside the supported range.
  [[nodiscard]] Date add_working_days(Date d, int n) const;
  /// The day `n` working days before `d`, `d` not counted (= add_working_days(d, -n)).
  [[nodiscard]] Date subtract_working_days(Date d, int n) const;
  /// Working days in [first, last], both days inclusive; 0 when last < first.
  /// Throws InputError when either day is outside the supported range.
  [[nodiscard]] int count_working_days(Date first, Date last) const;
  /// `d` itself when it is a working day; otherwise as `how` says (see Roll).
  [[nodiscard]] Date roll(Date d, Roll how) const;

private:
  [[noreturn]] static void out_of_range(Date d);
  void set_weekdays();

  std::string m_station;
  std::int64_t m_first = 0;   // days since 1970-01-01 of 1900-01-01
  std::uint64_t m_days = 0;   // days covered
  std::vector<std::uint64_t> m_bits;  // 1 = working day
  std::vector<Closure> m_closures;    // sorted by observed day, then name
};

/// The calendar of `station` from its rules and stored holidays, over the whole supported range
/// (see station_closures for how rules and confirmed dates combine).
WorkingCalendar make_working_calendar(std::string_view station, std::span<const HolidayRule> rules,
                                      std::span<const Holiday> holidays);

}  // namespace gge
