#include "check_support.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using namespace gge::test;

TEST_CASE("fix: the nearest shift that passes every other check", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-04", "2005-04-08");
  p.session("A", 2, "2005-04-06", "2005-04-12", "NY", "CR1", SessionStatus::planned);
  const auto t = with_code(p.check(), "tentative-overlap");
  REQUIRE(t.size() == 1);
  // Earlier shifts would put #2 before #1; +1, +2 still overlap; +3..+5 start or end on a
  // weekend.
  CHECK(t[0].fix == "move A#2 to 12 to 18 April 2005 (6 days later)");
}

TEST_CASE("fix: avoids closures, blackouts and other bodies' rooms and experts", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-04", "2005-04-08");                 // Mon-Fri
  p.session("A", 2, "2005-04-08", "2005-04-08", "NY", "CR1",     // overlaps on Friday
            SessionStatus::planned);
  SECTION("a closure on Monday 11 April") {
    p.sc.holidays.push_back({"NY", day("2005-04-11"), "Test Day", HolidayStatus::confirmed});
    CHECK(with_code(p.check(), "tentative-overlap")[0].fix ==
          "move A#2 to 12 April 2005 (4 days later)");
  }
  SECTION("a blackout, a room taken and an expert busy") {
    p.sc.blackouts.push_back({"NY", day("2005-04-11"), day("2005-04-11"), "x", Severity::warning});
    p.session("B", 1, "2005-04-12", "2005-04-12", "NY", "CR1");   // same room
    p.session("C", 1, "2005-04-13", "2005-04-13", "GVA", "CR2");  // shares an expert
    p.expert("fr-1", {"A", "C"});
    const auto all = p.check();
    const auto t = with_code(all, "tentative-overlap");
    REQUIRE(t.size() == 1);
    // 13 April: C the same day; 14 April: C the day before (other zone) - conservative.
    CHECK(t[0].fix == "move A#2 to 15 April 2005 (7 days later)");
  }
}

TEST_CASE("fix: a held session is history", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-09", "2005-04-13", "NY", "CR1", SessionStatus::held);
  const auto w = with_code(p.check(), "weekend");
  REQUIRE(w.size() == 1);
  CHECK(w[0].fix == "none: A#1 has been held");
}

TEST_CASE("fix: none within the search window", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-09", "2005-04-13");
  p.sc.blackouts.push_back({"", day("2005-01-01"), day("2005-12-31"), "closed", Severity::warning});
  CheckOptions opt;
  opt.fix_search_days = 30;
  const auto w = with_code(p.check({}, {}, {}, opt), "weekend");
  REQUIRE(w.size() == 1);
  CHECK(w[0].fix.find("no shift of A#1 within 30 days") == 0);
}
