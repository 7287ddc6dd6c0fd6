#pragma once
/// The calendars a command needs, built once from the store: each station's working calendar
/// (holiday rules + confirmed holidays, rules/calendar/working_days.hpp) and the GA calendar (recorded
/// openings + Rule 1, with the New York calendar for the general debate).
#include "gge/rules/check/check.hpp"
#include "gge/rules/calendar/ga_calendar.hpp"
#include "gge/rules/calendar/working_days.hpp"
#include "gge/store/store.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gge {

class Calendars {
public:
  /// Reads the stations, holiday rules, holidays and GA records of `store` (not kept).
  explicit Calendars(const Store& store);
  Calendars(const Calendars&) = delete;
  Calendars& operator=(const Calendars&) = delete;

  /// The working calendar of station `code`; an unknown station is an InputError naming `field`.
  [[nodiscard]] const WorkingCalendar& station(const std::string& code,
                                               std::string_view field = "station") const;
  /// The code of the New York station (zone America/New_York), or "" when there is none.
  [[nodiscard]] const std::string& new_york() const noexcept { return m_new_york; }
  /// The GA calendar (New York's working calendar when there is a New York station, else
  /// Monday to Friday).
  [[nodiscard]] const GaCalendar& ga() const noexcept { return *m_ga; }
  /// New York's working calendar, or Monday to Friday when there is no New York station.
  [[nodiscard]] const WorkingCalendar& ny() const noexcept { return m_ga->working_calendar(); }
  /// The GA high-level weeks whose days meet the years `first_year`..`last_year` (inclusive),
  /// as error blackouts at the New York station (none when there is no New York station).
  [[nodiscard]] std::vector<Blackout> high_level_weeks(int first_year, int last_year) const;
  /// A closure lookup for `check_plan`: the name of the closure of a station on a day.
  [[nodiscard]] ClosureLookup closure_lookup() const;
  /// Whether station `code` has closure data in `year`: a holiday rule whose years include it
  /// (from_year/to_year, 0 = open) or a dated holiday in it. False for an unknown station.
  [[nodiscard]] bool knows_closures(const std::string& code, int year) const;

private:
  struct Coverage {
    std::vector<std::pair<int, int>> rule_years;  ///< inclusive year ranges of the rules
    std::vector<int> holiday_years;               ///< sorted, unique
  };
  std::map<std::string, WorkingCalendar, std::less<>> m_stations;
  std::map<std::string, Coverage, std::less<>> m_coverage;
  std::string m_new_york;
  std::unique_ptr<GaCalendar> m_ga;
};

}  // namespace gge
