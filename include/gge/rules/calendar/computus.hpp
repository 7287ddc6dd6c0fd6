#pragma once
/// Calendar arithmetic behind the holiday rules: Western Easter and the arithmetic Hijri calendar.
/// Pure functions over civil dates (`gge::Date`, no zone).
#include "gge/core/time.hpp"

#include <vector>

namespace gge {

/// Western (Gregorian) Easter Sunday of `year` (the anonymous Gregorian computus, as given by
/// Meeus/Jones/Butcher). `year` in the supported range 1900..2199 (gge::k_first_year ..
/// gge::k_last_year); otherwise throws InputError naming that range.
Date easter_sunday(int year);

/// A day of the arithmetic (tabular) Islamic calendar: year after the Hijra, month 1..12, day 1..30.
struct HijriDate {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const HijriDate&, const HijriDate&) = default;
};

/// The civil day of a tabular Hijri date: civil (Friday, 16 July 622 Julian) epoch, leap years
/// 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle, odd months 30 days, even months
/// 29 (month 12: 30 in a leap year). An *estimate*: the observed (sighted or astronomically
/// computed) day is often one day off, sometimes two. `day` beyond the month's length rolls into
/// the next month. Month outside 1..12 or day outside 1..30 throws InputError.
Date hijri_to_date(HijriDate h);
/// The tabular Hijri date of civil day `d` (inverse of `hijri_to_date` for valid days).
HijriDate date_to_hijri(Date d);

/// Every civil day in Gregorian `year` that is `hijri_month`/`hijri_day` in the tabular calendar,
/// ascending: usually one, sometimes none or two (a Hijri year is about 354 days).
/// `year` outside 1900..2199 throws InputError naming the range.
std::vector<Date> hijri_days_in_year(int year, int hijri_month, int hijri_day);

}  // namespace gge
