#include "gge/formats/holidays/holiday_rules_toml.hpp"

#include "gge/core/error.hpp"
#include "gge/rules/calendar/holiday_calendar.hpp"
#include "gge/rules/calendar/working_days.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace gge;
using namespace date::literals;

namespace {

std::filesystem::path data_file(std::string_view name) {
  return std::filesystem::path{GGE_SOURCE_DIR} / "data" / "holidays" / name;
}

const Closure* find(const std::vector<Closure>& cs, std::string_view name) {
  auto it = std::find_if(cs.begin(), cs.end(), [&](const Closure& c) { return c.name == name; });
  return it == cs.end() ? nullptr : &*it;
}

std::vector<Date> observed_days(const std::vector<Closure>& cs) {
  std::vector<Date> out;
  for (const auto& c : cs) out.push_back(c.observed);
  return out;
}

std::string error_of(std::string_view text) {
  try {
    (void)read_holiday_rules(text, "bad.toml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("read_holiday_rules reads every field", "[formats]") {
  const auto rules = read_holiday_rules(R"(station = "NY"
[[rule]]
name = "Thanksgiving Day"
kind = "nth_weekday"
month = 11
weekday = "Thursday"
nth = 4
observance = "nearest"
from_year = 1950
to_year = 2100
source = "ST/IC"
[[rule]]
name = "Good Friday"
kind = "easter"
offset = -2
[[rule]]
name = "Eid al-Fitr"
kind = "hijri"
hijri_month = 10
hijri_day = 1
)",
                                        "t.toml");
  REQUIRE(rules.size() == 3);
  CHECK(rules[0].station == "NY");
  CHECK(rules[0].kind == HolidayRuleKind::nth_weekday);
  CHECK(rules[0].weekday == 4);
  CHECK(rules[0].nth == 4);
  CHECK(rules[0].month == 11);
  CHECK(rules[0].observance == Observance::nearest);
  CHECK(rules[0].from_year == 1950);
  CHECK(rules[0].to_year == 2100);
  CHECK(rules[0].source == "ST/IC");
  CHECK(rules[1].offset == -2);
  CHECK(rules[1].observance == Observance::none);
  CHECK(rules[2].hijri_month == 10);
}

TEST_CASE("bad holiday data is refused with file, line, field and value", "[formats]") {
  CHECK(error_of("station = \"NY\"\n[[rule]]\nname = \"X\"\nkind = \"lunar\"\n") ==
        std::string{"bad.toml:4: rule.kind 'lunar': unknown rule kind (fixed, nth_weekday, "
                    "last_weekday, easter, hijri)"});
  const auto impossible =
      error_of("station = \"NY\"\n[[rule]]\nname = \"X\"\nkind = \"fixed\"\nmonth = 2\nday = 30\n");
  CHECK_THAT(impossible, Catch::StartsWith("bad.toml:6: holiday_rule.day '30'"));
  CHECK_THAT(impossible, Catch::Contains("month 2 has no day 30"));
  CHECK_THAT(error_of("station = \"NY\"\n[[rule]]\nname = \"X\"\nkind = \"easter\"\noffset = 1\nday = 3\n"),
             Catch::StartsWith("bad.toml:6: rule.day '3': is not used by kind 'easter'"));
  CHECK_THAT(error_of("station = \"NY\"\n[[rule]]\nname = \"X\"\nkind = \"fixed\"\nmonth = 1\n"),
             Catch::Contains("rule.day"));
  CHECK_THAT(error_of("station = \"NY\"\n[[rule]]\nname = \"X\"\nkind = \"last_weekday\"\n"
                      "month = 5\nweekday = \"Mondy\"\n"),
             Catch::StartsWith("bad.toml:6: rule.weekday 'Mondy'"));
  CHECK_THAT(error_of("station = \"NY\"\n[[rule]]\nname = \"X\"\nkind = \"fixed\"\nmonth = \"May\"\nday = 1\n"),
             Catch::StartsWith("bad.toml:5: rule.month"));
  CHECK_THAT(error_of("station = \"NY\"\n[[rule]]\nname = \"X\"\nkind = \"fixed\"\nmonth = 5\nday = 1\n"
                      "observance = \"sideways\"\n"),
             Catch::StartsWith("bad.toml:7: rule.observance 'sideways'"));
  CHECK_THAT(error_of("station = \"NY\"\n[[rule]]\nname = \"X\"\nkind = \"fixed\"\nmonth = 5\nday = 1\n"
                      "from_year = 1800\n"),
             Catch::Contains("holiday_rule.from_year '1800'"));
  CHECK_THAT(error_of("station = \"NY\"\n[[rule]]\nname = \"X\"\nkind = \"nth_weekday\"\nmonth = 9\n"
                      "weekday = \"Sunday\"\nnth = 1\noffset = 500\n"),
             Catch::StartsWith("bad.toml:8: rule.offset '500'"));
  CHECK_THAT(error_of("station = \"NY\"\ncolour = 1\n"), Catch::StartsWith("bad.toml:2: colour"));
  CHECK_THAT(error_of("[[rule]]\nname = \"X\"\n"), Catch::Contains("station"));
  CHECK_THAT(error_of("station = \"NY\"\n[[rule]\n"), Catch::StartsWith("bad.toml:2"));
  CHECK_THAT(error_of("station = \"NY\"\n[[confirmed]]\nname = \"X\"\ndate = 2005-02-30\n"),
             Catch::StartsWith("bad.toml:4"));
  CHECK_THAT(error_of("station = \"NY\"\n[[rule]]\nname = \"X\"\nkind = \"fixed\"\nmonth = 5\nday = 1\n"
                      "[[rule]]\nname = \"X\"\nkind = \"fixed\"\nmonth = 6\nday = 1\n"),
             Catch::Contains("repeated"));
  CHECK_THROWS_WITH(read_holiday_rules_file("/nonexistent/x.toml"), Catch::Contains("cannot be read"));
}

TEST_CASE("UNHQ New York data file: the circulars' examples", "[formats]") {
  const HolidayData ny = read_holiday_data_file(data_file("unhq-new-york.toml"));
  CHECK(ny.station == "NY");
  for (const auto& r : ny.rules) CHECK_FALSE(r.source.empty());
  const auto y2005 = station_closures("NY", 2005, ny.rules, ny.confirmed);
  CHECK(find(y2005, "New Year's Day")->observed == Date{2005_y / 1 / 3});
  CHECK(find(y2005, "Presidents' Day")->observed == Date{2005_y / 2 / 21});
  CHECK(y2005.size() == 10);
  const auto y2017 = station_closures("NY", 2017, ny.rules, ny.confirmed);
  CHECK(find(y2017, "New Year's Day")->observed == Date{2017_y / 1 / 2});
  CHECK(y2017.size() == 9);
  const auto y2020 = station_closures("NY", 2020, ny.rules, ny.confirmed);
  CHECK(find(y2020, "Independence Day")->observed == Date{2020_y / 7 / 3});
  // Eid al-Fitr 2020 (estimated Sun 24 May) would be observed on Memorial Day: it moves on.
  CHECK(find(y2020, "Memorial Day")->observed == Date{2020_y / 5 / 25});
  CHECK(find(y2020, "Eid al-Fitr")->observed == Date{2020_y / 5 / 26});
  const auto y2015 = station_closures("NY", 2015, ny.rules, ny.confirmed);
  CHECK(find(y2015, "Eid al-Adha")->observed == Date{2015_y / 9 / 23});
  CHECK(find(y2015, "Eid al-Adha")->status == HolidayStatus::confirmed);
  CHECK(find(y2015, "Eid al-Fitr")->status == HolidayStatus::estimated);
  CHECK_FALSE(find(station_closures("NY", 1997, ny.rules, ny.confirmed), "Eid al-Adha"));
  // The 2004-2005 chain relies on Monday 4 July 2005 being closed.
  const auto cal = make_working_calendar("NY", ny.rules, ny.confirmed);
  CHECK(cal.subtract_working_days(Date{2005_y / 7 / 5}, 10) == Date{2005_y / 6 / 20});
}

TEST_CASE("UNOV Vienna data file gives the 2023 list of DOMAIN.md", "[formats]") {
  const HolidayData vie = read_holiday_data_file(data_file("unov-vienna.toml"));
  const auto cs = station_closures("VIE", 2023, vie.rules, vie.confirmed);
  const std::vector<Date> expected{Date{2023_y / 1 / 2},   Date{2023_y / 4 / 7},
                                   Date{2023_y / 4 / 10},  Date{2023_y / 4 / 24},
                                   Date{2023_y / 5 / 1},   Date{2023_y / 6 / 29},
                                   Date{2023_y / 10 / 26}, Date{2023_y / 12 / 25},
                                   Date{2023_y / 12 / 26}};
  CHECK(observed_days(cs) == expected);
  CHECK(find(cs, "Eid al-Fitr")->actual == Date{2023_y / 4 / 22});
  CHECK(find(cs, "Eid al-Fitr")->status == HolidayStatus::confirmed);
}

TEST_CASE("UNOG Geneva data file: unconfirmed, with the 2025 change", "[formats]") {
  const HolidayData gva = read_holiday_data_file(data_file("unog-geneva.toml"));
  CHECK_THAT(gva.label, Catch::Contains("unconfirmed"));
  const auto y2024 = station_closures("GVA", 2024, gva.rules, gva.confirmed);
  CHECK(find(y2024, "Whit Monday")->observed == Date{2024_y / 5 / 20});
  CHECK(find(y2024, "Jeûne genevois")->observed == Date{2024_y / 9 / 5});
  CHECK_FALSE(find(y2024, "26 December"));
  const auto y2025 = station_closures("GVA", 2025, gva.rules, gva.confirmed);
  CHECK_FALSE(find(y2025, "Whit Monday"));
  CHECK_FALSE(find(y2025, "Jeûne genevois"));
  CHECK(find(y2025, "26 December")->observed == Date{2025_y / 12 / 26});
  CHECK(find(y2025, "27 December")->actual == Date{2025_y / 12 / 27});
  CHECK(find(y2025, "Ascension")->observed == Date{2025_y / 5 / 29});
}
