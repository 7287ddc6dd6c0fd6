#include "check_support.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using namespace gge::test;

namespace {
Plan mandated(int sessions_entitled = 0, int days_entitled = 0) {
  Plan p;
  p.body("A");
  p.sc.resolutions.push_back({"58/32", day("2003-12-08"), 58, "", ""});
  Mandate m;
  m.key = "58/32-ict";
  m.body = "A";
  m.resolution = "58/32";
  m.start = day("2004-01-01");
  m.report_to_session = 60;
  m.sessions_entitled = sessions_entitled;
  m.days_entitled = days_entitled;
  p.sc.mandates.push_back(m);
  p.sc.deadlines.push_back({"58/32-ict", "latest_end", day("2005-07-29"), "test"});
  return p;
}
}  // namespace

TEST_CASE("mandate window: before the mandate starts, before the resolution, after latest end",
          "[rules][check]") {
  auto p = mandated();
  SECTION("before the mandate start (but after adoption)") {
    p.session("A", 1, "2003-12-15", "2003-12-19");
    const auto all = p.check();
    REQUIRE(with_code(all, "before-mandate").size() == 1);
    CHECK(with_code(all, "before-resolution").empty());
    CHECK(with_code(all, "before-mandate")[0].reason.find("1 January 2004") != std::string::npos);
  }
  SECTION("before the resolution was adopted") {
    p.sc.mandates[0].start = day("2003-01-01");
    p.session("A", 1, "2003-12-01", "2003-12-05");
    const auto all = p.check();
    REQUIRE(with_code(all, "before-resolution").size() == 1);
    CHECK(with_code(all, "before-resolution")[0].last == day("2003-12-05"));
    CHECK(with_code(all, "before-mandate").empty());
  }
  SECTION("ending after the latest end day") {
    p.session("A", 1, "2005-07-25", "2005-08-02");
    const auto e = with_code(p.check(), "after-latest-end");
    REQUIRE(e.size() == 1);
    CHECK(e[0].first == day("2005-07-30"));
    CHECK(e[0].last == day("2005-08-02"));
  }
  SECTION("near-miss: ending exactly on the latest end day, starting on the mandate start") {
    p.session("A", 1, "2004-01-05", "2004-01-09");
    p.session("A", 2, "2005-07-25", "2005-07-29");
    CHECK(p.check().empty());
  }
}

TEST_CASE("too many sessions: the first beyond the entitlement, and cancelled ones do not count",
          "[rules][check]") {
  auto p = mandated(2);
  p.session("A", 1, "2004-07-12", "2004-07-16");
  p.session("A", 2, "2005-01-10", "2005-01-14");
  p.session("A", 3, "2005-04-11", "2005-04-15", "NY", "CR1", SessionStatus::cancelled);
  CHECK(p.check().empty());
  p.session("A", 4, "2005-06-13", "2005-06-17");
  const auto t = with_code(p.check(), "too-many-sessions");
  REQUIRE(t.size() == 1);
  CHECK(t[0].session == 4);
  CHECK(mentions(t[0].subjects, "A#4"));
  CHECK_FALSE(mentions(t[0].subjects, "A#3"));
}

TEST_CASE("too many meeting days: meeting dates, or working days without meetings",
          "[rules][check]") {
  auto p = mandated(0, 7);
  p.session("A", 1, "2004-07-12", "2004-07-16");  // no meetings: 5 working days
  p.session("A", 2, "2005-01-10", "2005-01-14");
  p.meeting("A", 2, "2005-01-10", "10:00", "13:00");
  p.meeting("A", 2, "2005-01-10", "15:00", "18:00");
  p.meeting("A", 2, "2005-01-11", "10:00", "13:00");  // 2 meeting days: 7 in all
  CHECK(p.check().empty());
  p.meeting("A", 2, "2005-01-12", "10:00", "13:00");  // 8 > 7
  const auto t = with_code(p.check(), "too-many-days");
  REQUIRE(t.size() == 1);
  CHECK(t[0].session == 2);
  CHECK(t[0].reason.find("8 days") != std::string::npos);
}
