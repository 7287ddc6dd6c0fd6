#include "check_support.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using namespace gge::test;

TEST_CASE("body overlap: two confirmed sessions of one body is an error", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-11", "2005-04-15");
  p.session("A", 2, "2005-04-14", "2005-04-20", "GVA");
  const auto o = with_code(p.check(), "body-overlap");
  REQUIRE(o.size() == 1);
  CHECK(o[0].severity == Severity::error);
  CHECK(o[0].session == 2);
  CHECK(o[0].first == day("2005-04-14"));
  CHECK(o[0].last == day("2005-04-15"));
  CHECK(mentions(o[0].subjects, "A#1"));
}

TEST_CASE("body overlap: tentative against confirmed is a warning, and near-misses", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-11", "2005-04-15");
  SECTION("planned overlapping confirmed") {
    p.session("A", 2, "2005-04-15", "2005-04-15", "GVA", "CR1", SessionStatus::planned);
    const auto all = p.check();
    CHECK(with_code(all, "body-overlap").empty());
    const auto t = with_code(all, "tentative-overlap");
    REQUIRE(t.size() == 1);
    CHECK(t[0].severity == Severity::warning);
    CHECK(t[0].rule == "body-overlap");
    CHECK_FALSE(has_errors(all, false));
    CHECK(has_errors(all, true));
  }
  SECTION("a session ending the day before another starts") {
    p.session("A", 2, "2005-04-18", "2005-04-22");
    CHECK(p.check().empty());
  }
  SECTION("a cancelled or postponed session") {
    p.session("A", 2, "2005-04-11", "2005-04-15", "NY", "CR1", SessionStatus::cancelled);
    p.session("A", 3, "2005-04-11", "2005-04-15", "NY", "CR1", SessionStatus::postponed);
    CHECK(p.check().empty());
  }
}

TEST_CASE("room double-booked: overlapping meetings in one room", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-11", "2005-04-15", "NY", "CR1");
  p.session("B", 1, "2005-04-11", "2005-04-15", "NY", "CR2");
  p.meeting("A", 1, "2005-04-12", "10:00", "13:00");
  SECTION("an overlap in CR1") {
    p.meeting("B", 1, "2005-04-12", "12:00", "14:00", "CR1");
    const auto r = with_code(p.check(), "room-double-booked");
    REQUIRE(r.size() == 1);
    CHECK(r[0].severity == Severity::error);
    CHECK(r[0].first == day("2005-04-12"));
    CHECK(mentions(r[0].subjects, "room NY/CR1"));
    CHECK(mentions(r[0].subjects, "A#1"));
    CHECK(mentions(r[0].subjects, "B#1"));
  }
  SECTION("near-miss: back-to-back 10:00-13:00 then 13:00-15:00") {
    p.meeting("B", 1, "2005-04-12", "13:00", "15:00", "CR1");
    CHECK(p.check().empty());
  }
  SECTION("near-miss: the same hours in a different room") {
    p.meeting("B", 1, "2005-04-12", "10:00", "13:00");  // the session's room, CR2
    CHECK(p.check().empty());
  }
  SECTION("near-miss: the same room name at another station") {
    p.sc.sessions[1].station = "GVA";
    p.meeting("B", 1, "2005-04-12", "10:00", "13:00", "CR1");
    CHECK(p.check().empty());
  }
  SECTION("a tentative booking is a warning") {
    p.sc.sessions[1].status = SessionStatus::planned;
    p.meeting("B", 1, "2005-04-12", "10:00", "11:00", "CR1");
    const auto t = with_code(p.check(), "tentative-overlap");
    REQUIRE(t.size() == 1);
    CHECK(t[0].rule == "room-double-booked");
    CHECK(t[0].body == "B");  // filed under the tentative session, the one to move
  }
}

TEST_CASE("expert double-booked: meetings in two zones at the same UTC instant",
          "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-11", "2005-04-15", "NY", "CR1");
  p.session("B", 1, "2005-04-11", "2005-04-15", "GVA", "CR1");
  p.meeting("A", 1, "2005-04-12", "10:00", "13:00");  // 14:00-17:00 UTC (EDT, UTC-4)
  p.expert("ru-1", {"A", "B"});
  p.expert("us-1", {"A"});
  SECTION("Geneva 16:00-18:00 CEST is 14:00-16:00 UTC") {
    p.meeting("B", 1, "2005-04-12", "16:00", "18:00");
    const auto e = with_code(p.check(), "expert-double-booked");
    REQUIRE(e.size() == 1);
    CHECK(e[0].severity == Severity::error);
    CHECK(mentions(e[0].subjects, "expert ru-1"));
    CHECK_FALSE(mentions(e[0].subjects, "expert us-1"));
  }
  SECTION("near-miss: Geneva 10:00-13:00 is 08:00-11:00 UTC, before New York opens") {
    p.meeting("B", 1, "2005-04-12", "10:00", "13:00");
    CHECK(p.check().empty());
  }
  SECTION("near-miss: Geneva 19:00-20:00 CEST starts at 17:00 UTC, when New York ends") {
    p.meeting("B", 1, "2005-04-12", "19:00", "20:00");  // 17:00-18:00 UTC: back-to-back
    CHECK(p.check().empty());
  }
  SECTION("near-miss: no expert sits on both bodies") {
    p.sc.memberships.erase(p.sc.memberships.begin() + 1);  // ru-1 leaves B
    p.meeting("B", 1, "2005-04-12", "16:00", "18:00");
    CHECK(p.check().empty());
  }
  SECTION("a session without meetings is compared by whole days") {
    p.sc.meetings.clear();
    const auto e = with_code(p.check(), "expert-double-booked");
    REQUIRE(e.size() == 1);
    CHECK(e[0].reason.find("whole session days") != std::string::npos);
  }
}

TEST_CASE("expert double-booked: each day's own offsets across the 2005 DST changes",
          "[rules][check]") {
  // Europe moved to summer time on 27 March 2005, the United States on 3 April 2005.
  Plan p;
  p.expert("ru-1", {"A", "B"});
  SECTION("28 March: New York 10:00 EST is 15:00 UTC; Geneva 15:00-17:00 CEST ends then") {
    p.session("A", 1, "2005-03-28", "2005-03-28", "NY");
    p.session("B", 1, "2005-03-28", "2005-03-28", "GVA");
    p.meeting("A", 1, "2005-03-28", "10:00", "13:00");
    p.meeting("B", 1, "2005-03-28", "15:00", "17:00");
    CHECK(p.check().empty());
  }
  SECTION("4 April: New York 10:00 EDT is 14:00 UTC, inside Geneva's 13:00-15:00 UTC") {
    p.session("A", 1, "2005-04-04", "2005-04-04", "NY");
    p.session("B", 1, "2005-04-04", "2005-04-04", "GVA");
    p.meeting("A", 1, "2005-04-04", "10:00", "13:00");
    p.meeting("B", 1, "2005-04-04", "15:00", "17:00");
    CHECK(with_code(p.check(), "expert-double-booked").size() == 1);
  }
}
