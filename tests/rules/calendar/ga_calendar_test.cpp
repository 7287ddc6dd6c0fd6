#include "gge/rules/calendar/ga_calendar.hpp"

#include "gge/core/error.hpp"
#include "rules/calendar/ny_rules.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace gge;
using namespace date::literals;

TEST_CASE("GA openings: DOMAIN.md and historical examples", "[rules]") {
  const GaCalendar ga;
  CHECK(ga.opening(59).date == Date{2004_y / 9 / 14});
  CHECK(ga.opening(60).date == Date{2005_y / 9 / 13});
  CHECK(ga.opening(60).source == "rule 57/301, week 3");
  CHECK_FALSE(ga.opening(60).recorded);
  CHECK(ga.opening(58).date == Date{2003_y / 9 / 16});
  CHECK(ga.opening(77).date == Date{2022_y / 9 / 13});
  CHECK(ga.opening(78).date == Date{2023_y / 9 / 5});
  CHECK(ga.opening(78).source == "rule 75/325, week 2");
  CHECK(ga.opening(79).date == Date{2024_y / 9 / 10});
  CHECK(ga.opening(80).date == Date{2025_y / 9 / 9});
  CHECK(ga.opening(57).date == Date{2002_y / 9 / 10});  // Tuesday after the second Monday
  CHECK(ga.opening(52).date == Date{1997_y / 9 / 16});  // third Tuesday
}

TEST_CASE("GA openings 58-87 follow the era rules", "[rules]") {
  const WorkingCalendar ny = make_working_calendar("NY", gge::test::ny_rules(), {});
  const GaCalendar ga({}, &ny);
  for (int n = 58; n <= 87; ++n) {
    INFO("session " << n);
    const Date open = ga.opening(n).date;
    const auto ymd = date::year_month_day{open};
    CHECK(static_cast<int>(ymd.year()) == 1945 + n);
    CHECK(ymd.month() == date::September);
    CHECK(weekday_of(open) == date::Tuesday);
    // Count the Monday-to-Sunday weeks holding a weekday of September, up to the opening.
    std::set<Date> weeks;
    for (Date d{ymd.year() / 9 / 1}; d <= open; d += date::days{1})
      if (!is_weekend(d)) weeks.insert(d - (weekday_of(d) - date::Monday));
    CHECK(static_cast<int>(weeks.size()) == (n <= 77 ? 3 : 2));
  }
  // 2017: Friday 1 September was a NY closure (Eid al-Adha), yet GA 72 opened on 12 September:
  // Rule 1 counts Monday-to-Friday weeks, not the holiday calendar.
  REQUIRE_FALSE(ny.is_working_day(Date{2017_y / 9 / 1}));
  CHECK(ga.opening(72).date == Date{2017_y / 9 / 12});
}

TEST_CASE("general debate, high-level week and session end", "[rules]") {
  const GaCalendar ga;
  const auto s59 = ga.session(59);
  CHECK(s59.general_debate_first.date == Date{2004_y / 9 / 21});
  CHECK(s59.general_debate_last == Date{2004_y / 10 / 1});
  CHECK(s59.high_level_first == Date{2004_y / 9 / 21});
  CHECK(s59.high_level_last == Date{2004_y / 9 / 27});
  CHECK(s59.end.date == Date{2005_y / 9 / 12});
  const auto s78 = ga.session(78);
  CHECK(s78.general_debate_first.date == Date{2023_y / 9 / 19});  // two Tuesdays after
  CHECK(s78.general_debate_last == Date{2023_y / 9 / 29});
  CHECK(ga.session(79).general_debate_first.date == Date{2024_y / 9 / 24});
  CHECK_THAT(ga.session(50).general_debate_first.source, Catch::Contains("assumed"));
  const Date after250 = ga.session(250).end.date + date::days{1};  // session 251's opening
  CHECK(weekday_of(after250) == date::Tuesday);
  CHECK(after250 >= Date{2196_y / 9 / 5});
  CHECK(after250 <= Date{2196_y / 9 / 11});
}

TEST_CASE("the general debate's nine working days skip NY closures", "[rules]") {
  const std::vector<Holiday> kept{{"NY", Date{2015_y / 9 / 23}, "Eid al-Adha",
                                   HolidayStatus::confirmed}};
  const WorkingCalendar ny = make_working_calendar("NY", gge::test::ny_rules(), kept);
  const auto s70 = GaCalendar({}, &ny).session(70);
  CHECK(s70.opening.date == Date{2015_y / 9 / 15});
  CHECK(s70.general_debate_first.date == Date{2015_y / 9 / 22});
  CHECK(s70.general_debate_last == Date{2015_y / 10 / 5});
  CHECK(s70.high_level_last == Date{2015_y / 9 / 29});
  CHECK(GaCalendar{}.session(70).general_debate_last == Date{2015_y / 10 / 2});
}

TEST_CASE("a recorded opening wins and says so", "[rules]") {
  const std::vector<GaOpening> records{{61, Date{2006_y / 9 / 19}, "test record"},
                                       {1, Date{1946_y / 1 / 10}, ""}};
  const GaCalendar ga(records);
  CHECK(ga.opening(61).date == Date{2006_y / 9 / 19});
  CHECK(ga.opening(61).recorded);
  CHECK(ga.opening(61).source == "test record");
  CHECK(ga.rule_opening(61).date == Date{2006_y / 9 / 12});
  CHECK(ga.opening(1).date == Date{1946_y / 1 / 10});
  CHECK(ga.opening(1).source == "recorded");
  CHECK(ga.session(60).end.date == Date{2006_y / 9 / 18});
  CHECK(ga.session(60).end.recorded);
  CHECK_THAT(ga.session(60).end.source, Catch::Contains("test record"));
}

TEST_CASE("session numbers out of range are refused", "[rules]") {
  const GaCalendar ga;
  CHECK_THROWS_AS(ga.opening(0), InputError);
  CHECK_THROWS_AS(ga.opening(-3), InputError);
  CHECK_THROWS_WITH(ga.session(251), Catch::Contains("between 1 and 250"));
  CHECK_NOTHROW(ga.session(250));
}
