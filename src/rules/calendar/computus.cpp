// Western Easter and the tabular Hijri calendar (see computus.hpp for the contracts).
#include "gge/rules/calendar/computus.hpp"

#include "gge/core/error.hpp"
#include "gge/core/parse.hpp"

#include <date/islamic.h>
#include <fmt/format.h>

namespace gge {
namespace {

void check_year(int year) {
  if (year < k_first_year || year > k_last_year)
    throw InputError("", "year", std::to_string(year),
                     fmt::format("outside the supported range {}..{}", k_first_year, k_last_year));
}

}  // namespace

Date easter_sunday(int year) {
  check_year(year);
  // Anonymous Gregorian algorithm. a: place in the 19-year Metonic cycle; b, c: century and year
  // in the century; the rest finds the Paschal full moon (h) and the following Sunday (l).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{date::year{year} / static_cast<unsigned>(month) / static_cast<unsigned>(day)};
}

// The tabular calendar is date/islamic.h's: the same civil epoch and the same leap years, and
// its day count is plain arithmetic, so a day past a month's end rolls into the next month.
Date hijri_to_date(HijriDate h) {
  if (h.month < 1 || h.month > 12)
    throw InputError("", "hijri_month", std::to_string(h.month), "must be between 1 and 12");
  if (h.day < 1 || h.day > 30)
    throw InputError("", "hijri_day", std::to_string(h.day), "must be between 1 and 30");
  if (h.year < 1)
    throw InputError("", "hijri_year", std::to_string(h.year), "must be at least 1");
  return date::sys_days{islamic::year_month_day{islamic::year{h.year}, islamic::month{static_cast<unsigned>(h.month)},
                                                islamic::day{static_cast<unsigned>(h.day)}}};
}

HijriDate date_to_hijri(Date d) {
  const islamic::year_month_day h{d};
  return {static_cast<int>(h.year()), static_cast<int>(static_cast<unsigned>(h.month())),
          static_cast<int>(static_cast<unsigned>(h.day()))};
}

std::vector<Date> hijri_days_in_year(int year, int hijri_month, int hijri_day) {
  check_year(year);
  const Date first{date::year{year} / 1 / 1};
  const Date last{date::year{year} / 12 / 31};
  std::vector<Date> out;
  for (int hy = date_to_hijri(first).year; hy <= date_to_hijri(last).year; ++hy) {
    const Date d = hijri_to_date({hy, hijri_month, hijri_day});
    if (d >= first && d <= last) out.push_back(d);
  }
  return out;
}

}  // namespace gge
