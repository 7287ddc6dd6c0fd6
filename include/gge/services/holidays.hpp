#pragma once
/// Holiday calendars as data (data/holidays/*.toml): importing them and listing a station's year.
#include "gge/rules/calendar/deadlines.hpp"
#include "gge/rules/calendar/holiday_calendar.hpp"
#include "gge/store/store.hpp"

#include <filesystem>
#include <span>
#include <vector>

namespace gge {

/// What an import stored, per file.
struct HolidayImport {
  std::string station;
  std::size_t rules = 0, confirmed = 0;
};

/// Reads every file first (a bad file is an InputError naming file, line, field and value), then
/// in one transaction replaces each file's station's rules and adds its confirmed dates. A file
/// naming a station the database does not have is an InputError; nothing is written.
std::vector<HolidayImport> import_holiday_files(Store& store,
                                                std::span<const std::filesystem::path> files);

/// The closures of `station` observed in `year` (rules, estimates and confirmed dates combined).
/// Unknown station or a year outside 1900..2199: InputError.
std::vector<Closure> station_year(const Store& store, const std::string& station, int year);

/// What confirming a holiday did.
struct HolidayConfirmation {
  Closure estimate;  ///< the rule's closure it replaced, as it was before (status rule/estimated)
  Closure closure;   ///< the closure now, status confirmed
  /// The deadlines that moved or were re-explained, per mandate (refresh_deadlines).
  std::vector<std::pair<std::string, std::vector<DeadlineChange>>> deadlines;
};

/// Records the information circular's date for holiday `name` of `station`: `actual` is the day
/// the circular names (a weekend day moves by the rule's observance, as for the estimate). It
/// replaces the estimate of the rule of that name nearest to `actual`, which must lie within 45
/// days of it (rules/calendar/holiday_calendar.hpp, step 2). One transaction; the deadline chains
/// that count the station's working days are recomputed in it. InputError: an unknown station
/// (fields::k_station), no rule of that name at the station, or no estimate within 45 days
/// (field "holiday"); nothing is written.
HolidayConfirmation confirm_holiday(Store& store, const std::string& station,
                                    const std::string& name, Date actual);

}  // namespace gge
