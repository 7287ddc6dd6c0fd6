#include "check_support.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using namespace gge::test;

TEST_CASE("weekend: a session starting on a Saturday", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-09", "2005-04-13");  // Sat .. Wed, no meetings
  const auto w = with_code(p.check(), "weekend");
  REQUIRE(w.size() == 1);
  CHECK(w[0].severity == Severity::error);
  CHECK(w[0].body == "A");
  CHECK(w[0].session == 1);
  CHECK(w[0].first == day("2005-04-09"));
  CHECK(w[0].reason.find("Saturday 9 April 2005") != std::string::npos);
}

TEST_CASE("weekend: near-miss, a two-week session spans a weekend but starts and ends on weekdays",
          "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-11", "2005-04-22");
  p.session("B", 1, "2005-05-02", "2005-05-13", "GVA");
  p.standard_meetings("B", 1, "2005-05-02", "2005-05-13");
  CHECK(p.check().empty());
}

TEST_CASE("weekend: a meeting held on a Sunday", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-04-11", "2005-04-17");
  p.meeting("A", 1, "2005-04-11", "10:00", "13:00");
  p.meeting("A", 1, "2005-04-17", "10:00", "13:00");
  const auto all = p.check();
  const auto w = with_code(all, "weekend");
  REQUIRE(w.size() == 1);
  CHECK(w[0].first == day("2005-04-17"));
  CHECK(mentions(w[0].subjects, "A#1 2005-04-17 10:00-13:00"));
  CHECK_FALSE(mentions(w[0].subjects, "A#1 2005-04-11 10:00-13:00"));
}

TEST_CASE("holiday: a closure of the session's station, named", "[rules][check]") {
  Plan p;
  p.sc.holidays.push_back({"NY", day("2005-07-04"), "Independence Day", HolidayStatus::confirmed});
  p.session("A", 1, "2005-07-04", "2005-07-08");
  const auto h = with_code(p.check(), "holiday");
  REQUIRE(h.size() == 1);
  CHECK(h[0].first == day("2005-07-04"));
  CHECK(h[0].last == day("2005-07-04"));
  CHECK(h[0].reason.find("Independence Day") != std::string::npos);
  CHECK(h[0].reason.find("Monday 4 July 2005") != std::string::npos);
}

TEST_CASE("holiday: near-misses", "[rules][check]") {
  Plan p;
  p.sc.holidays.push_back({"NY", day("2005-07-04"), "Independence Day", HolidayStatus::confirmed});
  SECTION("a holiday at another station") { p.session("A", 1, "2005-07-04", "2005-07-08", "GVA"); }
  SECTION("a session whose meetings skip the holiday") {
    p.session("A", 1, "2005-07-04", "2005-07-08");
    p.standard_meetings("A", 1, "2005-07-05", "2005-07-08");
  }
  SECTION("a cancelled session") {
    p.session("A", 1, "2005-07-04", "2005-07-08", "NY", "CR1", SessionStatus::cancelled);
  }
  CHECK(p.check().empty());
}

TEST_CASE("holiday: a meeting on a closure, and a caller-supplied closure lookup",
          "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-03-21", "2005-03-25", "GVA");
  p.standard_meetings("A", 1, "2005-03-21", "2005-03-25");
  CHECK(with_code(p.check(), "holiday").empty());
  const ClosureLookup good_friday = [](const std::string& station, Date d) -> std::optional<std::string> {
    if (station == "GVA" && d == day("2005-03-25")) return "Good Friday";
    return std::nullopt;
  };
  const auto h = with_code(p.check({}, {}, good_friday), "holiday");
  REQUIRE(h.size() == 1);
  CHECK(h[0].first == day("2005-03-25"));
  CHECK(h[0].subjects.size() == 2);  // both meetings of that day
  CHECK(h[0].reason.find("Good Friday") != std::string::npos);
}

TEST_CASE("blackout: at the station or at every station, with its severity", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-07-04", "2005-07-08", "GVA");
  SECTION("station blackout, a warning") {
    p.sc.blackouts.push_back({"GVA", day("2005-07-07"), day("2005-07-20"), "ECOSOC", Severity::warning});
    const auto b = with_code(p.check(), "blackout");
    REQUIRE(b.size() == 1);
    CHECK(b[0].severity == Severity::warning);
    CHECK(b[0].first == day("2005-07-07"));
    CHECK(b[0].last == day("2005-07-08"));
    CHECK(b[0].reason.find("ECOSOC") != std::string::npos);
  }
  SECTION("every station") {
    p.sc.blackouts.push_back({"", day("2005-07-01"), day("2005-07-04"), "audit", Severity::error});
    const auto b = with_code(p.check(), "blackout");
    REQUIRE(b.size() == 1);
    CHECK(b[0].severity == Severity::error);
  }
  SECTION("near-misses: another station, or ending the day before") {
    p.sc.blackouts.push_back({"NY", day("2005-07-01"), day("2005-07-31"), "x", Severity::error});
    p.sc.blackouts.push_back({"GVA", day("2005-06-20"), day("2005-07-03"), "y", Severity::error});
    CHECK(p.check().empty());
  }
}

TEST_CASE("high-level week: a New York session during it", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-09-19", "2005-09-23");
  p.session("B", 1, "2005-09-19", "2005-09-23", "GVA");
  const std::vector<Blackout> hlw = {
      {"NY", day("2005-09-20"), day("2005-09-24"), "GA 60 high-level week", Severity::error}};
  const auto all = p.check({}, hlw);
  const auto h = with_code(all, "high-level-week");
  REQUIRE(h.size() == 1);
  CHECK(h[0].body == "A");
  CHECK(h[0].first == day("2005-09-20"));
  CHECK(h[0].last == day("2005-09-23"));
  CHECK(with_code(all, "blackout").empty());
}

TEST_CASE("unknown-closures: a session where the caller has no holidays for that year", "[rules][check]") {
  Plan p;
  p.session("A", 1, "2005-03-07", "2005-03-11");                    // NY, 2005: known
  p.session("B", 1, "2004-12-29", "2005-01-04", "GVA");              // GVA, 2004 and 2005
  p.session("C", 1, "2005-03-07", "2005-03-11", "GVA", "CR1", SessionStatus::cancelled);
  CheckInput input{p.sc};
  SECTION("without the question, nothing is said") { CHECK(with_code(check_plan(input), "unknown-closures").empty()); }
  SECTION("each active session in a year without data, once, naming the years") {
    input.knows_closures = [](const std::string& station, int year) {
      return station == "NY" || year == 2004;
    };
    const auto u = with_code(check_plan(input), "unknown-closures");
    REQUIRE(u.size() == 1);  // B only: A is known, C is cancelled
    CHECK(u[0].severity == Severity::warning);
    CHECK(u[0].body == "B");
    CHECK(u[0].first == day("2004-12-29"));
    CHECK(u[0].last == day("2005-01-04"));
    CHECK(u[0].reason == "B#1 meets at GVA in 2005, for which gge has no holidays of GVA: its closures were not checked");
    CHECK(u[0].fix.find("gge holidays import") != std::string::npos);
    input.knows_closures = [](const std::string& station, int) { return station == "NY"; };
    const auto both = with_code(check_plan(input), "unknown-closures");
    REQUIRE(both.size() == 1);
    CHECK(both[0].reason.find("in 2004-2005,") != std::string::npos);
  }
}
