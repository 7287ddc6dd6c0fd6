#pragma once
/// Holiday data files (data/holidays/*.toml): a station's holiday rules and the confirmed dates of
/// its yearly circulars, as TOML.
///
///   station = "NY"                       # required: the DutyStation code every row belongs to
///   label = "unconfirmed"                # optional free text shown with the calendar
///   [[rule]]
///   name = "Thanksgiving Day"            # required
///   kind = "nth_weekday"                 # fixed | nth_weekday | last_weekday | easter | hijri
///   month = 11                           # fixed, nth_weekday, last_weekday
///   day = 25                             # fixed
///   weekday = "Thursday"                 # nth_weekday, last_weekday (a name, Monday..Sunday)
///   nth = 4                              # nth_weekday, 1..5
///   offset = 0                           # easter, nth_weekday, last_weekday: days after that day
///   hijri_month = 10                     # hijri
///   hijri_day = 1                        # hijri
///   from_year = 1998                     # optional, inclusive
///   to_year = 2015                       # optional, inclusive
///   observance = "nearest"               # optional, default "none" (see gge::Observance)
///   source = "ST/IC/2015/1"              # optional, where the rule comes from
///   [[confirmed]]
///   name = "Eid al-Adha"                 # the rule's name (actual day) or "NAME (observed)"
///   date = 2015-09-23                    # a TOML date or "YYYY-MM-DD"
///   source = "..."                       # optional
///
/// Every value is checked with the model's invariants (validate(HolidayRule), validate(Holiday));
/// an unknown key, an unknown kind, a field the kind does not use, a wrong type or an impossible
/// date (month 2, day 30) throws InputError located "NAME:LINE" with the field and the value.
/// A TOML syntax error is reported the same way with toml++'s description.
#include "gge/model/holiday.hpp"
#include "gge/model/holiday_rule.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace gge {

/// Everything a holiday data file holds.
struct HolidayData {
  std::string station;
  std::string label;                  ///< may be empty
  std::vector<HolidayRule> rules;     ///< in file order, station filled in
  std::vector<Holiday> confirmed;     ///< status confirmed, station filled in
};

/// Parses holiday data `text`; `name` (usually the file path) is used in error locations.
HolidayData read_holiday_data(std::string_view text, std::string_view name);
/// Reads and parses the file at `path`; an unreadable file is an InputError naming the path.
HolidayData read_holiday_data_file(const std::filesystem::path& path);

/// The rules of holiday data `text` (the confirmed dates are checked but not returned).
std::vector<HolidayRule> read_holiday_rules(std::string_view text, std::string_view name);
/// The rules of the file at `path`.
std::vector<HolidayRule> read_holiday_rules_file(const std::filesystem::path& path);

}  // namespace gge
