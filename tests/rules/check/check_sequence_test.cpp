#include "check_support.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using namespace gge::test;

TEST_CASE("out of order: a second session meeting before the first", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-06-13", "2005-06-17");
  p.session("A", 2, "2005-04-11", "2005-04-15");
  const auto o = with_code(p.check(), "out-of-order");
  REQUIRE(o.size() == 1);
  CHECK(o[0].session == 1);  // the one that starts later, with the smaller number
  CHECK(mentions(o[0].subjects, "A#2"));
}

TEST_CASE("min gap: sessions of a body closer than its minimum gap", "[rules][check]") {
  Plan p;
  p.body("A", 30);
  p.session("A", 1, "2005-04-11", "2005-04-15");
  SECTION("10 days apart") {
    p.session("A", 2, "2005-04-25", "2005-04-29");
    const auto g = with_code(p.check(), "min-gap");
    REQUIRE(g.size() == 1);
    CHECK(g[0].severity == Severity::warning);
    CHECK(g[0].session == 2);
    CHECK(g[0].reason.find("10 days") != std::string::npos);
  }
  SECTION("near-miss: exactly 30 days (next.first - previous.last)") {
    p.session("A", 2, "2005-05-15", "2005-05-19");
    CHECK(with_code(p.check(), "min-gap").empty());
  }
  SECTION("no minimum set") {
    p.sc.bodies[0].min_gap_days = 0;
    p.session("A", 2, "2005-04-18", "2005-04-22");
    CHECK(p.check().empty());
  }
}

TEST_CASE("no travel day: Friday in New York, Monday in Geneva", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-11", "2005-04-15", "NY");
  p.expert("ru-1", {"A", "B"});
  p.expert("cn-1", {"B"});
  SECTION("the expert sits on both") {
    p.session("B", 1, "2005-04-18", "2005-04-22", "GVA");
    const auto t = with_code(p.check(), "no-travel-day");
    REQUIRE(t.size() == 1);
    CHECK(t[0].severity == Severity::warning);
    CHECK(t[0].body == "B");
    CHECK(mentions(t[0].subjects, "expert ru-1"));
    CHECK_FALSE(mentions(t[0].subjects, "expert cn-1"));
    CHECK(t[0].first == day("2005-04-15"));
    CHECK(t[0].last == day("2005-04-18"));
  }
  SECTION("near-miss: a Monday free to travel") {
    p.session("B", 1, "2005-04-19", "2005-04-22", "GVA");
    CHECK(p.check().empty());
  }
  SECTION("near-miss: the same station") {
    p.session("B", 1, "2005-04-18", "2005-04-22", "NY", "CR2");
    CHECK(p.check().empty());
  }
  SECTION("near-miss: nobody sits on both") {
    p.sc.memberships.erase(p.sc.memberships.begin() + 1);
    p.session("B", 1, "2005-04-18", "2005-04-22", "GVA");
    CHECK(p.check().empty());
  }
}
