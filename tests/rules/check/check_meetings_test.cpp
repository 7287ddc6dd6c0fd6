#include "check_support.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using namespace gge::test;

TEST_CASE("meeting outside its session's days", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-11", "2005-04-15");
  p.meeting("A", 1, "2005-04-15", "10:00", "13:00");
  p.meeting("A", 1, "2005-04-18", "10:00", "13:00");
  const auto all = p.check();
  const auto o = with_code(all, "meeting-outside-session");
  REQUIRE(o.size() == 1);
  CHECK(o[0].severity == Severity::error);
  CHECK(o[0].subjects == std::vector<std::string>{"A#1 2005-04-18 10:00-13:00"});
  CHECK(o[0].fix.find("11 to 15 April 2005") != std::string::npos);
  CHECK(with_code(all, "meeting-outside-hours").empty());
}

TEST_CASE("meeting outside the station's meeting hours", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-11", "2005-04-15");
  SECTION("starting before 09:00") {
    p.meeting("A", 1, "2005-04-12", "08:00", "10:00");
    const auto o = with_code(p.check(), "meeting-outside-hours");
    REQUIRE(o.size() == 1);
    CHECK(o[0].severity == Severity::warning);
    CHECK(o[0].rule.find("09:00 to 21:00") != std::string::npos);
  }
  SECTION("hours are the station's own") {
    p.sc.stations[0].hours_to = Minutes{18 * 60};
    p.meeting("A", 1, "2005-04-12", "15:00", "19:00");
    CHECK(with_code(p.check(), "meeting-outside-hours").size() == 1);
  }
  SECTION("near-miss: 18:00-21:00 ends exactly when the hours end") {
    p.meeting("A", 1, "2005-04-12", "18:00", "21:00");
    p.meeting("A", 1, "2005-04-13", "09:00", "10:00");
    CHECK(p.check().empty());
  }
}

TEST_CASE("a meeting of a session that does not exist", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-11", "2005-04-15");
  p.session("A", 2, "2005-06-13", "2005-06-17", "NY", "CR1", SessionStatus::cancelled);
  p.meeting("A", 2, "2005-06-13", "10:00", "13:00");  // of a cancelled session: ignored
  CHECK(p.check().empty());
  p.meeting("A", 3, "2005-06-13", "10:00", "13:00");
  const auto u = with_code(p.check(), "unknown-session");
  REQUIRE(u.size() == 1);
  CHECK(u[0].session == 3);
}
