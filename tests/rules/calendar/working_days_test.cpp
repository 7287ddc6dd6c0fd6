#include "gge/rules/calendar/working_days.hpp"

#include "gge/core/error.hpp"
#include "rules/calendar/ny_rules.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace gge;
using namespace date::literals;

namespace {

const WorkingCalendar& ny() {
  static const WorkingCalendar cal = make_working_calendar("NY", gge::test::ny_rules(), {});
  return cal;
}

}  // namespace

TEST_CASE("is_working_day: weekdays that are not closures", "[rules]") {
  const WorkingCalendar plain;
  CHECK(plain.is_working_day(Date{2005_y / 7 / 4}));       // Monday, no closures
  CHECK_FALSE(plain.is_working_day(Date{2005_y / 7 / 2}));  // Saturday
  CHECK_FALSE(ny().is_working_day(Date{2005_y / 7 / 4}));   // Independence Day
  CHECK_FALSE(ny().is_working_day(Date{2005_y / 1 / 3}));   // New Year 2005 observed
  CHECK(ny().is_working_day(Date{2005_y / 7 / 5}));
  CHECK(ny().closure_on(Date{2005_y / 7 / 4})->name == "Independence Day");
  CHECK(ny().closure_on(Date{2005_y / 7 / 5}) == nullptr);
  CHECK(ny().is_working_day(Date{1900_y / 1 / 2}));
  CHECK_THROWS_WITH(ny().is_working_day(Date{2200_y / 1 / 1}), Catch::Contains("1900-01-01..2199-12-31"));
  CHECK_THROWS_AS(ny().is_working_day(Date{1899_y / 12 / 31}), InputError);
}

TEST_CASE("add and subtract working days, the day itself not counted", "[rules]") {
  // 10 working days before Tue 5 July 2005 skips Mon 4 July (Independence Day): 20 June.
  CHECK(ny().subtract_working_days(Date{2005_y / 7 / 5}, 10) == Date{2005_y / 6 / 20});
  CHECK(WorkingCalendar{}.subtract_working_days(Date{2005_y / 7 / 5}, 10) == Date{2005_y / 6 / 21});
  CHECK(ny().add_working_days(Date{2005_y / 7 / 1}, 1) == Date{2005_y / 7 / 5});
  CHECK(ny().add_working_days(Date{2005_y / 7 / 2}, 0) == Date{2005_y / 7 / 2});
  CHECK(ny().add_working_days(Date{2005_y / 7 / 5}, -1) == Date{2005_y / 7 / 1});
  CHECK_THROWS_WITH(ny().add_working_days(Date{2199_y / 12 / 1}, 100),
                    Catch::Contains("supported range"));
  CHECK_THROWS_AS(ny().subtract_working_days(Date{1900_y / 1 / 3}, 5), InputError);
}

TEST_CASE("count_working_days counts both ends", "[rules]") {
  CHECK(ny().count_working_days(Date{2005_y / 7 / 4}, Date{2005_y / 7 / 8}) == 4);
  CHECK(WorkingCalendar{}.count_working_days(Date{2005_y / 7 / 4}, Date{2005_y / 7 / 8}) == 5);
  CHECK(ny().count_working_days(Date{2005_y / 7 / 8}, Date{2005_y / 7 / 4}) == 0);
  CHECK(ny().count_working_days(Date{2005_y / 7 / 9}, Date{2005_y / 7 / 10}) == 0);
}

TEST_CASE("roll a closed day before, after, or refuse it", "[rules]") {
  const Date july4{2005_y / 7 / 4};
  CHECK(ny().roll(july4, Roll::before) == Date{2005_y / 7 / 1});
  CHECK(ny().roll(july4, Roll::after) == Date{2005_y / 7 / 5});
  CHECK(ny().roll(Date{2005_y / 7 / 6}, Roll::error) == Date{2005_y / 7 / 6});
  CHECK_THROWS_WITH(ny().roll(july4, Roll::error), Catch::Contains("Independence Day"));
  CHECK_THROWS_WITH(ny().roll(Date{2005_y / 7 / 9}, Roll::error), Catch::Contains("weekend"));
}

TEST_CASE("round trips over random dates: add then count, subtract then count", "[rules]") {
  std::mt19937 rng(20050913);
  std::uniform_int_distribution<int> day(0, (Date{2190_y / 1 / 1} - Date{1910_y / 1 / 1}).count());
  std::uniform_int_distribution<int> count(0, 400);
  for (int i = 0; i < 2000; ++i) {
    const Date d = Date{1910_y / 1 / 1} + date::days{day(rng)};
    const int n = count(rng);
    INFO(to_iso(d) << " n=" << n);
    const Date later = ny().add_working_days(d, n);
    const Date earlier = ny().subtract_working_days(d, n);
    CHECK(ny().count_working_days(d + date::days{1}, later) == n);
    CHECK(ny().count_working_days(earlier, d - date::days{1}) == n);
    if (n > 0) {
      CHECK(ny().is_working_day(later));
      CHECK(ny().is_working_day(earlier));
      // Stepping back over the same n working days lands on the last working day on or before d.
      CHECK(ny().subtract_working_days(later, n) == ny().roll(d, Roll::before));
      CHECK(ny().add_working_days(earlier, n) == ny().roll(d, Roll::after));
    }
    if (ny().is_working_day(d)) CHECK(ny().subtract_working_days(later, n) == d);
    const Date r = ny().roll(d, Roll::after);
    CHECK(ny().is_working_day(r));
    CHECK(ny().count_working_days(d, r) == 1);
  }
}
