// Every plan the planner returns passes the conflict checker (rules/check/check.hpp): random problems
// are turned into scenarios (closures as a closure lookup, blocks as blackouts, room bookings as
// confirmed sessions of another body, held sessions as held sessions), the best plans are added
// as planned sessions with their meetings, and check_plan must find nothing about the body.
#include "gge/core/parse.hpp"
#include "gge/rules/check/check.hpp"
#include "gge/rules/plan/plan.hpp"
#include "plan_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace gge;

namespace {

using test::add;
using test::day;
using test::Rng;


PlanProblem random_problem(unsigned seed) {
  Rng r(seed);
  PlanProblem p;
  const Date base = add(day("2005-01-03"), 7 * r.below(50));
  p.stations = {{"NY", {}, {}, {}, {}}, {"GVA", {}, {}, {}, {}}};
  for (auto& st : p.stations) {
    for (int i = r.below(5); i > 0; --i) {
      const Date c = add(base, r.below(90));
      if (is_weekend(c) || std::count(st.closures.begin(), st.closures.end(), c)) continue;
      st.closures.push_back(c);
      st.closure_names.push_back("Holiday " + std::to_string(i));
    }
    if (r.chance(50)) {
      const Date b = add(base, r.below(80));
      st.blocked.push_back({b, add(b, r.below(8)), "ECOSOC"});
    }
    for (int i = 0; i < 1 + r.below(3); ++i) {
      PlanRoom room{"Room " + std::to_string(i + 1), 30 + 40 * r.below(3), {}};
      for (int k = r.below(4); k > 0; --k) {
        const Date monday = add(base, 7 * r.below(12));
        room.booked.push_back({monday, add(monday, 4), "other body"});
      }
      st.rooms.push_back(room);
    }
  }
  p.allow_stretch = r.chance(40);
  p.any_weekday_start = r.chance(30);
  p.weights = {r.below(3), r.below(3), r.below(12), r.below(25), r.below(12)};
  p.top = 1 + r.below(4);
  PlanMandate m;
  m.key = "M";
  m.from = add(base, r.below(5));
  m.latest_end = add(m.from, 30 + r.below(60));
  int number = 1;
  if (r.chance(40)) {
    const Date f = add(base, -7 * (2 + r.below(3)));  // a Monday, held
    m.fixed.push_back({number++, f, add(f, 4), r.chance(50) ? "NY" : "GVA"});
  }
  const int length = 1 + r.below(5);
  for (int i = 1 + r.below(3); i > 0; --i) {
    PlanSession s;
    s.number = number++;
    s.length = length;
    s.stations = r.chance(50) ? std::vector<std::string>{"NY", "GVA"}
                              : std::vector<std::string>{r.chance(50) ? "NY" : "GVA"};
    m.sessions.push_back(s);
  }
  m.min_gap_days = 7 * r.below(4);
  m.min_end_gap_days = r.below(10);
  m.seats = r.chance(50) ? 15 : 50;
  m.timing = static_cast<Timing>(r.below(3));
  p.mandates = {m};
  return p;
}

/// The problem and a plan as a scenario the checker reads.
Scenario to_scenario(const PlanProblem& p, const Plan& plan) {
  Scenario sc;
  const auto& m = p.mandates.front();
  for (const auto& st : p.stations) {
    sc.stations.push_back({st.code, st.code, st.code == "NY" ? "America/New_York" : "Europe/Zurich"});
    for (const auto& b : st.blocked) sc.blackouts.push_back({st.code, b.first, b.last, b.reason, Severity::error});
    for (const auto& r : st.rooms) sc.rooms.push_back({st.code, r.name, r.capacity});
  }
  sc.bodies.push_back({"B", "the planned body", BodyKind::gge, m.seats, m.min_end_gap_days});
  sc.bodies.push_back({"X", "another body", BodyKind::gge, 10, 0});
  Mandate mandate;
  mandate.key = m.key;
  mandate.body = "B";
  mandate.start = m.fixed.empty() ? m.from : std::min(m.from, m.fixed.front().first);
  mandate.report_to_session = 60;
  sc.mandates.push_back(mandate);
  sc.deadlines.push_back({m.key, "latest_end", m.latest_end, "test"});
  int other = 1;
  for (const auto& st : p.stations)
    for (const auto& r : st.rooms)
      for (const auto& b : r.booked)
        sc.sessions.push_back({"X", other++, b.first, b.last, st.code, r.name, SessionStatus::confirmed, "", 0});
  for (const auto& f : m.fixed)
    sc.sessions.push_back({"B", f.number, f.first, f.last, f.station, "", SessionStatus::held, "", 0});
  for (const auto& x : plan.sessions) {
    sc.sessions.push_back({"B", x.number, x.first, x.last, x.station, x.room, SessionStatus::planned, "", 0});
    // Meetings on the days it meets: a session stretched over a closure does not meet on it.
    const auto& st = *std::find_if(p.stations.begin(), p.stations.end(), [&](const PlanStation& y) { return y.code == x.station; });
    for (Date d = x.first; d <= x.last; d += date::days{1}) {
      if (is_weekend(d) || std::count(st.closures.begin(), st.closures.end(), d)) continue;
      Meeting mt;
      mt.body = "B";
      mt.session = x.number;
      mt.date = d;
      mt.start = k_morning_start;
      mt.end = k_morning_end;
      sc.meetings.push_back(mt);
    }
  }
  return sc;
}

}  // namespace

TEST_CASE("plan: every plan returned passes check_plan on 200 random instances", "[rules][plan]") {
  int plans = 0;
  for (unsigned seed = 1; seed <= 200; ++seed) {
    INFO("seed " << seed);
    const auto p = random_problem(seed);
    const auto result = solve_plan(p);
    REQUIRE(result.optimal);
    for (std::size_t k = 0; k <= result.plans.size(); ++k) {
      // The last round checks a broken copy of plan 1 (its last session a week past the latest
      // end day): the checker must see it, or this test could not fail.
      const bool broken = k == result.plans.size();
      if (broken && result.plans.empty()) break;
      Plan plan = result.plans[broken ? 0 : k];
      if (broken) {
        plan.sessions.back().first = add(p.mandates[0].latest_end, 3);
        plan.sessions.back().last = add(p.mandates[0].latest_end, 7);
      } else {
        ++plans;
      }
      const Scenario sc = to_scenario(p, plan);
      CheckInput in{sc};
      in.closure = test::closure_lookup(p);
      in.filter.body = "B";
      in.options.suggest_fixes = false;
      const auto findings = check_plan(in);
      INFO(test::describe(findings));
      if (broken)
        CHECK(std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.code == "after-latest-end"; }));
      else
        CHECK(findings.empty());
    }
  }
  CHECK(plans >= 200);
}
