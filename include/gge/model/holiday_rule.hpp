#pragma once
/// Holiday rules: the small rule language of the holiday data files (data/holidays/*.toml),
/// stored in the database so that a planner can correct them (docs/domain.md "Holidays").
#include <optional>
#include <string>
#include <string_view>

namespace gge {

/// How a rule names its day in a year.
enum class HolidayRuleKind {
  fixed,         ///< `month`/`day` every year (25 December)
  nth_weekday,   ///< the `nth` (1..5) `weekday` of `month` (4th Thursday of November)
  last_weekday,  ///< the last `weekday` of `month` (last Monday of May)
  easter,        ///< Western (Gregorian) Easter Sunday + `offset` days (Good Friday = -2)
  hijri,         ///< `hijri_month`/`hijri_day` of the arithmetic Islamic calendar: *estimated*
};
/// "fixed", "nth_weekday", "last_weekday", "easter", "hijri".
std::string_view to_string(HolidayRuleKind k);
std::optional<HolidayRuleKind> parse_holiday_rule_kind(std::string_view s);

/// Where a rule's day goes when it falls on a weekend. The observed day never lands on another
/// holiday of the same station: it keeps moving the same way until it finds a working day.
enum class Observance {
  none,              ///< not moved (the closure is lost when it falls on a weekend)
  nearest,           ///< Saturday -> Friday before, Sunday -> Monday after (UNHQ practice)
  friday,            ///< Saturday or Sunday -> the Friday before
  monday,            ///< Saturday or Sunday -> the Monday after
  next_working,      ///< the next working day
  previous_working,  ///< the previous working day
};
/// "none", "nearest", "friday", "monday", "next_working", "previous_working".
std::string_view to_string(Observance o);
std::optional<Observance> parse_observance(std::string_view s);

/// The spelling of HolidayRule::weekday in every file: "Sunday" (0) .. "Saturday" (6).
std::string_view weekday_name(int weekday);
/// A weekday name, any case ("thursday" -> 4); nullopt for anything else.
std::optional<int> parse_weekday_name(std::string_view s);

/// One rule of a station's holiday calendar. Key: (`station`, `name`, `from_year`).
/// Applies in the years `from_year`..`to_year`, inclusive (0 = open-ended on that side).
struct HolidayRule {
  std::string station;  ///< DutyStation::code
  std::string name;     ///< "Independence Day"
  HolidayRuleKind kind = HolidayRuleKind::fixed;
  int month = 0;        ///< 1..12 (fixed, nth_weekday, last_weekday)
  int day = 0;          ///< 1..31 (fixed)
  int weekday = 0;      ///< 0 = Sunday .. 6 = Saturday (nth_weekday, last_weekday)
  int nth = 0;          ///< 1..5 (nth_weekday)
  int offset = 0;       ///< days after the rule's day, -100..100 (easter, nth_weekday, last_weekday)
  int hijri_month = 0;  ///< 1..12 (hijri): 10 = Shawwal, 12 = Dhu al-Hijjah
  int hijri_day = 0;    ///< 1..30 (hijri)
  int from_year = 0;    ///< first year the rule applies, inclusive; 0 = always
  int to_year = 0;      ///< last year the rule applies, inclusive; 0 = still applies
  Observance observance = Observance::none;
  std::string source;   ///< where the rule comes from (e.g. "ST/IC circular on official holidays"); may be empty
  friend bool operator==(const HolidayRule&, const HolidayRule&) = default;
};

}  // namespace gge
