// Western Easter and the tabular Hijri calendar (see computus.hpp for the contracts).
#include "gge/rules/calendar/computus.hpp"

#include "gge/core/error.hpp"
#include "gge/core/parse.hpp"

#include <fmt/format.h>

namespace gge {
namespace {

void check_year(int year) {
  if (year < k_first_year || year > k_last_year)
    throw InputError("", "year", std::to_string(year),
                     fmt::format("outside the supported range {}..{}", k_first_year, k_last_year));
}

// Days from 1970-01-01 to the civil epoch of the Hijri calendar, Friday 16 July 622 (Julian)
// = 19 July 622 proleptic Gregorian.
constexpr long k_hijri_epoch = Date{date::year{622} / 7 / 19}.time_since_epoch().count();

// Days before the first of Hijri year `hy` (hy >= 1), counted from the epoch. The floor term
// adds the leap days: year y is leap (355 days) when (14 + 11 y) mod 30 < 11.
long days_before_year(int hy) {
  return 354L * (hy - 1) + (3 + 11L * hy) / 30;
}

// Days before month `hm` (1..12) within a Hijri year: months alternate 30, 29.
int days_before_month(int hm) { return 29 * (hm - 1) + hm / 2; }

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

Date hijri_to_date(HijriDate h) {
  if (h.month < 1 || h.month > 12)
    throw InputError("", "hijri_month", std::to_string(h.month), "must be between 1 and 12");
  if (h.day < 1 || h.day > 30)
    throw InputError("", "hijri_day", std::to_string(h.day), "must be between 1 and 30");
  if (h.year < 1)
    throw InputError("", "hijri_year", std::to_string(h.year), "must be at least 1");
  const long n = k_hijri_epoch + days_before_year(h.year) + days_before_month(h.month) + h.day - 1;
  return Date{date::days{n}};
}

HijriDate date_to_hijri(Date d) {
  const long n = d.time_since_epoch().count() - k_hijri_epoch;  // days since 1 Muharram 1
  // Estimate the year from the mean length (10631 days per 30 years), then correct.
  int hy = static_cast<int>((30L * n + 10646) / 10631);
  if (hy < 1) hy = 1;
  while (hy > 1 && days_before_year(hy) > n) --hy;
  while (days_before_year(hy + 1) <= n) ++hy;
  const int in_year = static_cast<int>(n - days_before_year(hy));  // 0-based day of the year
  int hm = 12;
  while (hm > 1 && days_before_month(hm) > in_year) --hm;
  return {hy, hm, in_year - days_before_month(hm) + 1};
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
