#pragma once
/// Holiday calendars as data (data/holidays/*.toml): importing them and listing a station's year.
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

}  // namespace gge
