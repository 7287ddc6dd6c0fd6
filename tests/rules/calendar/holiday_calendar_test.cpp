#include "gge/rules/calendar/holiday_calendar.hpp"

#include "gge/core/error.hpp"
#include "rules/calendar/ny_rules.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace gge;
using namespace date::literals;
using gge::test::ny_rules;
using gge::test::rule;

namespace {

const Closure* find(const std::vector<Closure>& cs, std::string_view name) {
  auto it = std::find_if(cs.begin(), cs.end(), [&](const Closure& c) { return c.name == name; });
  return it == cs.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("NY observed days: the circulars' examples", "[rules]") {
  const auto rules = ny_rules();
  SECTION("New Year 2005, a Saturday, on Monday 3 January") {
    const auto cs = station_closures("NY", 2005, rules, {});
    const Closure* c = find(cs, "New Year's Day");
    REQUIRE(c);
    CHECK(c->actual == Date{2005_y / 1 / 1});
    CHECK(c->observed == Date{2005_y / 1 / 3});
    CHECK(c->status == HolidayStatus::rule);
    CHECK(cs.size() == 10);  // nine closures plus Presidents' Day before 2016
    CHECK(find(cs, "Presidents' Day"));
    CHECK(find(cs, "Independence Day")->observed == Date{2005_y / 7 / 4});
  }
  SECTION("New Year 2017, a Sunday, on Monday 2 January; no Presidents' Day since 2016") {
    const auto cs = station_closures("NY", 2017, rules, {});
    CHECK(find(cs, "New Year's Day")->observed == Date{2017_y / 1 / 2});
    CHECK_FALSE(find(cs, "Presidents' Day"));
    CHECK(cs.size() == 9);
  }
  SECTION("Independence Day 2020, a Saturday, on Friday 3 July") {
    const auto cs = station_closures("NY", 2020, rules, {});
    CHECK(find(cs, "Independence Day")->actual == Date{2020_y / 7 / 4});
    CHECK(find(cs, "Independence Day")->observed == Date{2020_y / 7 / 3});
  }
  SECTION("the Eids are estimated, and only from 1998") {
    const auto cs = station_closures("NY", 2005, rules, {});
    CHECK(find(cs, "Eid al-Fitr")->status == HolidayStatus::estimated);
    CHECK(find(cs, "Eid al-Adha")->status == HolidayStatus::estimated);
    const auto old = station_closures("NY", 1997, rules, {});
    CHECK_FALSE(find(old, "Eid al-Fitr"));
    CHECK_FALSE(find(old, "Eid al-Adha"));
  }
}

TEST_CASE("an observed day never lands on another holiday", "[rules]") {
  const auto rules = ny_rules();
  SECTION("2020: Eid al-Fitr (estimated Sunday 24 May) passes Memorial Day, Monday 25 May") {
    const auto cs = station_closures("NY", 2020, rules, {});
    const Closure* eid = find(cs, "Eid al-Fitr");
    REQUIRE(eid);
    CHECK(eid->actual == Date{2020_y / 5 / 24});
    CHECK(find(cs, "Memorial Day")->observed == Date{2020_y / 5 / 25});
    CHECK(eid->observed == Date{2020_y / 5 / 26});
  }
  SECTION("2039: Christmas (Sunday) passes Eid al-Adha on Monday 26 December") {
    const auto cs = station_closures("NY", 2039, rules, {});
    CHECK(find(cs, "Christmas Day")->observed == Date{2039_y / 12 / 27});
  }
  SECTION("a Saturday holiday moving to Friday keeps moving back past a Friday closure") {
    auto rs = rules;
    rs.push_back(rule("NY", "Test Friday", HolidayRuleKind::fixed, 7, 3, 0, Observance::none));
    const auto cs = station_closures("NY", 2020, rs, {});
    CHECK(find(cs, "Independence Day")->observed == Date{2020_y / 7 / 2});
  }
  SECTION("every year 1900-2199: moved days are weekdays and collide with nothing") {
    const auto cs = station_closures("NY", 1900, 2199, rules, {});
    std::multiset<Date> days;
    for (const auto& c : cs) days.insert(c.observed);
    for (const auto& c : cs) {
      INFO(c.name << " " << to_iso(c.actual));
      CHECK_FALSE(is_weekend(c.observed));
      if (c.observed != c.actual) CHECK(days.count(c.observed) == 1);
    }
  }
}

TEST_CASE("confirmed dates replace the rule's", "[rules]") {
  const auto rules = ny_rules();
  SECTION("UNHQ kept Eid al-Adha 2015 on Wednesday 23 September") {
    const std::vector<Holiday> kept{{"NY", Date{2015_y / 9 / 23}, "Eid al-Adha",
                                     HolidayStatus::confirmed}};
    const auto estimate = station_closures("NY", 2015, rules, {});
    CHECK(find(estimate, "Eid al-Adha")->observed != Date{2015_y / 9 / 23});
    const auto cs = station_closures("NY", 2015, rules, kept);
    const Closure* eid = find(cs, "Eid al-Adha");
    CHECK(eid->observed == Date{2015_y / 9 / 23});
    CHECK(eid->status == HolidayStatus::confirmed);
    CHECK(std::count_if(cs.begin(), cs.end(),
                        [](const Closure& c) { return c.name == "Eid al-Adha"; }) == 1);
    CHECK(cs.size() == estimate.size());
  }
  SECTION("a confirmed weekend day is moved by the rule's observance (Vienna 2023)") {
    const std::vector<HolidayRule> vie{
        rule("VIE", "Eid al-Fitr", HolidayRuleKind::hijri, 10, 1, 0, Observance::monday)};
    const std::vector<Holiday> kept{{"VIE", Date{2023_y / 4 / 22}, "Eid al-Fitr",
                                     HolidayStatus::confirmed}};
    const auto cs = station_closures("VIE", 2023, vie, kept);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].actual == Date{2023_y / 4 / 22});
    CHECK(cs[0].observed == Date{2023_y / 4 / 24});
    CHECK(cs[0].status == HolidayStatus::confirmed);
    const auto rows = to_holidays("VIE", cs);
    CHECK(rows[0].name == "Eid al-Fitr (observed)");
    CHECK(rows[0].date == Date{2023_y / 4 / 24});
  }
  SECTION("an '(observed)' record gives the closed day itself") {
    const std::vector<Holiday> kept{{"NY", Date{2020_y / 7 / 6}, "Independence Day (observed)",
                                     HolidayStatus::confirmed}};
    const auto cs = station_closures("NY", 2020, rules, kept);
    CHECK(find(cs, "Independence Day")->actual == Date{2020_y / 7 / 4});
    CHECK(find(cs, "Independence Day")->observed == Date{2020_y / 7 / 6});
  }
  SECTION("confirmed days with no rule are closures; other stations and statuses are skipped") {
    const std::vector<Holiday> kept{
        {"NY", Date{2018_y / 12 / 5}, "Day of mourning", HolidayStatus::confirmed},
        {"GVA", Date{2018_y / 12 / 6}, "Other station", HolidayStatus::confirmed},
        {"NY", Date{2018_y / 12 / 7}, "Derived copy", HolidayStatus::estimated}};
    const auto cs = station_closures("NY", 2018, rules, kept);
    REQUIRE(find(cs, "Day of mourning"));
    CHECK(find(cs, "Day of mourning")->status == HolidayStatus::confirmed);
    CHECK_FALSE(find(cs, "Other station"));
    CHECK_FALSE(find(cs, "Derived copy"));
  }
}

TEST_CASE("to_holidays: one row per day", "[rules]") {
  // 2072: New Year's Day and the estimated Eid al-Adha are both Friday 1 January.
  const auto cs = station_closures("NY", 2072, ny_rules(), {});
  REQUIRE(cs.size() >= 2);
  REQUIRE(cs[0].observed == Date{2072_y / 1 / 1});
  REQUIRE(cs[1].observed == Date{2072_y / 1 / 1});
  const auto rows = to_holidays("NY", cs);
  CHECK(rows.size() == cs.size() - 1);
  CHECK(rows[0].name == "Eid al-Adha / New Year's Day");
  CHECK(rows[0].status == HolidayStatus::estimated);
  CHECK(rows[0].station == "NY");
}

TEST_CASE("rule_days: kinds, year limits and offsets", "[rules]") {
  using K = HolidayRuleKind;
  const auto none = Observance::none;
  CHECK(rule_days(rule("X", "Leap", K::fixed, 2, 29, 0, none), 2024) ==
        std::vector<Date>{Date{2024_y / 2 / 29}});
  CHECK(rule_days(rule("X", "Leap", K::fixed, 2, 29, 0, none), 2023).empty());
  CHECK(rule_days(rule("X", "Thanksgiving", K::nth_weekday, 11, 4, 4, none), 2005) ==
        std::vector<Date>{Date{2005_y / 11 / 24}});
  CHECK(rule_days(rule("X", "5th Mon", K::nth_weekday, 2, 1, 5, none), 2005).empty());
  CHECK(rule_days(rule("X", "Memorial", K::last_weekday, 5, 1, 0, none), 2005) ==
        std::vector<Date>{Date{2005_y / 5 / 30}});
  CHECK(rule_days(rule("X", "Good Friday", K::easter, -2, 0, 0, none), 2023) ==
        std::vector<Date>{Date{2023_y / 4 / 7}});
  // Jeûne genevois: the Thursday after the first Sunday of September = 1st Sunday + 4 days.
  auto jeune = rule("GVA", "Jeûne genevois", K::nth_weekday, 9, 0, 1, none);
  jeune.offset = 4;
  CHECK(rule_days(jeune, 2023) == std::vector<Date>{Date{2023_y / 9 / 7}});
  CHECK(rule_days(jeune, 2024) == std::vector<Date>{Date{2024_y / 9 / 5}});
  auto limited = rule("X", "Limited", K::fixed, 3, 1, 0, none, 2000, 2010);
  CHECK(rule_days(limited, 1999).empty());
  CHECK(rule_days(limited, 2000).size() == 1);
  CHECK(rule_days(limited, 2010).size() == 1);
  CHECK(rule_days(limited, 2011).empty());
  CHECK_THROWS_AS(rule_days(rule("X", "Bad", K::fixed, 2, 30, 0, none), 2005), InputError);
  CHECK_THROWS_WITH(rule_days(limited, 2200), Catch::Contains("1900..2199"));
  CHECK_THROWS_WITH(station_closures("NY", 1899, ny_rules(), {}), Catch::Contains("1900..2199"));
}

TEST_CASE("observance policies", "[rules]") {
  using K = HolidayRuleKind;
  const Date sat{2020_y / 7 / 4};  // a Saturday
  const Date sun{2020_y / 7 / 5};
  const auto observed = [](Date d, Observance o) {
    const auto ymd = date::year_month_day{d};
    const auto cs = station_closures(
        "X", static_cast<int>(ymd.year()),
        std::vector<HolidayRule>{rule("X", "H", K::fixed, static_cast<int>(unsigned(ymd.month())),
                                      static_cast<int>(unsigned(ymd.day())), 0, o)},
        {});
    REQUIRE(cs.size() == 1);
    return cs[0].observed;
  };
  CHECK(observed(sat, Observance::nearest) == Date{2020_y / 7 / 3});
  CHECK(observed(sun, Observance::nearest) == Date{2020_y / 7 / 6});
  CHECK(observed(sat, Observance::friday) == Date{2020_y / 7 / 3});
  CHECK(observed(sun, Observance::friday) == Date{2020_y / 7 / 3});
  CHECK(observed(sat, Observance::monday) == Date{2020_y / 7 / 6});
  CHECK(observed(sun, Observance::monday) == Date{2020_y / 7 / 6});
  CHECK(observed(sat, Observance::next_working) == Date{2020_y / 7 / 6});
  CHECK(observed(sun, Observance::previous_working) == Date{2020_y / 7 / 3});
  CHECK(observed(sat, Observance::none) == sat);
  CHECK(observed(Date{2020_y / 7 / 8}, Observance::monday) == Date{2020_y / 7 / 8});
}
