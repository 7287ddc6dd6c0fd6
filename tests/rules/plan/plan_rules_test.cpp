// The planner's written-down rules (rules/plan.hpp, rules/session_days.hpp), one test per
// decision: exact rooms, the travel rule, blocked weekends, the stretch limit, the spacing
// anchor, the balance stations, avoided calendar days, a station without rooms.
#include "gge/rules/plan/plan.hpp"
#include "gge/rules/calendar/session_days.hpp"
#include "plan_support.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using test::add;
using test::day;

namespace {

PlanMandate mandate(const std::string& key, int seats, Date from, Date latest_end, int length,
                    std::vector<std::string> stations, int sessions = 1) {
  PlanMandate m;
  m.key = key;
  m.body = key;
  m.seats = seats;
  m.from = from;
  m.latest_end = latest_end;
  for (int n = 1; n <= sessions; ++n) m.sessions.push_back({n, length, stations, {}, {}, {}});
  return m;
}

}  // namespace

TEST_CASE("plan: rooms are assigned exactly, not smallest-first without re-shuffling", "[rules][plan]") {
  // X (10 seats) Mon-Wed, Y (10) Wed-Fri, Z (50) Thu-Fri at one station with a 20- and a
  // 100-seat room. Smallest-first gives X the small room, Y the big one, and Z none; the
  // assignment X big, Y small, Z big (after X) exists.
  PlanProblem p;
  p.stations = {{"GVA", {}, {}, {}, {{"small", 20, {}}, {"big", 100, {}}}}};
  p.any_weekday_start = true;
  p.mandates = {mandate("X", 10, day("2005-03-07"), day("2005-03-09"), 3, {"GVA"}),
                mandate("Y", 10, day("2005-03-09"), day("2005-03-11"), 3, {"GVA"}),
                mandate("Z", 50, day("2005-03-10"), day("2005-03-11"), 2, {"GVA"})};
  const auto r = solve_plan(p);
  REQUIRE(r.optimal);
  REQUIRE(r.plans.size() == 1);
  CHECK(plan_violation(p, r.plans.front()).empty());
  CHECK(r.plans.front().sessions[0].room == "big");
  CHECK(r.plans.front().sessions[1].room == "small");
  CHECK(r.plans.front().sessions[2].room == "big");
}

TEST_CASE("plan: experts shared at two stations need a weekday between, none at one station", "[rules][plan]") {
  CHECK_FALSE(can_share_experts(day("2005-03-07"), day("2005-03-07"), "NY", day("2005-03-08"), day("2005-03-08"), "GVA"));
  CHECK(can_share_experts(day("2005-03-07"), day("2005-03-07"), "NY", day("2005-03-09"), day("2005-03-09"), "GVA"));
  CHECK(can_share_experts(day("2005-03-07"), day("2005-03-07"), "NY", day("2005-03-08"), day("2005-03-08"), "NY"));
  // Friday to Monday: the weekend is no travel day.
  CHECK_FALSE(can_share_experts(day("2005-03-04"), day("2005-03-04"), "NY", day("2005-03-07"), day("2005-03-07"), "GVA"));
  CHECK_FALSE(can_share_experts(day("2005-03-07"), day("2005-03-09"), "NY", day("2005-03-09"), day("2005-03-10"), "NY"));
  // In the planner: B shares an expert with A (NY, Monday 7 March); B at GVA may start on
  // Wednesday 9 March at the earliest.
  PlanProblem p;
  p.stations = {{"NY", {}, {}, {}, {}}, {"GVA", {}, {}, {}, {}}};
  p.any_weekday_start = true;
  p.mandates = {mandate("A", 10, day("2005-03-07"), day("2005-03-07"), 1, {"NY"}),
                mandate("B", 10, day("2005-03-08"), day("2005-03-18"), 1, {"GVA"})};
  p.mandates[1].shares_experts_with = {"A"};
  p.mandates[1].timing = Timing::earliest;
  const auto r = solve_plan(p);
  REQUIRE(r.plans.size() == 1);
  CHECK(r.plans.front().sessions[1].first == day("2005-03-09"));
  // A busy span of another body's session at another station: the same rule.
  p.mandates.pop_back();
  p.mandates.front() = mandate("B", 10, day("2005-03-08"), day("2005-03-18"), 1, {"GVA"});
  p.mandates.front().timing = Timing::earliest;
  p.mandates.front().busy = {{day("2005-03-07"), day("2005-03-07"), "A session 1", "NY"}};
  CHECK(solve_plan(p).plans.front().sessions.front().first == day("2005-03-09"));
}

TEST_CASE("plan: a blocked weekend inside a session blocks it, as the checker sees it", "[rules][plan]") {
  PlanProblem p;
  p.stations = {{"GVA", {}, {}, {{day("2005-04-16"), day("2005-04-17"), "blackout", {}}}, {}}};
  p.any_weekday_start = true;
  p.mandates = {mandate("A", 10, day("2005-04-11"), day("2005-04-22"), 5, {"GVA"})};
  p.top = 10;
  const auto r = solve_plan(p);
  // Only Monday 11 to Friday 15 April stays clear of the weekend of 16-17 April... and Monday
  // 18 to Friday 22: the weekday starts from Tuesday 12 to Friday 15 all run over it.
  REQUIRE(r.plans.size() == 2);
  for (const auto& plan : r.plans) {
    CHECK(plan_violation(p, plan).empty());
    CHECK((plan.sessions.front().last < day("2005-04-16") || plan.sessions.front().first > day("2005-04-17")));
  }
}

TEST_CASE("plan: --stretch runs over at most two closures, never starts or ends on one", "[rules][plan]") {
  PlanProblem p;
  p.stations = {{"GVA", {day("2005-03-25"), day("2005-03-28")}, {"Good Friday", "Easter Monday"}, {}, {}}};
  p.any_weekday_start = true;
  p.mandates = {mandate("A", 10, day("2005-03-23"), day("2005-03-31"), 4, {"GVA"})};
  p.mandates.front().timing = Timing::earliest;
  CHECK(solve_plan(p).plans.empty());  // 23 March to 31 March holds 5 working days, none 4 in a row
  p.allow_stretch = true;
  const auto r = solve_plan(p);
  REQUIRE(r.plans.size() == 1);
  CHECK(r.plans.front().sessions.front().first == day("2005-03-23"));
  CHECK(r.plans.front().sessions.front().last == day("2005-03-30"));  // over both closures
  // A third closure inside is one too many.
  p.stations.front().closures.push_back(day("2005-03-29"));
  p.stations.front().closure_names.push_back("a third");
  p.mandates.front().sessions.front().length = 3;
  p.mandates.front().latest_end = day("2005-03-31");
  for (const auto& plan : solve_plan(p).plans) {
    int inside = 0;
    for (Date c : p.stations.front().closures)
      inside += c > plan.sessions.front().first && c < plan.sessions.front().last;
    CHECK(inside <= k_max_stretch_closures);
  }
}

TEST_CASE("plan: spacing is anchored at the last held session before the first to place", "[rules][plan]") {
  PlanProblem p;
  p.stations = {{"NY", {}, {}, {}, {}}};
  auto m = mandate("A", 10, day("2005-01-03"), day("2005-06-30"), 5, {"NY"}, 0);
  m.fixed = {{1, day("2005-02-07"), day("2005-02-11"), "NY"}};
  m.sessions = {{2, 5, {"NY"}, {}, {}, {}}, {3, 5, {"NY"}, {}, {}, {}}};
  p.mandates = {m};
  // target = (30 June - 7 February) / 2 = 143 / 2 = 71 days; gaps 7 Feb -> 4 Apr (56) and
  // 4 Apr -> 6 Jun (63): |56 - 71| + |63 - 71| = 23.
  Plan plan;
  plan.sessions = {{"A", "A", 2, day("2005-04-04"), day("2005-04-08"), "NY", ""},
                   {"A", "A", 3, day("2005-06-06"), day("2005-06-10"), "NY", ""}};
  CHECK(score_plan(p, plan).spacing == 23);
}

TEST_CASE("plan: balance counts every station a session to place may use, held sessions too", "[rules][plan]") {
  PlanProblem p;
  p.stations = {{"NY", {}, {}, {}, {}}, {"GVA", {}, {}, {}, {}}, {"VIE", {}, {}, {}, {}}};
  auto m = mandate("A", 10, day("2005-01-03"), day("2005-06-30"), 5, {"GVA", "VIE"}, 0);
  m.fixed = {{1, day("2004-10-04"), day("2004-10-08"), "NY"}};  // NY: not a station to place at
  m.sessions = {{2, 5, {"GVA", "VIE"}, {}, {}, {}}};
  p.mandates = {m};
  Plan plan;
  plan.sessions = {{"A", "A", 2, day("2005-04-04"), day("2005-04-08"), "GVA", ""}};
  CHECK(score_plan(p, plan).balance == 20);  // GVA 1, VIE 0; the NY session does not count
}

TEST_CASE("plan: avoid counts the calendar days of a session, weekends included", "[rules][plan]") {
  PlanProblem p;
  p.stations = {{"NY", {}, {}, {}, {}}};
  p.any_weekday_start = true;
  p.mandates = {mandate("A", 10, day("2005-08-01"), day("2005-08-31"), 5, {"NY"})};
  p.mandates.front().avoid_months = {8};
  Plan plan;
  plan.sessions = {{"A", "A", 1, day("2005-08-03"), day("2005-08-09"), "NY", ""}};  // Wed to Tue
  CHECK(score_plan(p, plan).avoid == 7 * 10);
}

TEST_CASE("plan: experts' soft busy days cost once per expert and day, weekends included",
          "[rules][plan]") {
  PlanMandate m = mandate("A", 0, day("2005-03-07"), day("2005-03-31"), 5, {"NY"});
  m.soft_busy = {{"e1", day("2005-03-08"), day("2005-03-09"), "e1 hearing"},
                 {"e1", day("2005-03-09"), day("2005-03-10"), "e1 budget"},  // 9 March counts once
                 {"e2", day("2005-03-05"), day("2005-03-08"), "e2 travel"},  // Sat to Tue
                 {"e2", day("2005-03-21"), day("2005-03-21"), "e2 later"}};
  const auto clash = expert_clash(m, day("2005-03-07"), day("2005-03-11"));
  CHECK(clash.expert_days == 3 + 2);  // e1: 8, 9, 10 March; e2: 7, 8 March
  CHECK(clash.reasons == std::vector<std::string>{"e1 hearing", "e1 budget", "e2 travel"});
  CHECK(expert_clash(m, day("2005-03-12"), day("2005-03-20")).expert_days == 0);
  CHECK(expert_clash(m, day("2005-03-04"), day("2005-03-06")).expert_days ==
        2);  // a weekend counts

  PlanProblem p;
  p.stations = {{"NY", {}, {}, {}, {}}};
  p.mandates = {m};
  p.mandates.front().timing = Timing::earliest;
  p.weights.experts = 1;  // 5 expert-days = 5 < timing 7 of the next week: keep the week of 7 March
  auto r = solve_plan(p);
  REQUIRE(r.plans.size() == 1);
  CHECK(r.plans[0].sessions[0].first == day("2005-03-07"));
  CHECK(r.plans[0].score.experts == 5);
  p.weights.experts = 20;  // 100 > 7: move to 14 March (free of both)
  r = solve_plan(p);
  REQUIRE(r.plans.size() == 1);
  CHECK(r.plans[0].sessions[0].first == day("2005-03-14"));
  CHECK(r.plans[0].score.experts == 0);
  CHECK(r.plans[0].score.timing == 7);
}

TEST_CASE("plan: a station without rooms listed has no room limit", "[rules][plan]") {
  PlanProblem p;
  p.stations = {{"NBO", {}, {}, {}, {}}};
  p.mandates = {mandate("A", 100, day("2005-03-07"), day("2005-03-11"), 5, {"NBO"}),
                mandate("B", 100, day("2005-03-07"), day("2005-03-11"), 5, {"NBO"})};
  const auto r = solve_plan(p);
  REQUIRE(r.plans.size() == 1);
  CHECK(r.plans.front().sessions[0].room.empty());
  CHECK(r.plans.front().sessions[1].first == r.plans.front().sessions[0].first);
}

TEST_CASE("plan: a budget that stops the search says so and gives a bound", "[rules][plan]") {
  PlanProblem p;
  p.stations = {{"NY", {}, {}, {}, {{"one", 50, {}}}}};
  for (int i = 0; i < 3; ++i) {
    p.mandates.push_back(mandate("M" + std::to_string(i), 20, day("2005-01-03"), day("2005-12-30"), 5, {"NY"}, 3));
    p.mandates.back().timing = Timing::earliest;
    p.mandates.back().min_gap_days = 28;
  }
  p.top = 5;
  const auto full = solve_plan(p);
  REQUIRE(full.optimal);
  CHECK(full.bound == full.plans.front().score.total());
  p.max_nodes = 20;
  const auto cut = solve_plan(p);
  CHECK_FALSE(cut.optimal);
  CHECK(cut.bound <= full.plans.front().score.total());
}
