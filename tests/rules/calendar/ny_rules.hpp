#pragma once
// UNHQ New York's holiday rules as the tests build them in code (the shipped data file,
// data/holidays/unhq-new-york.toml, is tested in tests/formats against the same examples).
#include "gge/model/holiday_rule.hpp"

#include <string>
#include <vector>

namespace gge::test {

inline HolidayRule rule(std::string station, std::string name, HolidayRuleKind kind, int a, int b,
                        int c, Observance o, int from = 0, int to = 0) {
  HolidayRule r;
  r.station = std::move(station);
  r.name = std::move(name);
  r.kind = kind;
  r.observance = o;
  r.from_year = from;
  r.to_year = to;
  switch (kind) {
    case HolidayRuleKind::fixed: r.month = a; r.day = b; break;
    case HolidayRuleKind::nth_weekday: r.month = a; r.weekday = b; r.nth = c; break;
    case HolidayRuleKind::last_weekday: r.month = a; r.weekday = b; break;
    case HolidayRuleKind::easter: r.offset = a; break;
    case HolidayRuleKind::hijri: r.hijri_month = a; r.hijri_day = b; break;
  }
  r.source = "test";
  return r;
}

inline std::vector<HolidayRule> ny_rules() {
  using K = HolidayRuleKind;
  const auto n = Observance::nearest;
  // UNHQ moves a Saturday New Year to the Monday after (2005), other Saturdays to the Friday.
  return {rule("NY", "New Year's Day", K::fixed, 1, 1, 0, Observance::monday),
          rule("NY", "Presidents' Day", K::nth_weekday, 2, 1, 3, n, 0, 2015),
          rule("NY", "Good Friday", K::easter, -2, 0, 0, n),
          rule("NY", "Memorial Day", K::last_weekday, 5, 1, 0, n),
          rule("NY", "Eid al-Fitr", K::hijri, 10, 1, 0, n, 1998),
          rule("NY", "Independence Day", K::fixed, 7, 4, 0, n),
          rule("NY", "Eid al-Adha", K::hijri, 12, 10, 0, n, 1998),
          rule("NY", "Labour Day", K::nth_weekday, 9, 1, 1, n),
          rule("NY", "Thanksgiving Day", K::nth_weekday, 11, 4, 4, n),
          rule("NY", "Christmas Day", K::fixed, 12, 25, 0, n)};
}

}  // namespace gge::test
