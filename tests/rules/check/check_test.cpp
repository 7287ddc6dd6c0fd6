#include "check_support.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace gge;
using namespace gge::test;


TEST_CASE("check_plan: sorted by body, session, code", "[rules][check]") {
  const auto all = two_bodies().check();
  REQUIRE(all.size() == 4);
  CHECK(all[0].body == "A");
  CHECK(all[0].session == 1);
  CHECK(all[0].code == "holiday");
  CHECK(all[1].code == "body-overlap");
  CHECK(all[2].code == "weekend");
  CHECK(all[2].body == "B");
  CHECK(all[3].code == "meeting-outside-hours");
  CHECK(std::is_sorted(all.begin(), all.end(), finding_less));
}

TEST_CASE("check_plan: the order of the input does not change the output", "[rules][check]") {
  auto p = two_bodies();
  const auto before = p.check();
  std::mt19937 rng{42};
  std::shuffle(p.sc.sessions.begin(), p.sc.sessions.end(), rng);
  std::reverse(p.sc.stations.begin(), p.sc.stations.end());
  CHECK(p.check() == before);
}

TEST_CASE("check_plan: filters by body, mandate and days", "[rules][check]") {
  auto p = two_bodies();
  CheckFilter f;
  f.body = "B";
  auto only_b = p.check(f);
  REQUIRE(only_b.size() == 2);
  CHECK(only_b[0].body == "B");
  f = {};
  f.from = day("2005-07-09");
  f.to = day("2005-09-30");
  const auto window = p.check(f);
  REQUIRE(window.size() == 1);  // B#1's weekend; A#2's overlap is 7-8 July
  CHECK(window[0].code == "weekend");
  p.sc.mandates.push_back({"m-a", "A", "1/1", day("2000-01-01"), 60});
  f = {};
  f.mandate = "m-a";
  CHECK(p.check(f).size() == 2);
  f.mandate = "no-such";
  CHECK(p.check(f).empty());
}

TEST_CASE("has_errors: errors, or anything with strict", "[rules][check]") {
  std::vector<Finding> none;
  CHECK_FALSE(has_errors(none, true));
  Finding w;
  w.severity = Severity::warning;
  CHECK_FALSE(has_errors({w}, false));
  CHECK(has_errors({w}, true));
  Finding e;
  CHECK(has_errors({w, e}, false));
}

TEST_CASE("check_plan: an unknown zone is bad input", "[rules][check]") {
  Plan p;
  p.sc.stations[0].zone = "Mars/Olympus";
  CHECK_THROWS_AS(p.check(), InputError);
}
